import { quantileSorted } from './quantile-sorted';

/**
 * The p-quantile of unsorted data by the project's one definition (R type 7 = Excel
 * PERCENTILE.INC; see quantile-sorted.ts). Non-finite entries (NaN for blanks, ±∞) are skipped, as
 * `median` skips them and as R's `na.rm = TRUE` skips NA; NaN when nothing is left. Sorts a copy; `values` is not modified.
 * @example quantile([4, 1, NaN, 3, 2], 0.25) // 1.75 (R: quantile(c(4, 1, NA, 3, 2), 0.25, na.rm = TRUE))
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  return quantileSorted(Float64Array.from(finite).sort(), p);
}
