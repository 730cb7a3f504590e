import { interpolateOrderStatistics } from './quantile-sorted';
import { selectInPlace } from './select-in-place';

/**
 * Several percentiles of one sample, by the project's one quantile definition (R type 7 = Excel
 * PERCENTILE.INC, see quantile-sorted.ts), read by selection instead of a full sort: the form for
 * large Monte Carlo outputs (FPA.SCENARIO.MC, FPA.CASH.RISK). With 0-based order statistics x₍ᵢ₎,
 * h = (n − 1)·P/100 and the value is x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). h is computed from the
 * percent as ((n − 1)·P)/100, one rounding, so e.g. P5 of 101 values is exactly x₍₅₎.
 * Works on a scratch copy; `values` is not modified. Values must be finite (callers check); NaN for
 * each percentile of an empty sample.
 * @param percents in [0, 100]
 * @example percentiles(Float64Array.of(1, 2, 3, 4), [50]) // [2.5] (R: quantile(1:4, 0.5))
 * @example percentiles(Float64Array.of(4, 1, 3, 2), [5, 95]) // [1.15, 3.85] (Excel: PERCENTILE.INC({1,2,3,4}, 0.05))
 */
export function percentiles(values: Float64Array, percents: readonly number[], scratch?: Float64Array): number[] {
  const n = values.length;
  if (n === 0) return percents.map(() => NaN);
  const a = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  a.set(values);
  const order = percents.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const out = new Array<number>(percents.length);
  let lo = 0;
  for (const { p, i } of order) {
    const h = ((n - 1) * p) / 100;
    const k = Math.floor(h);
    const below = selectInPlace(a, k, lo, n - 1);
    let value = below;
    if (h > k) {
      let next = Infinity;
      for (let j = k + 1; j < n; j++) if (a[j] < next) next = a[j];
      value = interpolateOrderStatistics(below, next, h - k);
    }
    out[i] = value;
    lo = k;
  }
  return out;
}
