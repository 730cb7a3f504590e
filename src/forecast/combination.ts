import type { MemberForecast } from './member-forecasts';

/**
 * Combines member forecasts: the mean is the weighted mean of the members' means (equal weights by
 * default, the strongest simple benchmark in the forecasting literature); each bound is the
 * weighted mean of the members' bounds (quantile averaging, "Vincentisation"), which keeps the
 * 80% interval inside the 95% one and widths growing with the horizon whenever the members' do.
 * Weights are normalised; members with zero weight are ignored.
 * @example combineForecasts([a, b]).mean // element-wise average of a.mean and b.mean
 */
export function combineForecasts(
  members: ReadonlyArray<MemberForecast>,
  weights?: ReadonlyArray<number>,
): MemberForecast {
  const w = weights ?? members.map(() => 1);
  const total = w.reduce((s, v) => s + v, 0);
  const h = members[0].mean.length;
  const levels = members[0].lower.length;
  const mean = new Float64Array(h);
  const lower = Array.from({ length: levels }, () => new Float64Array(h));
  const upper = Array.from({ length: levels }, () => new Float64Array(h));
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
  return { name: members.map((m) => m.name).join('+'), mean, lower, upper };
}
