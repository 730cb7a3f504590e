/**
 * The noise scale every detector measures against, built on the one median and MAD (src/stats).
 */
import { mad } from '../stats/mad';

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
