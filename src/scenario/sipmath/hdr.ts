/**
 * The HDR generator of the SIPmath 3.0 standard (Hubbard Decision Research, `HDR_2_0`): a
 * counter-based uniform generator, so trial `i` of a variable is the same number in every tool that
 * implements the standard. Constants as published in the standard and in PySIPmath's chanceCalc
 * (probability-management/PySIPmath, PySIP/chanceCalc.py):
 *
 *   s1 = (i·2499997 + varId·1800451 + entity·2000371 + seed3·1796777 + seed4·2299603) mod 7450589
 *   s2 = (i·2246527 + varId·2399993 + entity·2100869 + seed3·1918303 + seed4·1624729) mod 7450987
 *   a  = ((999999999999989 mod (s1·4658 + 7450581))·383) mod 99991
 *   b  = ((999999999999989 mod (s2·7580 + 7560584))·17669) mod 7440893
 *   u  = (((a·7440893 + b)·1343) mod 4294967296 + 0.5) / 4294967296
 *
 * Every intermediate is a whole number below 2^53, so double arithmetic is exact and the result is
 * the same bits in every engine. (chanceCalc rounds u to 15 digits afterwards; the standard's formula
 * does not, and neither does this.)
 */

/** The arguments of one HDR_2_0 generator in a library's U01.rng list. */
export interface HdrSeeds {
  entity: number;
  varId: number;
  seed3: number;
  seed4: number;
}

/**
 * The uniform of trial `index` (PM_Index, 1-based).
 * @example hdrUniform(1, { entity: 1, varId: 1, seed3: 0, seed4: 0 })
 */
export function hdrUniform(index: number, s: HdrSeeds): number {
  const s1 =
    (index * 2499997 + s.varId * 1800451 + s.entity * 2000371 + s.seed3 * 1796777 + s.seed4 * 2299603) % 7450589;
  const s2 =
    (index * 2246527 + s.varId * 2399993 + s.entity * 2100869 + s.seed3 * 1918303 + s.seed4 * 1624729) % 7450987;
  const a = ((999999999999989 % (s1 * 4658 + 7450581)) * 383) % 99991;
  const b = ((999999999999989 % (s2 * 7580 + 7560584)) * 17669) % 7440893;
  return ((((a * 7440893 + b) * 1343) % 4294967296) + 0.5) / 4294967296;
}

/** Trials 1…n of one generator. */
export function hdrUniforms(n: number, seeds: HdrSeeds): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = hdrUniform(i + 1, seeds);
  return out;
}
