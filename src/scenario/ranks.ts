/**
 * Ranking on typed arrays (radix argsort), and Spearman's rank correlation.
 */
import { argsort } from './ranks-radix';

/**
 * Position of each value in ascending order: a permutation of 0..n-1 (ties broken by trial order).
 * `precision` as in `argsort`.
 * @example ranksOf(Float64Array.of(3, -1, 2)) // Uint32Array [2, 0, 1]
 */
export function ranksOf(values: Float64Array, precision: 'full' | 'high' = 'full'): Uint32Array {
  const order = argsort(values, precision);
  const ranks = new Uint32Array(values.length);
  for (let pos = 0; pos < order.length; pos++) ranks[order[pos]] = pos;
  return ranks;
}

/**
 * Mid-rank of every position of an ascending array: positions holding equal values share the
 * average of their positions (0-based), as Spearman's coefficient with ties requires.
 * @param mid where to write them (a fresh array by default)
 */
export function midRanksOfSorted(
  sorted: Float64Array,
  mid: Float64Array = new Float64Array(sorted.length),
): Float64Array {
  const n = sorted.length;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const value = 0.5 * (start + end - 1);
    for (let i = start; i < end; i++) mid[i] = value;
    start = end;
  }
  return mid;
}

/** Mid-ranks of values in trial order (ties averaged). */
export function midRanks(values: Float64Array): Float64Array {
  const order = argsort(values);
  const n = values.length;
  const sorted = new Float64Array(n);
  for (let pos = 0; pos < n; pos++) sorted[pos] = values[order[pos]];
  const table = midRanksOfSorted(sorted);
  const out = new Float64Array(n);
  for (let pos = 0; pos < n; pos++) out[order[pos]] = table[pos];
  return out;
}

/**
 * Pearson correlation of two equally long arrays (two-pass, centred); 0 when either is constant.
 * @example pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) // 0.9933992677987828
 */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Spearman's rank correlation: Pearson correlation of the mid-ranks.
 * @example spearman(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 3, 2, 4)) // 0.8 (R: cor(..., method = "spearman"))
 */
export function spearman(x: Float64Array, y: Float64Array): number {
  return pearson(midRanks(x), midRanks(y));
}

/** Pearson correlation matrix of k columns (each of length n). */
export function correlationMatrix(columns: readonly Float64Array[]): number[][] {
  const k = columns.length;
  const m: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    m[a][a] = 1;
    for (let b = a + 1; b < k; b++) m[a][b] = m[b][a] = pearson(columns[a], columns[b]);
  }
  return m;
}
