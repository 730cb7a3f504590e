/**
 * The smallest and the largest value of a sample, in one pass: what the bucketed passes over a
 * large sample (percentiles, the score ranks of Iman–Conover) scale their buckets by, and the
 * range a histogram divides into bins. NaN is
 * skipped (it compares false); [Infinity, -Infinity] for an empty sample or one of NaN only.
 * @example extent(Float64Array.of(3, -1, 2)) // [-1, 3]
 */
export function extent(values: ArrayLike<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
