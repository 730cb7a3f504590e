/**
 * SIPmath libraries (the ProbabilityManagement.org open standard): the trials of a run handed to
 * other tools, and taken back.
 *
 * - 3.0 JSON (`libraryType: "SIPmath_3_0"`): each variable as a metalog SIP (`Metalog_1_0`, fitted
 *   coefficients and bounds, terms chosen by fit quality) driven by its own HDR generator
 *   (`HDR_2_0`), the rank correlation carried by a Gaussian copula over the generators whose matrix
 *   is a global variable, and the library's metadata (name, provenance, date, units). Layout as in
 *   the standard's examples and PySIPmath's PySIP3library.
 * - 2.0 table: the trials themselves as columns, under the PM_Trials and PM_Lib_Provenance rows (the
 *   layout of PySIPmath's PySIP2library), for tools that want the data.
 *
 * Import reads either back into trial columns: 2.0 by trial index (so the trials' correlation is
 * kept exactly), 3.0 by regenerating the trials from the generators, the copula and the metalogs.
 */
import type { Cell } from '../../model/cell';
import { detSinSmall } from '../../stats/deterministic-math';
import { normalCdf } from '../../stats/normal-cdf';
import { normalQuantile } from '../../stats/normal-quantile';
import { quantileSorted } from '../../stats/quantile-sorted';
import { ScenarioErrors } from '../errors';
import { cholesky, Matrix } from '../matrix';
import { nearestCorrelation } from '../nearest-correlation';
import { midRanks, pearson } from '../ranks';
import { HdrSeeds, hdrUniforms } from './hdr';
import { fitMetalog, Metalog, metalogQuantile } from './metalog';

export interface SipVariable {
  name: string;
  trials: Float64Array;
  /** Bounds for the metalog (e.g. 0 for a quantity that cannot be negative). */
  lowerBound?: number;
  upperBound?: number;
  units?: string;
}

export interface LibraryMetadata {
  name: string;
  provenance: string;
  /** ISO date (the caller's clock: the core reads none). */
  dateCreated: string;
  /** HDR entity for every generator, and the first varId (the i-th variable gets varId + i). @default 1, 1 */
  entity?: number;
  firstVarId?: number;
}

interface HdrRng {
  name: string;
  function: 'HDR_2_0';
  arguments: { counter: 'PM_Index' } & HdrSeeds;
}

export interface Sip3 {
  name: string;
  ref: { source: 'copula'; name: string; copulaLayer: string } | { source: 'rng'; name: string };
  function: 'Metalog_1_0';
  arguments: { aCoefficients: number[]; lowerBound?: number; upperBound?: number };
  metadata: Record<string, number | string>;
}

export interface Library3 {
  name: string;
  objectType: 'sipModel';
  libraryType: 'SIPmath_3_0';
  dateCreated: string;
  provenance: string;
  version: '1';
  globalVariables: {
    name: string;
    value: { columns: string[]; rows: string[]; matrix: { row: string; col: string; value: number }[] };
  }[];
  U01: {
    rng: HdrRng[];
    copula?: {
      name: string;
      function: 'GaussianCopula';
      arguments: { correlationMatrix: { type: 'globalVariables'; value: string }; rng: string[] };
      copulaLayer: string[];
    }[];
  };
  sips: Sip3[];
}

/**
 * The Gaussian copula's correlation: Spearman of the trials turned into the Pearson correlation of
 * normal scores (2·sin(π·ρ/6)), repaired to the nearest correlation matrix when needed.
 */
function copulaCorrelation(vars: readonly SipVariable[]): Matrix {
  const ranks = vars.map((v) => midRanks(v.trials));
  const m = vars.map((_, i) =>
    vars.map((__, j) => (i === j ? 1 : 2 * detSinSmall((Math.PI * pearson(ranks[i], ranks[j])) / 6))),
  );
  return nearestCorrelation(m).matrix;
}

/**
 * Builds a SIPmath 3.0 library.
 * @throws SCENARIO_BAD_SPEC when a variable has fewer than 3 trials or no spread
 */
