/**
 * FPA.CASH.OPTIMIZE over trials or low/mid/high bounds, and FPA.CASH.BUFFER, through the adapter.
 */
import { cashBufferFn, cashOptimize, cashSolver } from '../../functions/cash';
import { cashBuffer } from '../../src/cash/cash-buffer';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { callAsync, expectExcelError } from './excel-range';

beforeAll(() => {
  cashSolver.current = glpkNodeSolver;
});

const trials = [
  [0, -50, 0, 5],
  [0, 20, 0, 5],
  [0, 0, 0, 5],
  [0, -10, 10, 5],
];
const instruments = [
  ['name', 'term', 'rate'],
  ['TD', 2, 0.01],
];

describe('FPA.CASH.OPTIMIZE with trials', () => {
  it('spills the schedule of expected values, the expected wealth, and the risk achieved', async () => {
    const result = (await callAsync(() =>
      cashOptimize(trials, 100, [[0]], instruments, [[20], [0.02]], [['risk=cvar; alpha=0.25; limit=5']]),
    )) as unknown[][];
    const core = await optimizeScenarios(
      {
        openingCash: 100,
        minCash: 0,
        trials,
        instruments: [{ name: 'TD', term: 2, rate: 0.01 }],
        creditLine: { limit: 20, rate: 0.02 },
        risk: { measure: 'cvar', alpha: 0.25, limit: 5 },
      },
      glpkNodeSolver,
    );
    expect(result[0].slice(0, 3)).toEqual(['period', 'invest TD', 'mature TD']);
    expect(result).toHaveLength(1 + 4 + 2);
    expect(result[5][0]).toBe('total; expected wealth →');
    expect(result[5][8]).toBeCloseTo(core.objective, 9);
    expect(result[6].slice(0, 8)).toEqual(['risk cvar', core.risk.achieved, 'limit', 5, 'alpha', 0.25, 'trials', 4]);
    result.forEach((row) => expect(row).toHaveLength(result[0].length));
  });

  it('draws trials from low/mid/high bounds (seeded) and uses the chance constraint on request', async () => {
    const bounds = [
      [-40, -80, -40],
      [0, 0, 0],
      [40, 60, 40],
    ];
    const run = async () =>
      (await cashOptimize(
        bounds,
        200,
        [[0]],
        instruments,
        [[50], [0.02]],
        [
          ['risk', 'chance'],
          ['trials', 100],
          ['seed', 4],
        ],
      )) as unknown[][];
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const risk = a[a.length - 1];
    expect(risk[0]).toBe('risk chance');
    expect(risk[1] as number).toBeLessThanOrEqual(0.05);
    expect(risk[7]).toBe(100);
  });

  it('returns #VALUE! for ragged trials, bad risk options and unreachable limits', async () => {
    expectExcelError(
      await cashOptimize(
        [
          [0, 0, 0, 0],
          [0, 0, null, 0],
        ],
        100,
        [[0]],
        instruments,
      ),
      '#VALUE!',
      /flows row 2, column 3 must be a number; got a blank/,
    );
    expectExcelError(
      await cashOptimize(trials, 100, [[0]], instruments, undefined, [['risk', 'var']]),
      '#VALUE!',
      /options risk "var" is not known/,
    );
    expectExcelError(
      await cashOptimize(
        [
          [0, -500, 0, 0],
          [0, 0, 0, 0],
        ],
        100,
        [[0]],
        instruments,
        [[20], [0.02]],
        [['alpha', 0.5]],
      ),
      '#VALUE!',
      /no plan meets the cvar limit/,
    );
  });
});

describe('FPA.CASH.BUFFER', () => {
  it('spills the buffer per period with central cash, investable cash and holding cost at the best rate', () => {
    const many = Array.from({ length: 40 }, (_, i) => [((i * 37) % 41) - 20, ((i * 13) % 29) - 14, 5, 0]);
    const rows = cashBufferFn(many, 1000, 0.1, [
      ['name', 'term', 'rate'],
      ['ON', 1, 0.001],
      ['TD', 3, 0.004],
    ]) as unknown[][];
    const core = cashBuffer({ openingCash: 1000, trials: many, alpha: 0.1, ratePerPeriod: 0.004 });
    expect(rows[0]).toEqual(['period', 'buffer', 'central cash', 'investable', 'holding cost', 'P(breach)']);
    core.periods.forEach((p, t) =>
      expect(rows[t + 1]).toEqual([
        p.period,
        p.buffer,
        p.centralCash,
        p.investable,
        p.holdingCost,
        p.breachProbability,
      ]),
    );
    expect(rows[5][0]).toBe('total holding cost');
    expect(rows[5][4]).toBeCloseTo(core.totalHoldingCost, 12);
  });

  it('takes low/mid/high bounds and returns #VALUE! for bad input', () => {
    const rows = cashBufferFn(
      [
        [-10, -10],
        [0, 0],
        [10, 10],
      ],
      50,
    ) as unknown[][];
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows[2][1] as number).toBeGreaterThan(rows[1][1] as number);
    expectExcelError(cashBufferFn([[1, 2]], 50), '#VALUE!', /flows must be/);
    expectExcelError(cashBufferFn([[-10], [0], [10]], 50, 1.5), '#VALUE!', /alpha/);
  });
});
