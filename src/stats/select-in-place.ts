/**
 * In-place selection (Hoare's quickselect with median-of-three pivots) on a Float64Array:
 * after `selectInPlace(a, k, lo, hi)`, a[k] holds the value it would hold if a[lo..hi] were sorted,
 * with smaller-or-equal values before it and larger-or-equal after. Expected O(n), no allocation.
 * Used by `percentiles` to read order statistics of large Monte Carlo outputs without sorting.
 * @example selectInPlace(Float64Array.of(5, 1, 4, 2, 3), 1) // 2
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value.
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z;
    const pivot = x > y ? x : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}
