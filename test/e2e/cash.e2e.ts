/**
 * Every cash and working-capital function through the built bundle in Chromium: glpk.js's browser
 * build (the cell functions' solver in Excel, which plain Node cannot load) and the bundled adapter.
 * Each call is made twice, in the page and in Node through the same functions module with glpk.js's
 * Node entry, and the spills must agree (numbers to 1e-9 relative); the Node side is tested against
 * the core in test/functions/. Bad input must come back as #VALUE! with the same message.
 */
import type { Page } from 'playwright-core';
import {
  cashBufferFn,
  cashForecastFn,
  cashOptimize,
  cashRisk,
  cashSolver,
  wcMetricsFn,
  wcOptimize,
} from '../../functions/cash';
import { cashStressFn } from '../../functions/cash-stress';
import { wcPayablesFn } from '../../functions/wc-payables';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { addinPageForFile, invokeFunction, openFunctionsPage } from './harness';
import { SAMPLE_BILLS, SAMPLE_INVOICES, SAMPLE_PAYMENT_HISTORY } from '../functions/sample-receivables';
import {
  SAMPLE_PARETO_LEVERS,
  SAMPLE_PAYABLES,
  SAMPLE_WC_METRICS,
  sampleShocks,
} from '../functions/sample-working-capital';

let page: Page;
const addin = addinPageForFile(openFunctionsPage, (opened) => (page = opened.page));

beforeAll(() => {
  cashSolver.current = glpkNodeSolver;
});

/** A spill or an Excel error as plain data, the way the page hands it back. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Equal spills: same shape and text, numbers within 1e-9 relative. */
function expectSameSpill(browser: unknown, node: unknown): void {
  const expected = plain(node);
  if (!Array.isArray(expected)) {
    expect(browser).toEqual(expected);
    return;
  }
  expect(Array.isArray(browser)).toBe(true);
  const rows = browser as unknown[][];
  expect(rows.map((r) => r.length)).toEqual((expected as unknown[][]).map((r) => r.length));
  (expected as unknown[][]).forEach((row, i) =>
    row.forEach((cell, j) => {
      if (typeof cell === 'number')
        expect(rows[i][j]).toBeCloseTo(cell, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(cell) + 1))));
      else expect(rows[i][j]).toEqual(cell);
    }),
  );
}

/** Calls `id` in the page and `fn` in Node with the same arguments; both must agree. Returns the browser's spill. */
async function same(id: string, fn: (...args: never[]) => unknown, args: unknown[]): Promise<unknown> {
  const browser = await invokeFunction(page, id, args);
  const node = await (fn as (...a: unknown[]) => unknown)(...args);
  expectSameSpill(browser, node);
  return browser;
}

const instruments = [
  ['name', 'term', 'rate'],
  ['ON', 1, 0.001],
  ['TD3', 3, 0.006],
];
const creditLine = [[5000], [0.01], [0.001]];
const flows = [[-2000, 1500, -3000, 4000, 500, -1000]];

