/**
 * A budget line as its detectors see it: the relative variance per period after seasonality, and
 * the line's own noise level.
 */
import { median } from '../stats/median';
import { hasFullSeasons } from '../model/limits';
import { noiseScale } from './robust-scale';

export interface LineResiduals {
  /** Periods with both a plan and an actual, in order (0-based indices). */
  index: number[];
  plan: number[];
  actual: number[];
  /** Scale each variance is measured against: |plan|, floored at 10% of the line's typical plan. */
  base: number[];
  /** Relative variance (actual − plan) / base, minus the seasonal pattern of variances when removed. */
  residual: number[];
  /** Robust noise of `residual` (relative units, e.g. 0.04 = ±4% of plan). */
  sigma: number;
  /** True when a recurring seasonal variance pattern (plan phased differently from actuals) was removed. */
  deseasonalised: boolean;
}

/** Noise is never taken below 0.2% of plan, so a perfectly tracked line does not flag cents. */
const SIGMA_FLOOR = 0.002;

/** Root mean square around the median: sensitive to a pattern confined to a few months of the year. */
function rms(values: number[]): number {
  const m = median(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

/**
 * Leave-one-out seasonal adjustment: each variance minus the median variance of the same position
 * in the other years. Leaving the period itself out keeps a one-off from hiding in its own
 * profile and keeps the noise estimate honest (a profile fitted with the point would absorb it).
 */
function leaveOneOutAdjusted(r: number[], position: number[]): number[] {
  return r.map((v, i) => {
    const others = r.filter((_, j) => j !== i && position[j] === position[i]);
    return others.length ? v - median(others) : v;
  });
}

/**
 * Builds the residual view of a line. A seasonal pattern of the variances (a plan phased flat against
 * seasonal actuals) is removed only when there are two full years and removing it cuts the noise
 * (robust scale, or root mean square for a pattern confined to a few months) by at least 30%. Without a pattern, the leave-one-out adjustment raises the noise by √1.5 to √2,
 * so the test only passes on a pattern well above the noise; otherwise the plan is taken to carry
 * the seasonality already.
 * @example lineResiduals([100, 100, 100, 100], [101, 99, 120, 100], 12).residual // [0.01, -0.01, 0.2, 0]
 */
export function lineResiduals(
  plan: ReadonlyArray<number | null>,
  actual: ReadonlyArray<number | null>,
  periodsPerYear: number,
): LineResiduals {
  const index: number[] = [];
  for (let t = 0; t < plan.length; t += 1) {
    const p = plan[t];
    const a = actual[t];
    if (p !== null && a !== null && Number.isFinite(p) && Number.isFinite(a)) index.push(t);
  }
  const p = index.map((t) => plan[t] as number);
  const a = index.map((t) => actual[t] as number);
  const typical = median(p.map(Math.abs));
  const floor = Math.max(0.1 * (Number.isFinite(typical) ? typical : 0), 1e-9);
  const base = p.map((v) => Math.max(Math.abs(v), floor));
  const raw = a.map((v, i) => (v - p[i]) / base[i]);
  let residual = raw;
  let deseasonalised = false;
  if (hasFullSeasons(index.length, periodsPerYear)) {
    const position = index.map((t) => t % periodsPerYear);
    const adjusted = leaveOneOutAdjusted(raw, position);
    if (noiseScale(adjusted, 0) < 0.7 * noiseScale(raw, 0) || rms(adjusted) < 0.7 * rms(raw)) {
      residual = adjusted;
      deseasonalised = true;
    }
  }
  return { index, plan: p, actual: a, base, residual, sigma: noiseScale(residual, SIGMA_FLOOR), deseasonalised };
}
