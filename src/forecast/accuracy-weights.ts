import type { MemberForecast } from './member-forecasts';

/** Builds the combination's members, by role (a fixed order; undefined when a role cannot be fitted). */
export type MemberBuilder = (history: Float64Array) => ReadonlyArray<MemberForecast | undefined>;

/**
 * Combination weights from each member's tracked accuracy: the members are refitted at `origins`
 * successive forecast origins (the history ending h + origins − 1, …, h periods before its end),
 * their forecasts of the next h values are scored by MASE (scale: in-sample mean absolute
 * seasonal-naive error at lag m, or lag 1 when the history is shorter than a season), and each
 * role's weight is 1 / (its mean MASE over all scored origins and steps). This is the "learning
 * loop": as actuals arrive, the members that forecast them better weigh more.
 * Returns undefined (equal weights) when the first origin leaves fewer than `minHistory` values,
 * or any role is never scored or has a MASE of 0 or non-finite.
 * @example accuracyWeights(y, 12, 6, 3, 24, build) // e.g. [1.1, 0.8, 0.9]: 1 / mean MASE per role
 */
export function accuracyWeights(
  y: Float64Array,
  m: number,
  h: number,
  origins: number,
  minHistory: number,
  build: MemberBuilder,
): number[] | undefined {
  const n = y.length;
  const firstEnd = n - h - origins + 1;
  if (firstEnd < minHistory || origins < 1) return undefined;
  let sums: number[] | undefined;
  let counts: number[] | undefined;
  for (let end = firstEnd; end <= n - h; end++) {
    const train = y.subarray(0, end);
    const lag = end > m ? m : 1;
    let scale = 0;
    for (let t = lag; t < end; t++) scale += Math.abs(train[t] - train[t - lag]) / (end - lag);
    if (!(scale > 0)) continue;
    const members = build(train);
    sums ??= members.map(() => 0);
    counts ??= members.map(() => 0);
    members.forEach((f, r) => {
      if (!f || !sums || !counts) return;
      for (let k = 0; k < h; k++) {
        sums[r] += Math.abs(y[end + k] - f.mean[k]) / scale;
        counts[r]++;
      }
    });
  }
  if (!sums || !counts) return undefined;
  const weights = sums.map((s, r) => (counts![r] > 0 ? counts![r] / s : NaN));
  return weights.every((w) => Number.isFinite(w) && w > 0) ? weights : undefined;
}