describe('cash functions in the browser', () => {
  it('FPA.CASH.OPTIMIZE: a deterministic plan, then trials with a CVaR limit and a chance constraint', async () => {
    const plan = (await same('CASH.OPTIMIZE', cashOptimize, [
      flows,
      10000,
      [[1000]],
      instruments,
      creditLine,
    ])) as unknown[][];
    expect(plan[0][0]).toBe('period');
    expect(plan).toHaveLength(1 + 6 + 1);
    const trials = Array.from({ length: 40 }, (_, s) =>
      flows[0].map((f, t) => f + (((s * 37 + t * 11) % 21) - 10) * 150),
    );
    for (const [options, lastRow] of [
      ['risk=cvar; alpha=0.1; limit=50', 'risk cvar'],
      ['risk=chance; alpha=0.1', 'risk chance'],
    ]) {
      const risky = (await same('CASH.OPTIMIZE', cashOptimize, [
        trials,
        10000,
        [[1000]],
        instruments,
        creditLine,
        [[options]],
      ])) as unknown[][];
      expect(risky[risky.length - 1][0]).toBe(lastRow);
    }
    const ragged = [
      [1, 2, 3],
      [1, 2, null],
      [1, 2, 3],
    ]; // trials of different lengths
    const bad = await same('CASH.OPTIMIZE', cashOptimize, [ragged, 100, [[0]], instruments, null, [['risk=cvar']]]);
    expect(bad).toMatchObject({ code: '#VALUE!' });
  });

  it('FPA.CASH.RISK from bounds (seeded) and from trials', async () => {
    const bounds = [
      [-1000, -1500, -500],
      [0, 0, 0],
      [1000, 1500, 500],
    ];
    const risk = (await same('CASH.RISK', cashRisk, [bounds, 1000, [[0]], 2000, 7])) as unknown[][];
    expect(risk[0][0]).toBe('period');
    expect(await same('CASH.RISK', cashRisk, [[[-1], ['x'], [1]], 0, [[0]]])).toMatchObject({ code: '#VALUE!' });
  });

  it('FPA.CASH.FORECAST, and its trials in FPA.CASH.BUFFER', async () => {
    const invoices = SAMPLE_INVOICES;
    const bills = SAMPLE_BILLS;
    const history = SAMPLE_PAYMENT_HISTORY;
    const forecast = (await same('CASH.FORECAST', cashForecastFn, [
      invoices,
      bills,
      history,
      [[3]],
      null,
      [['iterations', 500]],
    ])) as unknown[][];
    expect(forecast[0][0]).toBe('period');
    const trials = (await same('CASH.FORECAST', cashForecastFn, [
      invoices,
      bills,
      history,
      [[4]],
      null,
      [
        ['iterations', 200],
        ['output', 'trials'],
      ],
    ])) as number[][];
    expect(trials).toHaveLength(200);
    const buffer = (await same('CASH.BUFFER', cashBufferFn, [trials, 100, 0.05, instruments])) as unknown[][];
    expect(buffer).toEqual(expect.any(Array)); // 4 periods: trials, not 3 bounds
    expect(buffer[0][0]).toBe('period');
    const noDue = await same('CASH.FORECAST', cashForecastFn, [invoices, [...bills, ['Tax', 100, null]], history]);
    expect((noDue as { message: string }).message).toMatch(/bills row 4 has no due date/);
  });

  it('FPA.CASH.STRESS with a credit line and every kind of shock', async () => {
    const shocks = sampleShocks(4000);
    const rows = (await same('CASH.STRESS', cashStressFn, [flows, 3000, [[1000]], shocks, creditLine])) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual([
      'scenario',
      'base',
      'late customers',
      'revenue −20%',
      'line halved',
      'tax bill',
    ]);
    expect(await same('CASH.STRESS', cashStressFn, [flows, 3000, [[1000]], [['x', 'meteor', 1]]])).toMatchObject({
      code: '#VALUE!',
    });
  });
});

describe('working-capital functions in the browser', () => {
  it('FPA.WC.METRICS', async () => {
    const rows = (await same('WC.METRICS', wcMetricsFn, SAMPLE_WC_METRICS)) as unknown[][];
    expect(rows[0]).toEqual(['period', 'DSO', 'DPO', 'DIO', 'CCC']);
  });

  it('FPA.WC.OPTIMIZE: the best plan and the Pareto against supplier relationships', async () => {
    const levers = SAMPLE_PARETO_LEVERS;
    await same('WC.OPTIMIZE', wcOptimize, [levers, 1500]);
    const front = (await same('WC.OPTIMIZE', wcOptimize, [levers, null, 5])) as unknown[][];
    expect(front.length - 1).toBeGreaterThanOrEqual(3);
    expect(front[front.length - 1][3]).toBeCloseTo(0, 9);
    expect(await same('WC.OPTIMIZE', wcOptimize, [[['DSO', 45, 'x', 1000, 200]], 10])).toMatchObject({
      code: '#VALUE!',
    });
  });

  it('FPA.WC.PAYABLES: the bills paid early, the closing cash, and a floor no schedule keeps', async () => {
    const bills = SAMPLE_PAYABLES;
    const rows = (await same('WC.PAYABLES', wcPayablesFn, [bills, [[0, 0, 400]], 350, [[0]]])) as unknown[][];
    expect(rows[1].slice(0, 5)).toEqual(['A', 100, 2, 'early', 1]);
    await same('WC.PAYABLES', wcPayablesFn, [bills, [[0, 0, 400]], 350, [[0]], 'cash']);
    const short = await same('WC.PAYABLES', wcPayablesFn, [bills, [[0, 0, 0]], 100]);
    expect(short).toMatchObject({ code: '#VALUE!' });
    const noDue = await same('WC.PAYABLES', wcPayablesFn, [[...bills, ['C', 50, null, 0.01, 1]], [[0, 0, 400]], 350]);
    expect((noDue as { message: string }).message).toMatch(/bills row 4, column 3 \(due period\): is blank/);
  });

  it('left no page or console errors', () => {
    expect(addin.problems).toEqual([]);
  });
});
