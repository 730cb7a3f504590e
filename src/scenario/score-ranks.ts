/**
 * Ranks of an Iman–Conover score column, the inner loop of rank correlation. The column's values are
 * quantised uniformly between its minimum and maximum to 22 bits and ranked by a two-pass LSD radix
 * sort (11-bit digits, counting tables in L1 cache); values in the same 1/4,194,304 of the range keep
 * trial order. A block's score columns are roughly normal, so at 25,000 trials neighbouring sorted
 * values are about 1/2,000 of the range apart: near-ties are rare (under 1% of
 * trials) and move a rank by a place or two, which changes a Spearman coefficient by less than 1e-6
 * (test/scenario/score-ranks.test.ts). Twice as fast as the general
 * 64-bit argsort (src/scenario/ranks-radix.ts) on such columns.
 */
import { Scratch } from './scratch';
import { extent } from '../stats/extent';

const BITS = 11;
const MASK = (1 << BITS) - 1;
const LEVELS = 1 << (2 * BITS);

/**
 * @param values the score column (finite)
 * @param out receives the rank (0-based position in ascending order) of every value
 * @example scoreRanks(Float64Array.of(0.3, -1, 2), new Uint32Array(3)) // [1, 0, 2]
 */
export function scoreRanks(values: Float64Array, out: Uint32Array, scratch: Scratch = new Scratch()): Uint32Array {
  const n = values.length;
  const [min, max] = extent(values);
  const scale = max > min ? (LEVELS - 1) / (max - min) : 0;
  const key = scratch.uint32('score-ranks:key', n);
  const low = scratch.uint32('score-ranks:low', MASK + 1).fill(0);
  const high = scratch.uint32('score-ranks:high', MASK + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const k = ((values[i] - min) * scale) >>> 0;
    key[i] = k;
    low[k & MASK]++;
    high[k >>> BITS]++;
  }
  for (let d = 0, a = 0, b = 0; d <= MASK; d++) {
    const ca = low[d];
    low[d] = a;
    a += ca;
    const cb = high[d];
    high[d] = b;
    b += cb;
  }
  // Pass 1: order trials by the low digit; pass 2, stable, by the high digit.
  const order = scratch.uint32('score-ranks:order', n);
  for (let i = 0; i < n; i++) order[low[key[i] & MASK]++] = i;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    out[i] = high[key[i] >>> BITS]++;
  }
  return out;
}
