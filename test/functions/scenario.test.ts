/**
 * FPA.SCENARIO.MC, .TORNADO, .PROB, .TRIALS and FPA.DIST.INV through the adapter: labelled spill shapes,
 * determinism, and every kind of bad input returning an Excel error with a message (nothing thrown).
 */
import { distInv, scenarioMc, scenarioProb, scenarioTornado, scenarioTrials } from '../../functions/scenario';
import { TRIALS_PER_CELL } from '../../src/model/limits';
import { runScenario } from '../../src/scenario/run';
import { errorCell, expectExcelError, rangeValues } from './excel-range';
import { SAMPLE_CORRELATION, SAMPLE_DRIVERS, SAMPLE_MODEL, sampleSpec } from './sample-scenario';

const DRIVERS = SAMPLE_DRIVERS;
const MODEL = SAMPLE_MODEL;
const CORRELATION = SAMPLE_CORRELATION;

/** A custom function's result: whatever goes wrong comes back as an Excel error, never thrown or rejected. */
function call<T>(fn: () => T): T {
  let result: T | undefined;
  expect(() => {
    result = fn();
  }).not.toThrow();
  return result as T;
}

describe('FPA.SCENARIO.MC', () => {
  it('spills a header and one row per output, matching the core', async () => {
    const drivers = await rangeValues(DRIVERS);
    const result = (await call(() => scenarioMc(drivers, MODEL, 2000, 7, CORRELATION, [[10, 90]]))) as (
      string | number
    )[][];
    expect(result[0]).toEqual(['output', 'mean', 'sd', 'min', 'max', 'se', 'P10', 'P90', 'VaR95', 'CVaR95']);
    expect(result.map((r) => r[0])).toEqual(['output', 'revenue', 'profit']);
    const core = runScenario(sampleSpec(2000, 7, [10, 90]));
    expect(result[2][1]).toBe(core.outputs.profit.mean);
    expect(result[2][7]).toBe(core.outputs.profit.percentiles['90']);
  });

  it('recalculates deterministically and defaults to 10,000 trials, seed 1, P5/P50/P95', async () => {
    const a = await call(() => scenarioMc(DRIVERS, MODEL));
    expect(await call(() => scenarioMc(DRIVERS, MODEL))).toEqual(a);
    expect(a[0].slice(6, 9)).toEqual(['P5', 'P50', 'P95']);
    expect(await call(() => scenarioMc(DRIVERS, MODEL, 10000, 1))).toEqual(a);
  });

  it('accepts a multi-line model in one cell and a drivers table without header', async () => {
    const oneCell = await call(() =>
      scenarioMc(DRIVERS.slice(1), [['revenue = price * volume\nprofit = revenue - unit_cost * volume - capex']], 500),
    );
    expect(oneCell).toEqual(await call(() => scenarioMc(DRIVERS, MODEL, 500)));
  });

  it.each([
    [
      'an unknown distribution',
      [['x', 'weibull', 1, 2]],
      [['y = x']],
      '#VALUE!',
      /distribution "weibull" is not known/,
    ],
    ['a bad PERT', [['x', 'pert', 5, 1, 10]], [['y = x']], '#VALUE!', /PERT: min must be ≤ mode ≤ max/],
    ['a text parameter', [['x', 'normal', 'ten', 1]], [['y = x']], '#VALUE!', /parameter mean holds "ten"/],
    ['an unknown name in the model', [['x', 'normal', 0, 1]], [['y = x + z']], '#N/A', /"z" is not a driver/],
    ['a syntax error', [['x', 'normal', 0, 1]], [['y = x +']], '#VALUE!', /Model line 1, column 8/],
    ['a too-narrow drivers range', [['x', 'normal']], [['y = x']], '#VALUE!', /drivers must be a table/],
    ['an error cell', [['x', 'normal', errorCell('#DIV/0!'), 1]], [['y = x']], '#VALUE!', /#DIV\/0!/],
    ['a division by zero in every trial', [['x', 'normal', 0, 1]], [['y = x / 0']], '#VALUE!', /not a finite number/],
  ])('returns an Excel error for %s', async (_, drivers, model, code, pattern) => {
    expectExcelError(await call(() => scenarioMc(drivers, model, 100)), code, pattern);
  });

  it('caps the synchronous work with a message pointing to the task pane', async () => {
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, TRIALS_PER_CELL.max + 1)), '#VALUE!', /task pane/);
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, 1.5)), '#VALUE!', /iterations/);
  });

  it('checks the correlation range labels and values', async () => {
    const swapped = [
      [null, 'volume', 'price'],
      ['price', 1, -0.5],
      ['volume', -0.5, 1],
    ];
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, 100, 1, swapped)), '#VALUE!', /same order/);
    const bad = [
      [null, 'price', 'volume'],
      ['price', 1, 2],
      ['volume', 2, 1],
    ];
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, 100, 1, bad)), '#VALUE!', /between -1 and 1/);
    const unknown = [
      [null, 'price', 'fx'],
      ['price', 1, 0],
      ['fx', 0, 1],
    ];
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, 100, 1, unknown)), '#VALUE!', /"fx" is not a driver/);
    expectExcelError(await call(() => scenarioMc(DRIVERS, MODEL, 100, 1, [[1]])), '#VALUE!', /square range/);
  });

  it('rejects bad percentiles', async () => {
    expectExcelError(
      await call(() => scenarioMc(DRIVERS, MODEL, 100, 1, undefined, [[150]])),
      '#VALUE!',
      /percentiles/,
    );
  });
});

