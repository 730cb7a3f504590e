import { readFileSync } from 'node:fs';
import { runScenarioDetailed } from '../../../src/scenario/run';
import type { ScenarioSpec } from '../../../src/scenario/spec';
import { midRanks, pearson } from '../../../src/scenario/ranks';
import { hdrUniform } from '../../../src/scenario/sipmath/hdr';
import {
  importSipmath2,
  importSipmath3,
  Library3,
  sipmath2Table,
  sipmath3Library,
  SipVariable,
} from '../../../src/scenario/sipmath/library';

const standard = JSON.parse(
  readFileSync(`${__dirname}/../../../../shared/bench/mc-standard.json`, 'utf8'),
) as ScenarioSpec;
const run = runScenarioDetailed({ ...standard, iterations: 4000 });
const names = run.plan.program.outputs;
const vars: SipVariable[] = ['revenue', 'ebit', 'cash'].map((name) => ({
  name,
  trials: run.simulation.outputColumns[names.indexOf(name)],
  units: 'EUR',
}));
const meta = { name: 'standard model', provenance: 'OpenFPA test', dateCreated: '2026-12-06' };
const library = sipmath3Library(vars, meta);

/** The metalog written out independently of src/: Keelin's basis with Math.log. */
function quantile(y: number, a: number[], lo?: number, hi?: number): number {
  const L = Math.log(y / (1 - y));
  const c = y - 0.5;
  let m = 0;
  a.forEach((ak, i) => {
    const k = i + 1;
    const b =
      k === 1 ? 1 : k === 2 ? L : k === 3 ? c * L : k === 4 ? c : k % 2 ? c ** ((k - 1) / 2) : c ** (k / 2 - 1) * L;
    m += ak * b;
  });
  if (lo !== undefined && hi !== undefined) return (lo + hi * Math.exp(m)) / (1 + Math.exp(m));
  if (lo !== undefined) return lo + Math.exp(m);
  if (hi !== undefined) return hi - Math.exp(-m);
  return m;
}