export function sipmath3Library(vars: readonly SipVariable[], meta: LibraryMetadata): Library3 {
  const entity = meta.entity ?? 1;
  const first = meta.firstVarId ?? 1;
  const rng: HdrRng[] = vars.map((_, i) => ({
    name: `hdr${i + 1}`,
    function: 'HDR_2_0',
    arguments: { counter: 'PM_Index', entity, varId: first + i, seed3: 0, seed4: 0 },
  }));
  const correlated = vars.length > 1;
  const sips: Sip3[] = vars.map((v, i) => {
    const sorted = Float64Array.from(v.trials).sort();
    if (sorted.length < 3 || !(sorted[sorted.length - 1] > sorted[0]))
      throw ScenarioErrors.badSpec('sipmath', `"${v.name}" needs at least 3 trials with some spread to fit a metalog.`);
    const fit = fitMetalog(v.trials, { lowerBound: v.lowerBound, upperBound: v.upperBound });
    let sum = 0;
    for (const x of sorted) sum += x;
    const mean = sum / sorted.length;
    let ss = 0;
    for (const x of sorted) ss += (x - mean) * (x - mean);
    const args: Sip3['arguments'] = { aCoefficients: fit.a };
    if (fit.lowerBound !== undefined) args.lowerBound = fit.lowerBound;
    if (fit.upperBound !== undefined) args.upperBound = fit.upperBound;
    return {
      name: v.name,
      ref: correlated
        ? { source: 'copula', name: 'Gaussian', copulaLayer: `c${i + 1}` }
        : { source: 'rng', name: `hdr${i + 1}` },
      function: 'Metalog_1_0',
      arguments: args,
      metadata: {
        count: sorted.length,
        mean,
        std: Math.sqrt(ss / (sorted.length - 1)),
        min: sorted[0],
        P25: quantileSorted(sorted, 0.25),
        P50: quantileSorted(sorted, 0.5),
        P75: quantileSorted(sorted, 0.75),
        max: sorted[sorted.length - 1],
        terms: fit.a.length,
        ...(v.units ? { units: v.units } : {}),
      },
    };
  });
  const library: Library3 = {
    name: meta.name,
    objectType: 'sipModel',
    libraryType: 'SIPmath_3_0',
    dateCreated: meta.dateCreated,
    provenance: meta.provenance,
    version: '1',
    globalVariables: [],
    U01: { rng },
    sips,
  };
  if (correlated) {
    const c = copulaCorrelation(vars);
    const names = vars.map((v) => v.name);
    const matrix: { row: string; col: string; value: number }[] = [];
    c.forEach((row, i) => row.forEach((value, j) => j <= i && matrix.push({ row: names[i], col: names[j], value })));
    library.globalVariables.push({ name: 'correlationMatrix', value: { columns: names, rows: names, matrix } });
    library.U01.copula = [
      {
        name: 'Gaussian',
        function: 'GaussianCopula',
        arguments: {
          correlationMatrix: { type: 'globalVariables', value: 'correlationMatrix' },
          rng: rng.map((r) => r.name),
        },
        copulaLayer: vars.map((_, i) => `c${i + 1}`),
      },
    ];
  }
  return library;
}

const bad = (message: string): never => {
  throw ScenarioErrors.badSpec('sipmath', message);
};

/** The uniforms of every copula layer: z = Φ⁻¹(u) per generator, correlated by the Cholesky factor, back through Φ. */
function copulaUniforms(library: Library3, uniforms: Map<string, Float64Array>, n: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const copula of library.U01.copula ?? []) {
    if (copula.function !== 'GaussianCopula') bad(`copula function ${String(copula.function)} is not supported.`);
    const global = library.globalVariables.find((g) => g.name === copula.arguments.correlationMatrix.value);
    if (!global)
      return bad(`the copula's correlation matrix "${copula.arguments.correlationMatrix.value}" is missing.`);
    const names = global.value.rows;
    const k = copula.arguments.rng.length;
    const c: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => (i === j ? 1 : 0)));
    for (const e of global.value.matrix) {
      const i = names.indexOf(e.row);
      const j = names.indexOf(e.col);
      if (i < 0 || j < 0 || i >= k || j >= k) bad(`correlation entry ${e.row} × ${e.col} names no copula variable.`);
      c[i][j] = c[j][i] = e.value;
    }
    const l = cholesky(c);
    if (!l) return bad('the copula correlation matrix is not positive definite.');
    const z = copula.arguments.rng.map((name) => {
      const u = uniforms.get(name);
      if (!u) return bad(`the copula uses the generator "${name}", which the library does not define.`);
      return Float64Array.from(u, normalQuantile);
    });
    copula.copulaLayer.forEach((layer, j) => {
      const col = new Float64Array(n);
      for (let t = 0; t < n; t++) {
        let s = 0;
        for (let i = 0; i <= j; i++) s += l[j][i] * z[i][t];
        col[t] = normalCdf(s);
      }
      out.set(layer, col);
    });
  }
  return out;
}

/**
 * The trials of every SIP of a 3.0 library, regenerated: trial t of a SIP is its metalog at the
 * uniform of its generator (or copula layer) at PM_Index t.
 * @param trials how many trials to generate @default the SIPs' metadata count, else 1000
 * @throws SCENARIO_BAD_SPEC for a library that is not SIPmath 3.0 or refers to what it does not define
 */
