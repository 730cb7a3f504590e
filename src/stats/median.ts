import { medianSorted } from './median-sorted';

/**
 * Median of the finite values (NaN and ±∞ are skipped, as blanks are); NaN when there are none.
 * Sorts a copy; `values` is not modified.
 * @example median([3, 1, 2]) // 2 (R: median(c(3, 1, 2)))
 * @example median([4, NaN, 1, 3, 2]) // 2.5 (R: median(c(4, NA, 1, 3, 2), na.rm = TRUE))
 */
export function median(values: ArrayLike<number>): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  return medianSorted(finite.sort((a, b) => a - b));
}
