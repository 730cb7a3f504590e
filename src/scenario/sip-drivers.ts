/**
 * SIP drivers: drivers whose trials are given, not sampled. A SIP (stochastic information packet,
 * the SIPmath standard's unit) is a column of samples; trial t of a run takes sample t mod n of
 * every SIP of the spec, so SIPs from one library keep their joint distribution (their correlation)
 * by sample index, as the standard intends. They are neither sampled nor re-ordered (no Latin
 * hypercube, no Iman–Conover), so they cannot be in the correlation matrix.
 *
 * `sipDriversFromLibrary` reads a SIPmath library as SIP drivers: a 3.0 JSON library by regenerating
 * its trials (src/scenario/sipmath/library.ts: HDR generators, copula, metalogs), a 2.0 table by
 * its columns.
 */
import type { Cell } from '../model/cell';
import { isName, nameKey, NAME_RULE_TEXT } from '../model/names';
import { ScenarioErrors } from './errors';
import { importSipmath2, importSipmath3 } from './sipmath/library';
import type { Library3 } from './sipmath/library';

/** A SIP driver as a spec gives it. */
export interface SipDriverSpec {
  name: string;
  /** The samples, in sample-index order (PM_Index 1, 2, …). */
  trials: ArrayLike<number>;
}

export interface PreparedSip {
  name: string;
  samples: Float64Array;
}

/** Most samples a SIP may hold (the largest run). */
const MAX_SAMPLES = 10_000_000;

/**
 * Validates SIP drivers: names by the model's rule, unique among themselves and the drivers; one
 * sample count for all; finite samples.
 * @throws SCENARIO_BAD_DRIVER naming the SIP and the rule
 */
export function checkSipDrivers(sips: unknown, driverNames: readonly string[]): PreparedSip[] {
  if (sips === undefined || sips === null) return [];
  if (!Array.isArray(sips)) throw ScenarioErrors.badDriver('sips: give a list of { name, trials }.');
  const seen = new Set(driverNames.map(nameKey));
  let count = -1;
  return sips.map((s: Partial<SipDriverSpec>, i) => {
    const name = typeof s?.name === 'string' ? s.name.trim() : '';
    if (!isName(name))
      throw ScenarioErrors.badDriver(`sips item ${i + 1}: "${name}" is not a valid name: use ${NAME_RULE_TEXT}.`);
    if (seen.has(nameKey(name)))
      throw ScenarioErrors.badDriver(`sips item ${i + 1}: the name "${name}" is already a driver or a SIP.`);
    seen.add(nameKey(name));
    const trials = s.trials;
    if (!trials || typeof trials.length !== 'number' || trials.length < 1 || trials.length > MAX_SAMPLES)
      throw ScenarioErrors.badDriver(`SIP "${name}": give its samples as a list of 1 to 10,000,000 numbers.`);
    if (count >= 0 && trials.length !== count)
      throw ScenarioErrors.badDriver(
        `SIP "${name}" has ${trials.length} samples and the first SIP ${count}: SIPs of one run are read by sample index, so they need the same count.`,
      );
    count = trials.length;
    const samples = Float64Array.from(trials);
    const bad = samples.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw ScenarioErrors.badDriver(`SIP "${name}": sample ${bad + 1} is not a finite number.`);
    return { name, samples };
  });
}

/**
 * Fills `column[0..m)` with trials `start..start+m` of a SIP: sample (start + i) mod n.
 * @example sipColumn(Float64Array.of(1, 2, 3), 2, 4, new Float64Array(4)) // [3, 1, 2, 3]
 */
export function sipColumn(samples: Float64Array, start: number, m: number, column: Float64Array): Float64Array {
  const n = samples.length;
  let k = start % n;
  for (let i = 0; i < m; i++) {
    column[i] = samples[k];
    if (++k === n) k = 0;
  }
  return column;
}

/**
 * The SIPs of a SIPmath library as SIP drivers, in the library's order.
 * @param library a parsed 3.0 JSON library, or the rows of a 2.0 table
 * @param trials 3.0 only: how many trials to regenerate @default the library's count
 * @throws SCENARIO_BAD_SPEC for a library that is neither
 */
export function sipDriversFromLibrary(
  library: Library3 | readonly (readonly Cell[])[],
  trials?: number,
): SipDriverSpec[] {
  const columns = Array.isArray(library)
    ? importSipmath2(library as readonly (readonly Cell[])[])
    : importSipmath3(library as Library3, trials);
  return Object.entries(columns).map(([name, samples]) => ({ name, trials: samples }));
}
