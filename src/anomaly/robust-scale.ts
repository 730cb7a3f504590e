/**
 * The noise scale every detector measures against, built on the one median, MAD and normal CDF
 * (src/stats).
 */
import { mad, MAD_TO_SD } from '../stats/mad';
import { median } from '../stats/median';
import { normalCdf } from '../stats/normal-cdf';
import { normalDensity } from '../stats/normal-density';

/** Differences beyond this many scales are left out of the root mean square (a spike's two steps). */
export const CLIP_SCALES = 3;

/** Re-estimations of the clipped scale after the MAD's start; the estimate settles in two or three. */
const REFINEMENTS = 3;

/**
 * E[X² | |X| ≤ c] for a standard normal X: the share of the variance a root mean square clipped at
 * c keeps, so that dividing by it makes the clipped estimate consistent for σ.
 * @example clippedVarianceShare(3) // 0.9733369246625415
 */
export function clippedVarianceShare(c: number): number {
  return 1 - (2 * c * normalDensity(c)) / (2 * normalCdf(c) - 1);
}

/**
 * Root mean square of values within CLIP_SCALES scales of zero, iterated from the MAD and divided by
 * the normal's clipped variance share: a Huber-type scale that one wild value cannot move (like the
 * MAD) but uses every ordinary value (the MAD uses only the middle one, and wanders by ±20% on 36
 * values where this wanders by about ±12%).
 */
function clippedRms(values: number[]): number {
  // The MAD of the values and their mirror images (centred at 0 by symmetry) is, to the bit, the
  // median of their absolute values: one sort of n values instead of two of 2n.
  let s = MAD_TO_SD * median(values.map(Math.abs));
  const share = clippedVarianceShare(CLIP_SCALES);
  for (let k = 0; k < REFINEMENTS && s > 0 && Number.isFinite(s); k += 1) {
    // In units of the current scale, so squares of huge amounts do not overflow.
    const unit = s;
    const kept = values.filter((v) => Math.abs(v) <= CLIP_SCALES * unit);
    s = unit * Math.sqrt(kept.reduce((sum, v) => sum + (v / unit) ** 2, 0) / kept.length / share);
  }
  return s;
}

/**
 * Noise scale of a series that may hold level shifts and spikes: the clipped root mean square of
 * first differences divided by √2 (differencing removes a level shift except at one point; the
 * clipping ignores spikes and that point). Falls back to the MAD when fewer than 3 differences exist;
 * never below `floor`.
 * @example noiseScale([5, 5, 5, 5], 0.01) // 0.01 (no variation: the floor)
 */
export function noiseScale(values: ReadonlyArray<number>, floor: number): number {
  const finite = values.filter(Number.isFinite);
  const diffs: number[] = [];
  for (let i = 1; i < finite.length; i += 1) diffs.push(finite[i] - finite[i - 1]);
  const s = diffs.length >= 3 ? clippedRms(diffs) / Math.SQRT2 : finite.length >= 2 ? mad(finite) : 0;
  return Math.max(Number.isFinite(s) ? s : 0, floor);
}
