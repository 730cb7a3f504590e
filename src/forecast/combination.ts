import { median } from '../stats/median';
import type { MemberForecast } from './member-forecasts';

/** How member forecasts are pooled at each step: their (weighted) mean, or their median. */
export type CombinationRule = 'mean' | 'median';

/**
 * Combines member forecasts. With rule "mean" (default) the mean is the weighted mean of the
 * members' means (equal weights by default, the strongest simple benchmark in the forecasting
 * literature) and each bound the weighted mean of the members' bounds (quantile averaging,
 * "Vincentisation"), which keeps the 80% interval inside the 95% one and widths growing with the
 * horizon whenever the members' do. Weights are normalised; members with zero weight are ignored.
 * With rule "median" the mean and each bound are the median over the members with positive weight
 * (weights otherwise ignored): robust to one member going astray, at the cost of the others'
 * information (with three members on the tuning sets it loses to the mean; docs/forecast.md).
 * @example combineForecasts([a, b]).mean // element-wise average of a.mean and b.mean
 */
export function combineForecasts(
  members: ReadonlyArray<MemberForecast>,
  weights?: ReadonlyArray<number>,
  rule: CombinationRule = 'mean',
): MemberForecast {
  const w = weights ?? members.map(() => 1);
  const total = w.reduce((s, v) => s + v, 0);
  const h = members[0].mean.length;
  const levels = members[0].lower.length;
  const mean = new Float64Array(h);
  const lower = Array.from({ length: levels }, () => new Float64Array(h));
  const upper = Array.from({ length: levels }, () => new Float64Array(h));
  const name = members.map((m) => m.name).join('+');
  if (rule === 'median') {
    const used = members.filter((_, j) => w[j] > 0);
    for (let k = 0; k < h; k++) {
      mean[k] = median(used.map((f) => f.mean[k]));
      for (let i = 0; i < levels; i++) {
        lower[i][k] = median(used.map((f) => f.lower[i][k]));
        upper[i][k] = median(used.map((f) => f.upper[i][k]));
      }
    }
    return { name, mean, lower, upper };
  }
  members.forEach((mem, j) => {
    const wj = w[j] / total;
    if (!(wj > 0)) return;
    for (let k = 0; k < h; k++) {
      mean[k] += wj * mem.mean[k];
      for (let i = 0; i < levels; i++) {
        lower[i][k] += wj * mem.lower[i][k];
        upper[i][k] += wj * mem.upper[i][k];
      }
    }
  });
  return { name, mean, lower, upper };
}

/**
 * A forecast floored at 0: its mean and every bound below 0 become 0 (the same object when none is).
 * `auto` floors its members when the history has no negative value, before pooling them: sales,
 * volumes or headcount that were never negative are not forecast below zero, and a member whose
 * trend runs through zero no longer drags the pool down with it (M1: sMAPE 16.18 → 14.99;
 * docs/forecast.md, "Combination and interval rules from cached members").
 * @example floorAtZero({ name: 'a', mean: [-2, 3], lower: [[-5, 1]], upper: [[1, 5]] }).mean // [0, 3]
 */
export function floorAtZero(f: MemberForecast): MemberForecast {
  const below = (a: Float64Array): boolean => a.some((v) => v < 0);
  if (!below(f.mean) && !f.lower.some(below) && !f.upper.some(below)) return f;
  const floor = (a: Float64Array): Float64Array => a.map((v) => Math.max(v, 0));
  return { ...f, mean: floor(f.mean), lower: f.lower.map(floor), upper: f.upper.map(floor) };
}

/**
 * The interval of `interval` moved to sit around another point forecast `mean`: each bound keeps its
 * distance from `interval.mean` (the half-widths, asymmetric ones included). `auto` pools its point
 * forecast from four members and keeps the calibrated interval of its three-member mean.
 * @example recentre({ name: 'a', mean: [10], lower: [[8]], upper: [[13]] }, [11]).lower[0] // [9]
 */
export function recentre(interval: MemberForecast, mean: Float64Array, name = interval.name): MemberForecast {
  return {
    name,
    mean,
    lower: interval.lower.map((lo) => lo.map((v, k) => mean[k] - (interval.mean[k] - v))),
    upper: interval.upper.map((hi) => hi.map((v, k) => mean[k] + (v - interval.mean[k]))),
  };
}