export function importSipmath3(library: Library3, trials?: number): Record<string, Float64Array> {
  if (library?.libraryType !== 'SIPmath_3_0' && !(library?.U01 && Array.isArray(library?.sips)))
    bad('not a SIPmath 3.0 library (no U01 and sips).');
  const n = trials ?? Number(library.sips[0]?.metadata?.count ?? 1000);
  if (!Number.isInteger(n) || n < 1) bad(`the trial count ${n} is not a whole number ≥ 1.`);
  const uniforms = new Map<string, Float64Array>();
  for (const r of library.U01.rng ?? []) {
    if (r.function !== 'HDR_2_0') bad(`generator function ${String(r.function)} is not supported (only HDR_2_0).`);
    const { entity, varId, seed3, seed4 } = r.arguments;
    uniforms.set(r.name, hdrUniforms(n, { entity, varId, seed3: seed3 ?? 0, seed4: seed4 ?? 0 }));
  }
  const layers = copulaUniforms(library, uniforms, n);
  const out: Record<string, Float64Array> = {};
  for (const sip of library.sips) {
    if (sip.function !== 'Metalog_1_0') bad(`SIP "${sip.name}": function ${String(sip.function)} is not supported.`);
    const u = sip.ref.source === 'copula' ? layers.get(sip.ref.copulaLayer) : uniforms.get(sip.ref.name);
    if (!u) return bad(`SIP "${sip.name}" refers to a generator the library does not define.`);
    const m: Metalog = {
      a: sip.arguments.aCoefficients,
      lowerBound: sip.arguments.lowerBound,
      upperBound: sip.arguments.upperBound,
    };
    out[sip.name] = Float64Array.from(u, (y) => metalogQuantile(y, m));
  }
  return out;
}

/**
 * The 2.0 table: PM_Trials and PM_Lib_Provenance rows, a blank row, then PM_Index and one column
 * per variable with its trials in order.
 */
export function sipmath2Table(vars: readonly SipVariable[], provenance: string): Cell[][] {
  const n = vars[0]?.trials.length ?? 0;
  if (vars.some((v) => v.trials.length !== n)) bad('every variable of a 2.0 table needs the same number of trials.');
  const rows: Cell[][] = [
    ['PM_Trials', n],
    ['PM_Lib_Provenance', provenance],
    [],
    ['PM_Index', ...vars.map((v) => v.name)],
  ];
  for (let t = 0; t < n; t++) rows.push([t + 1, ...vars.map((v) => v.trials[t])]);
  return rows;
}

/**
 * The header row of a 2.0 table and where its names start: the row starting with PM_Index (the
 * standard's layout, names from the second column), or else a first row of names only (the bare
 * table a user pastes: one column per variable, one row per trial).
 */
function tableHeader(rows: readonly (readonly Cell[])[]): { header: number; first: number } {
  const indexed = rows.findIndex((r) => r[0] === 'PM_Index');
  if (indexed >= 0) return { header: indexed, first: 1 };
  const top = rows.findIndex((r) => r.some((c) => c !== null && c !== ''));
  const names = top < 0 ? [] : rows[top].filter((c) => c !== null && c !== '');
  if (top >= 0 && names.length > 0 && names.every((c) => typeof c === 'string') && rows.length > top + 1)
    return { header: top, first: 0 };
  return bad(
    'a SIPmath 2.0 table needs a header row starting with PM_Index, or a first row of names over one row per trial.',
  );
}

/**
 * Reads a 2.0 table back, by trial index: the columns under the PM_Index header (or, for a bare
 * table, under its first row of names).
 * @throws SCENARIO_BAD_SPEC for a table without a header, with a non-number trial, or with fewer rows than PM_Trials
 */
export function importSipmath2(rows: readonly (readonly Cell[])[]): Record<string, Float64Array> {
  const { header, first } = tableHeader(rows);
  const declared = rows.find((r) => r[0] === 'PM_Trials')?.[1];
  const names = rows[header]
    .slice(first)
    .filter((c) => c !== null && c !== '')
    .map(String);
  const body = rows.slice(header + 1).filter((r) => r.some((c) => c !== null && c !== ''));
  if (typeof declared === 'number' && body.length < declared)
    bad(`PM_Trials says ${declared} trials but the table has ${body.length}.`);
  const n = typeof declared === 'number' ? declared : body.length;
  const out: Record<string, Float64Array> = {};
  names.forEach((name, j) => {
    if (Object.prototype.hasOwnProperty.call(out, name)) bad(`the name "${name}" heads two columns.`);
    const col = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const v = body[t][j + first];
      if (typeof v !== 'number') bad(`"${name}" trial ${t + 1} is not a number.`);
      col[t] = v as number;
    }
    out[name] = col;
  });
  return out;
}