describe('SIPmath 3.0', () => {
  test('the structure of the standard: library keys, HDR generators, Gaussian copula, metalog SIPs', () => {
    expect(Object.keys(library).sort()).toEqual(
      [
        'name',
        'objectType',
        'libraryType',
        'dateCreated',
        'provenance',
        'version',
        'globalVariables',
        'U01',
        'sips',
      ].sort(),
    );
    expect(library).toMatchObject({ objectType: 'sipModel', libraryType: 'SIPmath_3_0', provenance: 'OpenFPA test' });
    expect(library.U01.rng.map((r) => [r.name, r.function, Object.keys(r.arguments).sort()])).toEqual(
      [1, 2, 3].map((i) => [`hdr${i}`, 'HDR_2_0', ['counter', 'entity', 'seed3', 'seed4', 'varId']]),
    );
    expect(library.U01.copula).toEqual([
      {
        name: 'Gaussian',
        function: 'GaussianCopula',
        arguments: {
          correlationMatrix: { type: 'globalVariables', value: 'correlationMatrix' },
          rng: ['hdr1', 'hdr2', 'hdr3'],
        },
        copulaLayer: ['c1', 'c2', 'c3'],
      },
    ]);
    const gv = library.globalVariables[0];
    expect(gv.name).toBe('correlationMatrix');
    expect(gv.value.rows).toEqual(['revenue', 'ebit', 'cash']);
    expect(gv.value.matrix).toHaveLength(6); // the lower triangle with the diagonal
    for (const [i, sip] of library.sips.entries()) {
      expect(sip.function).toBe('Metalog_1_0');
      expect(sip.ref).toEqual({ source: 'copula', name: 'Gaussian', copulaLayer: `c${i + 1}` });
      expect(sip.arguments.aCoefficients.length).toBe(sip.metadata.terms);
      expect(sip.metadata).toMatchObject({ count: 4000, units: 'EUR' });
    }
    // It survives JSON as the file is written.
    expect(JSON.parse(JSON.stringify(library))).toEqual(library);
  });

  test('regenerated trials are the metalog quantiles at the copula uniforms to 1e-9', () => {
    // One variable: no copula, the SIP reads its generator directly, so the uniforms are HDR's own.
    const single = sipmath3Library([{ name: 'cash', trials: vars[2].trials }], meta);
    expect(single.sips[0].ref).toEqual({ source: 'rng', name: 'hdr1' });
    const back = importSipmath3(single, 2000).cash;
    const a = single.sips[0].arguments.aCoefficients;
    const seeds = single.U01.rng[0].arguments;
    let worst = 0;
    for (let t = 0; t < 2000; t++) {
      const expected = quantile(hdrUniform(t + 1, seeds), a);
      worst = Math.max(worst, Math.abs(back[t] - expected) / Math.max(1, Math.abs(expected)));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  test('regenerated trials keep each output’s distribution and the rank correlation', () => {
    const back = importSipmath3(JSON.parse(JSON.stringify(library)) as Library3, 20000);
    for (const v of vars) {
      const a = Float64Array.from(v.trials).sort();
      const b = Float64Array.from(back[v.name]).sort();
      const sd = library.sips.find((s) => s.name === v.name)!.metadata.std as number;
      // The fit allows 0.5% of the range (about 5% of sd here) and 20,000 HDR trials add about 1.5%.
      for (const p of [0.05, 0.5, 0.95])
        expect(Math.abs(a[Math.floor(p * 4000)] - b[Math.floor(p * 20000)])).toBeLessThan(0.07 * sd);
    }
    const rho = (x: Float64Array, y: Float64Array) => pearson(midRanks(x), midRanks(y));
    expect(Math.abs(rho(back.revenue, back.cash) - rho(vars[0].trials, vars[2].trials))).toBeLessThan(0.05);
    expect(Math.abs(rho(back.ebit, back.cash) - rho(vars[1].trials, vars[2].trials))).toBeLessThan(0.05);
  });

  test('a library that is not 3.0, or refers to what it does not define, is refused with a message', () => {
    expect(() => importSipmath3({} as Library3)).toThrow('not a SIPmath 3.0 library');
    const broken = JSON.parse(JSON.stringify(library)) as Library3;
    broken.U01.rng = broken.U01.rng.slice(1);
    expect(() => importSipmath3(broken, 10)).toThrow('the copula uses the generator "hdr1"');
  });
});

describe('SIPmath 2.0 table', () => {
  test('layout: PM_Trials, PM_Lib_Provenance, PM_Index header, trials by index', () => {
    const rows = sipmath2Table(vars, 'OpenFPA test');
    expect(rows.slice(0, 4)).toEqual([
      ['PM_Trials', 4000],
      ['PM_Lib_Provenance', 'OpenFPA test'],
      [],
      ['PM_Index', 'revenue', 'ebit', 'cash'],
    ]);
    expect(rows[4]).toEqual([1, vars[0].trials[0], vars[1].trials[0], vars[2].trials[0]]);
    expect(rows).toHaveLength(4004);
  });

  test('round trip, through CSV text, is bit-exact', () => {
    const csv = sipmath2Table(vars, 'OpenFPA test')
      .map((r) => r.map((c) => (c === null ? '' : String(c))).join(','))
      .join('\n');
    const rows = csv
      .split('\n')
      .map((line) => line.split(',').map((c) => (c === '' ? null : Number.isFinite(Number(c)) ? Number(c) : c)));
    const back = importSipmath2(rows);
    for (const v of vars)
      expect(
        Buffer.from(back[v.name].buffer).equals(
          Buffer.from(v.trials.buffer.slice(v.trials.byteOffset, v.trials.byteOffset + v.trials.byteLength)),
        ),
      ).toBe(true);
  });

  test('a bare table (a first row of names over one row per trial) reads by index; blank rows are skipped', () => {
    expect(
      importSipmath2([
        [null, null],
        ['a', 'b'],
        [1, 4],
        [null, ''],
        [2, 5],
      ]),
    ).toEqual({ a: Float64Array.of(1, 2), b: Float64Array.of(4, 5) });
    expect(() => importSipmath2([['a', 'b']])).toThrow('a first row of names');
    expect(() =>
      importSipmath2([
        ['a', 'a'],
        [1, 2],
      ]),
    ).toThrow('"a" heads two columns');
  });

  test('a table without PM_Index, with text in a trial, or short of PM_Trials is refused', () => {
    expect(() => importSipmath2([['x', 1]])).toThrow('PM_Index');
    expect(() =>
      importSipmath2([
        ['PM_Index', 'a'],
        [1, 'n/a'],
      ]),
    ).toThrow('"a" trial 1 is not a number');
    expect(() =>
      importSipmath2([
        ['PM_Trials', 3],
        ['PM_Index', 'a'],
        [1, 2],
      ]),
    ).toThrow('PM_Trials says 3');
  });
});
