/**
 * Robust location and scale, the yardsticks every detector measures against.
 */

/** Median of the finite values (NaN when there are none). @example median([3, 1, 2]) // 2 */
export function median(values: ArrayLike<number>): number {
  const xs = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return NaN;
  return n % 2 ? xs[(n - 1) >> 1] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

/**
 * Median absolute deviation scaled by 1.4826, a consistent estimate of σ for normal data
 * (R: `mad(c(1, 2, 3, 4, 100))` = 1.4826).
 * @example mad([1, 2, 3, 4, 100]) // 1.4826
 */
export function mad(values: ArrayLike<number>): number {
  const m = median(values);
  return 1.4826 * median(Array.from(values, (v) => Math.abs(v - m)));
}

/**
 * Noise scale of a series that may hold level shifts and spikes: the MAD of first differences
 * divided by √2 (differencing removes a level shift except at one point; the median ignores
 * spikes). Falls back to the plain MAD when fewer than 3 differences exist; never below `floor`.
 * @example noiseScale([5, 5, 5, 5], 0.01) // 0.01 (no variation: the floor)
 */
export function noiseScale(values: ReadonlyArray<number>, floor: number): number {
  const finite = values.filter(Number.isFinite);
  const diffs: number[] = [];
  for (let i = 1; i < finite.length; i += 1) diffs.push(finite[i] - finite[i - 1]);
  const s = diffs.length >= 3 ? mad(diffs) / Math.SQRT2 : finite.length >= 2 ? mad(finite) : 0;
  return Math.max(Number.isFinite(s) ? s : 0, floor);
}
