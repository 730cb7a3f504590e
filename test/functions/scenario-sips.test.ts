/**
 * SIP drivers in FPA.SCENARIO.MC, .TORNADO, .PROB and .TRIALS: a SIPmath 2.0 table (bare, or the PM_Index
 * layout) read by trial index, and a 3.0 library's JSON text in a cell (or down a column) whose trials
 * are regenerated; every bad library an Excel error with a message.
 */
import { readFileSync } from 'node:fs';
import { scenarioMc, scenarioProb, scenarioTornado, scenarioTrials } from '../../functions/scenario';
import { sensitivities } from '../../src/scenario/sensitivity';
import { sipmath2Table } from '../../src/scenario/sipmath/library';
import { importSipmath3 } from '../../src/scenario/sipmath/library';
import type { Library3 } from '../../src/scenario/sipmath/library';
import { errorCell, expectExcelError, rangeValues } from './excel-range';
import { SAMPLE_DRIVERS } from './sample-scenario';

const LIBRARY_TEXT = readFileSync(`${__dirname}/../fixtures/sipmath/plan-drivers-3.0.json`, 'utf8');
const LIBRARY = JSON.parse(LIBRARY_TEXT) as Library3;

/** A bare 2.0 table of 40 trials: a rises, b falls, so a + b is constant only if read by index. */
const A = Array.from({ length: 40 }, (_, t) => 100 + t);
const B = Array.from({ length: 40 }, (_, t) => 50 - t);
const BARE = [['a', 'b'], ...A.map((a, t) => [a, B[t]])];
/** A drivers argument left blank (Excel passes a blank cell as [[null]]). */
const NONE = [[null]];
const column = (spill: unknown) => (spill as number[][]).map((r) => r[0]);

describe('FPA.SCENARIO.MC with a SIPmath 2.0 table', () => {
  it('reads the SIPs by trial index: a + b is the same in every trial, and the run has the table’s trials', async () => {
    const sips = await rangeValues(BARE);
    expect(column(await scenarioTrials([[null]], [['y = a + b']], undefined, 40, undefined, undefined, sips))).toEqual(
      A.map(() => 150),
    );
    const mc = (await scenarioMc([['']], [['y = a + b'], ['z = a * 2']], undefined, 1, undefined, [[50]], sips)) as (
      string | number
    )[][];
    expect(mc[0]).toEqual(['output', 'mean', 'sd', 'min', 'max', 'se', 'P50', 'VaR95', 'CVaR95']);
    expect(mc[1].slice(0, 5)).toEqual(['y', 150, 0, 150, 150]);
    // z takes every a once: mean of 100…139 and its extremes.
    expect(mc[2].slice(1, 2)).toEqual([(2 * (100 + 139)) / 2]);
    expect([mc[2][3], mc[2][4]]).toEqual([200, 278]);
  });

  it('the standard’s PM_Index layout gives the same run as the bare table', async () => {
    const table = sipmath2Table(
      [
        { name: 'a', trials: Float64Array.from(A) },
        { name: 'b', trials: Float64Array.from(B) },
      ],
      'test',
    );
    const width = 3;
    const rows = table.map((r) => [...r, ...new Array<null>(width - r.length).fill(null)]);
    const model = [['y = a - b']];
    expect(await scenarioMc(NONE, model, undefined, 1, undefined, undefined, rows)).toEqual(
      await scenarioMc(NONE, model, undefined, 1, undefined, undefined, BARE),
    );
  });

  it('mixes SIPs with sampled drivers; more iterations than samples wrap round by index', async () => {
    const trials = column(
      await scenarioTrials(SAMPLE_DRIVERS, [['y = a + b + 0 * price']], 'y', 100, 3, undefined, BARE),
    );
    expect(trials).toHaveLength(100);
    expect(new Set(trials)).toEqual(new Set([150]));
    const p = await scenarioProb(SAMPLE_DRIVERS, [['y = a + price']], 240, 'y', '<', 400, 3, undefined, BARE);
    expect(p).toBeGreaterThan(0.2);
    expect(p).toBeLessThan(0.8);
  });
});

describe('FPA.SCENARIO.MC with a SIPmath 3.0 library', () => {
  it('regenerates one trial per iteration from the JSON in a cell, as the core does', async () => {
    const expected = importSipmath3(LIBRARY, 700);
    const spill = await scenarioTrials(NONE, [['y = units * price']], undefined, 700, 1, undefined, [[LIBRARY_TEXT]]);
    expect(column(spill)).toEqual(Array.from(expected.units, (u, t) => u * expected.price[t]));
  });

  it('reads the JSON split down a column of cells', async () => {
    const parts = LIBRARY_TEXT.match(/[\s\S]{1,500}/g)!.map((p) => [p]);
    expect(parts.length).toBeGreaterThan(3);
    const model = [['margin = units * price * (1 - cost_share)']];
    expect(await scenarioMc(NONE, model, 500, 1, undefined, undefined, parts)).toEqual(
      await scenarioMc(NONE, model, 500, 1, undefined, undefined, [[LIBRARY_TEXT]]),
    );
  });
});

