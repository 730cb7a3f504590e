/**
 * The slope of a run of variances: is the gap to plan steady (a step) or growing (a drift)?
 */
import { normalQuantile } from '../stats/normal-quantile';

/** A run whose variance grows by this many standard errors a period (two-sided 5%) is a drift. */
export const DRIFT_Z = normalQuantile(0.975);

/**
 * The least-squares slope of the residuals over a run, per period (relative units, signed), and that
 * slope in units of its standard error under the line's noise (σ / √Σ(t − t̄)²), positive when the
 * run moves away from plan on its own side.
 * @example runSlope({ residual: [0.1, 0.2, 0.3, 0.4], sigma: 0.05 }, { from: 0, to: 3, sign: 1 }) // { slope: 0.1, z: 4.47… }
 */
export function runSlope(
  view: { residual: ReadonlyArray<number>; sigma: number },
  run: { from: number; to: number; sign: number },
): { slope: number; z: number } {
  const n = run.to - run.from + 1;
  const tMean = (n - 1) / 2;
  const rMean = view.residual.slice(run.from, run.to + 1).reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k += 1) {
    sxy += (k - tMean) * (view.residual[run.from + k] - rMean);
    sxx += (k - tMean) ** 2;
  }
  if (sxx === 0) return { slope: 0, z: 0 };
  const slope = sxy / sxx;
  return { slope, z: (run.sign * slope) / (view.sigma / Math.sqrt(sxx)) };
}