describe('FPA.SCENARIO.TORNADO', () => {
  it('spills driver × (spearman, src) sorted by |spearman|', async () => {
    const result = (await call(() => scenarioTornado(DRIVERS, MODEL, 'profit', 2000))) as (string | number)[][];
    expect(result[0]).toEqual(['driver', 'spearman', 'src']);
    expect(result).toHaveLength(5);
    const sizes = result.slice(1).map((r) => Math.abs(r[1] as number));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(result[1][0]).toBe('volume');
  });
  it('an unknown output is #N/A naming the outputs', async () => {
    expectExcelError(
      await call(() => scenarioTornado(DRIVERS, MODEL, 'ebit', 100)),
      '#N/A',
      /Use one of: revenue, profit/,
    );
  });
});

describe('FPA.SCENARIO.PROB', () => {
  it('P(output < t) and P(output > t): the fractions of trials strictly below and above', async () => {
    const trials = ((await call(() => scenarioTrials(DRIVERS, MODEL, 'profit', 3000, 4))) as number[][]).map(
      (r) => r[0],
    );
    const t = 2_000_000;
    const below = await call(() => scenarioProb(DRIVERS, MODEL, t, 'profit', undefined, 3000, 4));
    const above = await call(() => scenarioProb(DRIVERS, MODEL, t, undefined, '>', 3000, 4));
    expect(below).toBe(trials.filter((v) => v < t).length / 3000);
    expect(above).toBe(trials.filter((v) => v > t).length / 3000);
    expect(below).toBeGreaterThan(0.05);
    expect(above).toBeGreaterThan(0.05);
    expect(below + above).toBeCloseTo(1, 12);
  });
  it('a missing threshold, a bad direction or an unknown output is an error with a message', async () => {
    expectExcelError(await call(() => scenarioProb(DRIVERS, MODEL, null as unknown as number)), '#VALUE!', /threshold/);
    expectExcelError(
      await call(() => scenarioProb(DRIVERS, MODEL, 0, 'profit', 'below?', 100)),
      '#VALUE!',
      /direction/,
    );
    expectExcelError(await call(() => scenarioProb(DRIVERS, MODEL, 0, 'ebit', '<', 100)), '#N/A', /Use one of/);
  });
});

describe('FPA.SCENARIO.TRIALS', () => {
  it('spills one column of trial values for the chosen output (default: last line)', async () => {
    const result = (await call(() => scenarioTrials(DRIVERS, MODEL, undefined, 300))) as number[][];
    expect(result).toHaveLength(300);
    expect(result.every((r) => r.length === 1 && Number.isFinite(r[0]))).toBe(true);
    expect(await call(() => scenarioTrials(DRIVERS, MODEL, 'PROFIT', 300))).toEqual(result);
  });
  it('above the spill limit returns #VALUE! saying the limit', async () => {
    expectExcelError(
      await call(() => scenarioTrials(DRIVERS, MODEL, 'profit', 100001)),
      '#VALUE!',
      /at most 100,000.*5 MB/,
    );
  });
});

describe('FPA.DIST.INV', () => {
  it.each([
    // R: qnorm(0.95, 130, 10)
    ['normal', 0.95, [130, 10], 146.44853626951472],
    // R: 500000 + 1e6 * qbeta(0.05, 2.2, 3.8)
    ['PERT', 0.05, [500000, 800000, 1500000], 595704.28352919884],
    // R: qt(0.975, 5)
    ['student', 0.975, [5], 2.5705818356363137],
    // R: qpois(0.9, 4)
    ['poisson', 0.9, [4], 7],
  ])('%s at p = %d', (dist, p, params, expected) => {
    const result = call(() => distInv(dist, [[p]], ...(params.map((v) => [[v]]) as [unknown[][]])));
    expect((result as number[][])[0][0]).toBeCloseTo(expected, 8);
  });
  it('maps a range of p to the same shape; discrete values and probabilities can be ranges', () => {
    const result = call(() =>
      distInv(
        'discrete',
        [
          [0.5, 0.7],
          [0.95, 0.05],
        ],
        [[0], [250000], [1000000]],
        [[0.6], [0.3], [0.1]],
      ),
    );
    expect(result).toEqual([
      [0, 250000],
      [1000000, 0],
    ]);
  });
  it.each([
    ['weibull', [[0.5]], [[1]], '#VALUE!', /not known/],
    ['normal', [[1.5]], [[0]], '#VALUE!', /probability from 0 to 1/],
    ['normal', [[1]], [[0]], '#VALUE!', /infinite/],
    ['normal', [[0.5]], [[0]], '#VALUE!', /parameter "sd" is missing/],
    ['normal', [['x']], [[0]], '#VALUE!', /p must be/],
  ])('%s with p %j → error', (dist, p, param1, code, pattern) => {
    expectExcelError(
      call(() => distInv(dist, p, param1, dist === 'normal' && (p[0][0] as number) !== 0.5 ? [[1]] : undefined)),
      code,
      pattern,
    );
  });
});
