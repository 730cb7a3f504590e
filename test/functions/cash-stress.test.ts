/** FPA.CASH.STRESS, FPA.WC.PAYABLES and FPA.WC.OPTIMIZE's Pareto through the adapter. */
import { cashSolver, wcOptimize } from '../../functions/cash';
import { cashStressFn } from '../../functions/cash-stress';
import { wcPayablesFn } from '../../functions/wc-payables';
import { stressTest } from '../../src/cash/stress-test';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { callAsync, callWithoutThrowing, expectExcelError } from './excel-range';
import { SAMPLE_PARETO_LEVERS, SAMPLE_PAYABLES, sampleShocks } from './sample-working-capital';

beforeAll(() => {
  cashSolver.current = glpkNodeSolver;
});

describe('FPA.CASH.STRESS', () => {
  const shocks = sampleShocks(40);

  it('spills the base case and each shock, as the core computes them', () => {
    const rows = callWithoutThrowing(() =>
      cashStressFn([[-80, -30, 60, 40]], 100, [[50]], shocks, [[60], [0.1]]),
    ) as unknown[][];
    const core = stressTest(
      { openingCash: 100, minCash: 50, flows: [-80, -30, 60, 40], creditLine: { limit: 60, rate: 0.1 } },
      [
        { name: 'late customers', kind: 'delay', days: 30 },
        { name: 'revenue −20%', kind: 'revenue', pct: -0.2 },
        { name: 'line halved', kind: 'credit', pct: -0.5, from: 2 },
        { name: 'tax bill', kind: 'outflow', amount: 40, period: 3 },
      ],
    );
    expect(rows[0].slice(0, 8)).toEqual([
      'scenario',
      'lowest cash',
      'in period',
      'first breach',
      'periods in breach',
      'peak debt',
      'lowest headroom',
      'cash 1',
    ]);
    expect(rows).toHaveLength(1 + 5);
    core.forEach((r, i) => {
      expect(rows[i + 1].slice(0, 5)).toEqual([
        r.name,
        r.minCash,
        r.minPeriod,
        r.breaches[0] ?? 'none',
        r.breaches.length,
      ]);
      expect(rows[i + 1].slice(7)).toEqual(r.closingCash);
    });
  });

  it('works without a credit line and returns #VALUE! naming a bad shock row', () => {
    const rows = cashStressFn([[10, -20, 5]], 30, [[0]], [['rev', 'revenue', -0.5]]) as unknown[][];
    expect(rows[1][5]).toBe(''); // no peak debt without a credit line
    expectExcelError(
      cashStressFn([[10, -20, 5]], 30, [[0]], [['rev', 'revenu', -0.5]]),
      '#VALUE!',
      /shocks row 1, column 2 \(shock\): must be revenue, delay, outflow or credit/,
    );
    expectExcelError(
      cashStressFn([[10, -20, 5]], 30, [[0]], [['cut', 'credit', -0.5]]),
      '#VALUE!',
      /cut cuts the credit line, but the plan has none/,
    );
    expectExcelError(
      cashStressFn([[10, -20, 5]], 30, [[0]], [['x', 'outflow', 5]]),
      '#VALUE!',
      /shocks row 1, column 4 \(period\): is blank/,
    );
  });
});

describe('FPA.WC.PAYABLES', () => {
  const bills = SAMPLE_PAYABLES;

  it('spills each bill’s decision and the total saved; output=cash spills closing cash', async () => {
    // 400 arrives in period 3. B early (291 in period 2) would leave 350 − 100 − 291 < 0; A early (98 in
    // period 1) fits: cash 252, 252, 252 − 300 + 400 = 352.
    const rows = (await callAsync(() => wcPayablesFn(bills, [[0, 0, 400]], 350, [[0]]))) as unknown[][];
    expect(rows[0]).toEqual(['bill', 'amount', 'due', 'decision', 'paid in period', 'paid', 'saved']);
    expect(rows[1].slice(0, 5)).toEqual(['A', 100, 2, 'early', 1]);
    expect(rows[2].slice(0, 5)).toEqual(['B', 300, 3, 'on due', 3]);
    expect(rows[3][6]).toBeCloseTo(2, 9);
    const cash = (await wcPayablesFn(bills, [[0, 0, 400]], 350, [[0]], 'cash')) as unknown[][];
    expect(cash.slice(1).map((r) => r[1])).toEqual([252, 252, 352].map((v) => expect.closeTo(v, 9)));
  });

  it('returns #VALUE! when no schedule keeps the floor, or for a bad bill row', async () => {
    expectExcelError(await wcPayablesFn(bills, [[0, 0, 0]], 100), '#VALUE!', /cash falls short/);
    expectExcelError(
      await wcPayablesFn([['A', 'x', 2, 0.02, 1]], [[0, 0]], 100),
      '#VALUE!',
      /bills row 1, column 2 \(amount\): holds "x", not a number/,
    );
    expectExcelError(
      await wcPayablesFn([...bills, ['C', 50, null, 0.01, 1]], [[0, 0, 400]], 350),
      '#VALUE!',
      /bills row 4, column 3 \(due period\): is blank/,
    );
    expectExcelError(
      await wcPayablesFn([['A', -5, 2, 0.02, 1]], [[0, 0]], 100),
      '#VALUE!',
      /bills row 1, column 2 \(amount\): must be at least 0/,
    );
  });
});

describe('FPA.WC.OPTIMIZE with a Pareto', () => {
  it('spills 3–7 plans from the best net to no supplier damage', async () => {
    const levers = SAMPLE_PARETO_LEVERS;
    const rows = (await wcOptimize(levers, undefined, 5)) as unknown[][];
    expect(rows[0]).toEqual([
      'plan',
      'cash freed',
      'cost',
      'relationship',
      'net',
      'days DSO',
      'days DPO',
      'days DPO key',
    ]);
    expect(rows.length - 1).toBeGreaterThanOrEqual(3);
    expect(rows.length - 1).toBeLessThanOrEqual(7);
    expect(rows[rows.length - 1][3]).toBeCloseTo(0, 9);
    expectExcelError(await wcOptimize(levers, undefined, 9), '#VALUE!', /pareto/);
  });
});
