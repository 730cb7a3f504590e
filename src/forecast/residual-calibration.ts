import type { MemberForecast } from './member-forecasts';
import { normalQuantile } from '../stats/normal-quantile';
import { quantileSorted } from '../stats/quantile-sorted';

/**
 * Shape correction of normal-theory intervals from the model's own in-sample one-step errors.
 * The residuals are standardised by their root mean square (so the scale is unchanged), and for
 * each level L the factor is the empirical L% quantile of |z| (the one quantile definition, R type 7) divided by the
 * normal one, z_{0.5+L/200}. Heavy-tailed errors give factors below 1 at 80% and above 1 at 95%.
 * Returns 1 for every level when fewer than 20 finite residuals exist or they are all 0.
 * @example residualQuantileFactors(Float64Array.of(...normalScores), [80, 95]) // ≈ [1, 1]
 */
export function residualQuantileFactors(residuals: ArrayLike<number>, levels: ReadonlyArray<number>): number[] {
  const z: number[] = [];
  for (let t = 0; t < residuals.length; t++) if (Number.isFinite(residuals[t])) z.push(residuals[t]);
  let ss = 0;
  for (const v of z) ss += v * v;
  const rms = Math.sqrt(ss / Math.max(z.length, 1));
  if (z.length < 20 || !(rms > 0)) return levels.map(() => 1);
  const a = z.map((v) => Math.abs(v) / rms).sort((x, y) => x - y);
  return levels.map((l) => quantileSorted(a, l / 100) / normalQuantile(0.5 + l / 200));
}

/**
 * Scales each level's lower and upper half-widths around the mean by that level's factor, then
 * keeps every narrower level's bounds inside the wider ones (levels sorted by value).
 * @example rescaleIntervals(f, [80, 95], [0.9, 1.1]) // 80% half-widths ×0.9, 95% ×1.1
 */
export function rescaleIntervals(
  f: MemberForecast,
  levels: ReadonlyArray<number>,
  factors: ReadonlyArray<number>,
): MemberForecast {
  const lower = f.lower.map((lo, i) => lo.map((v, k) => f.mean[k] - factors[i] * (f.mean[k] - v)));
  const upper = f.upper.map((up, i) => up.map((v, k) => f.mean[k] + factors[i] * (v - f.mean[k])));
  const order = levels
    .map((l, i) => [l, i])
    .sort((x, y) => x[0] - y[0])
    .map((p) => p[1]);
  for (let j = order.length - 2; j >= 0; j--) {
    const inner = order[j];
    const outer = order[j + 1];
    for (let k = 0; k < f.mean.length; k++) {
      lower[inner][k] = Math.max(lower[inner][k], lower[outer][k]);
      upper[inner][k] = Math.min(upper[inner][k], upper[outer][k]);
    }
  }
  return { ...f, lower, upper };
}