describe('FPA.SCENARIO.TORNADO with SIPs', () => {
  /** The tornado the core computes from the same trials (src/scenario/sensitivity.ts), as spilled rows. */
  const coreTornado = (names: string[], inputs: Float64Array[], output: Float64Array) =>
    sensitivities(names, inputs, output).map((s) => [s.driver, s.spearman, s.src]);
  const expectRowsClose = (got: unknown, want: (string | number)[][]) => {
    const rows = got as (string | number)[][];
    expect(rows[0]).toEqual(['driver', 'spearman', 'src']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(want.map((r) => r[0]));
    rows.slice(1).forEach((r, i) => {
      expect(r[1]).toBeCloseTo(want[i][1] as number, 12);
      expect(r[2]).toBeCloseTo(want[i][2] as number, 10);
    });
  };

  it('a 2.0 table: the rows are the core’s tornado of the imported trials', async () => {
    // Two SIPs that are not monotone in each other, so neither explains the output alone.
    const a = A.map((_, t) => Math.sin(t * 1.7) * 10);
    const b = A.map((_, t) => ((t * 7) % 40) - 20);
    const table = [['a', 'b'], ...a.map((v, t) => [v, b[t]])];
    const y = Float64Array.from(a, (v, t) => 3 * v + b[t] + 0.1 * v * b[t]);
    const sips = await rangeValues(table);
    const spill = await scenarioTornado(NONE, [['y = 3 * a + b + 0.1 * a * b']], 'y', 40, 1, undefined, sips);
    expectRowsClose(spill, coreTornado(['a', 'b'], [Float64Array.from(a), Float64Array.from(b)], y));
  });

  it('a 3.0 library: the rows are the core’s tornado of the regenerated trials', async () => {
    const trials = importSipmath3(LIBRARY, 800);
    const names = Object.keys(trials);
    const margin = Float64Array.from(trials.units, (u, t) => u * trials.price[t] * (1 - trials.cost_share[t]));
    const model = [['margin = units * price * (1 - cost_share)']];
    const spill = await scenarioTornado(NONE, model, undefined, 800, 1, undefined, [[LIBRARY_TEXT]]);
    expectRowsClose(
      spill,
      coreTornado(
        names,
        names.map((n) => trials[n]),
        margin,
      ),
    );
  });

  it('SIPs beside sampled drivers each get a row', async () => {
    const spill = (await scenarioTornado(SAMPLE_DRIVERS, [['y = a * price + b']], 'y', 200, 3, undefined, BARE)) as (
      string | number
    )[][];
    expect(
      spill
        .slice(1)
        .map((r) => r[0] as string)
        .sort(),
    ).toEqual(['a', 'b', 'capex', 'price', 'unit_cost', 'volume']);
  });

  it('a bad library is #VALUE! with the reason', async () => {
    expectExcelError(
      await scenarioTornado(NONE, [['y = a']], 'y', 100, 1, undefined, [['{"sips": [']]),
      '#VALUE!',
      /sips: the library's JSON cannot be read/,
    );
  });
});

describe('FPA.SCENARIO.MC with a bad SIP library', () => {
  it.each([
    ['JSON that cannot be read', [['{"sips": [']], '#VALUE!', /sips: the library's JSON cannot be read/],
    ['JSON that is no library', [['{"name": "x"}']], '#VALUE!', /not a SIPmath 3\.0 library/],
    ['a text trial', [['a'], [1], ['n/a']], '#VALUE!', /"a" trial 2 is not a number/],
    [
      'an error cell',
      [['a'], [1], [errorCell('#DIV/0!')]],
      '#VALUE!',
      /sips row 3, column 1: holds the error #DIV\/0!/,
    ],
    [
      'numbers without names',
      [
        [1, 2],
        [3, 4],
      ],
      '#VALUE!',
      /header row starting with PM_Index, or a first row of names/,
    ],
    [
      'a name used twice',
      [
        ['a', 'a'],
        [1, 2],
      ],
      '#VALUE!',
      /"a" heads two columns/,
    ],
  ])('%s is %s with a message', async (_, sips, code, pattern) => {
    expectExcelError(await scenarioMc(NONE, [['y = a']], 100, 1, undefined, undefined, sips), code, pattern);
  });

  it('a SIP named like a driver, a SIP in the correlation range, and an unknown name are refused', async () => {
    const price = [['price'], [1], [2], [3]];
    expectExcelError(
      await scenarioMc(SAMPLE_DRIVERS, [['y = price']], 100, 1, undefined, undefined, price),
      '#VALUE!',
      /"price" is already a driver/,
    );
    const correlation = [
      [null, 'price', 'a'],
      ['price', 1, 0.5],
      ['a', 0.5, 1],
    ];
    expectExcelError(
      await scenarioMc(SAMPLE_DRIVERS, [['y = price + a']], 100, 1, correlation, undefined, BARE),
      '#VALUE!',
      /SIP/,
    );
    expectExcelError(
      await scenarioMc(NONE, [['y = c']], 100, 1, undefined, undefined, BARE),
      '#N/A',
      /"c" is not a driver/,
    );
  });

  it('without SIPs the drivers are still needed', async () => {
    expectExcelError(await scenarioMc(NONE, [['y = a']], 100), '#VALUE!', /drivers/);
  });
});
