/**
 * In-place selection (Hoare's quickselect with median-of-three pivots) on a Float64Array:
 * after `selectInPlace(a, k, lo, hi)`, a[k] holds the value it would hold if a[lo..hi] were sorted,
 * with smaller-or-equal values before it and larger-or-equal after. Expected O(n), no allocation.
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

/**
 * Percentiles by linear interpolation between order statistics (R's type 7, numpy's default):
 * h = (n − 1)·p, value = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), with 0-based order statistics.
 * Works on a scratch copy; `values` is not modified.
 * @param percents in [0, 100]
 * @example percentiles(Float64Array.of(1, 2, 3, 4), [50]) // [2.5] (R: quantile(1:4, 0.5))
 */
export function percentiles(values: Float64Array, percents: readonly number[], scratch?: Float64Array): number[] {
  const n = values.length;
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
      value = below + (h - k) * (next - below);
    }
    out[i] = value;
    lo = k;
  }
  return out;
}
