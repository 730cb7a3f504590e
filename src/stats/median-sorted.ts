/**
 * The median of an ascending array: the middle value, or the mean of the two middle values. NaN for
 * an empty array. It equals the type-7 quantile at ½ (quantile-sorted.ts); the mean of the two middle
 * values is (a + b)/2, correctly rounded (a + (b − a)/2 need not be), or a/2 + b/2 when a + b
 * overflows.
 * @example medianSorted([1, 2, 3, 10]) // 2.5
 * @example medianSorted([]) // NaN
 */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  if (n % 2 === 1) return sorted[mid];
  const sum = sorted[mid - 1] + sorted[mid];
  return Number.isFinite(sum) ? sum / 2 : sorted[mid - 1] / 2 + sorted[mid] / 2;
}
