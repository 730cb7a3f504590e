/**
 * FPA.CASH.OPTIMIZE, FPA.CASH.RISK, FPA.WC.METRICS and FPA.WC.OPTIMIZE through the adapter: spill
 * shapes, defaults, and every error path returning an Excel error with a message (nothing thrown).
 */
import { cashOptimize, cashRisk, cashSolver, wcMetricsFn, wcOptimize } from '../../functions/cash';
import { scheduleTable } from '../../src/cash/schedule-table';
import { CELL_CASH_TIME_LIMIT_SECONDS } from '../../src/model/limits';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { column, errorCell, expectExcelError, rangeValues } from './excel-range';
import { SAMPLE_WC_METRICS } from './sample-working-capital';

beforeAll(() => {
  cashSolver.current = glpkNodeSolver;
});

const instruments = [
  ['name', 'term', 'rate'],
  ['ON', 1, 0.004],
  ['TD', 2, 0.01],
];

describe('FPA.CASH.OPTIMIZE', () => {
  it('spills a labelled schedule with a totals row holding the objective', async () => {
    const flows = await rangeValues(column([0, 0, 0]));
    const result = (await cashOptimize(flows, 100, [[0]], instruments)) as unknown[][];
    expect(result[0]).toEqual([
      'period',
      'invest ON',
      'invest TD',
      'mature ON',
      'mature TD',
      'draw',
      'repay',
      'debt',
      'interest earned',
      'interest paid',
      'closing cash',
    ]);
    expect(result).toHaveLength(5);
    expect(result[1][2]).toBeCloseTo(100, 9); // TD placed in period 1
    const last = result[4];
    expect(last[0]).toBe('total; objective →');
    expect(last[10]).toBeCloseTo(102.01, 9);
    expect(last[8]).toBeCloseTo(2.01, 9);
  });

  it('labels the totals row of a plan stopped by the time limit with its gap to the bound', () => {
    const period = { period: 1, invest: {}, mature: {}, draw: 0, repay: 0, debt: 0 };
    const periods = [{ ...period, interestEarned: 0, interestPaid: 0, closingCash: 5 }];
    const table = (gap?: number): unknown[] =>
      scheduleTable({ instruments: [] }, { status: 'time_limit', objective: 5, periods, gap }).at(-1)!;
    expect(table(1.234e-4)[0]).toBe('total (time limit: best plan found, within 0.012% of the optimum)');
    expect(table()[0]).toBe('total (time limit: best plan found)');
  });

  it('takes a credit line as numbers or name/value pairs, and options', async () => {
    const flows = column([-50, 100]);
    const a = (await cashOptimize(flows, 0, [[0]], [['X', 1, 0]], [[100], [0.01], [0.001]])) as unknown[][];
    const b = (await cashOptimize(
      flows,
      0,
      [[0]],
      [['X', 1, 0]],
      [
        ['limit', 100],
        ['rate', 0.01],
        ['fee', 0.001],
      ],
      [['shadow_prices', true]],
    )) as unknown[][];
    expect(a[3][8]).toBeCloseTo(49.3491, 9);
    expect(b[0]).toContain('shadow min cash');
    expect(b[3][8]).toBeCloseTo(49.3491, 9);
    expect(b[1][9]).toBeCloseTo(-0.009, 9); // one more unit of minimum in period 1: draw 1 more at 1%, save the 0.1% fee
  });

  it('gives a lot-sized plan 60 s unless the sheet names a time_limit (a hard MIP left the cell #BUSY! for minutes)', async () => {
    const limits: (number | undefined)[] = [];
    cashSolver.current = {
      name: 'recording glpk',
      solve: (program, options = {}) => {
        // The branch-and-bound solves (the rounding start's LPs take no limit: they are quick).
        if (program.columns.some((c) => c.integer)) limits.push(options.timeLimitSeconds);
        return glpkNodeSolver.solve(program, options);
      },
    };
    try {
      const lots = [
        ['name', 'term', 'rate', 'min', 'max', 'lot'],
        ['TD', 2, 0.01, 0, 1000, 25],
      ];
      await cashOptimize(column([100, -20, 30]), 0, [[0]], lots);
      expect(limits.length).toBeGreaterThan(0);
      expect(limits.every((l) => l !== undefined && l > 0 && l <= CELL_CASH_TIME_LIMIT_SECONDS)).toBe(true);
      limits.length = 0;
      await cashOptimize(column([100, -20, 30]), 0, [[0]], lots, undefined, [['time_limit', 7]]);
      expect(limits.every((l) => l !== undefined && l > 0 && l <= 7)).toBe(true);
      expect(Math.max(...(limits as number[]))).toBeGreaterThan(6);
    } finally {
      cashSolver.current = glpkNodeSolver;
    }
  });

  it('returns #VALUE! for shadow_prices with objective headroom (the columns were left out silently)', async () => {
    const result = await cashOptimize(
      column([-50, 100]),
      0,
      [[0]],
      [['X', 1, 0]],
      [[100], [0.01], [0.001]],
      [
        ['shadow_prices', true],
        ['objective', 'headroom'],
      ],
    );
    expectExcelError(result, '#VALUE!', /options shadow_prices applies to the objective "wealth", not "headroom"/);
  });

  it('returns #VALUE! "cash falls short by X in period P" for an infeasible plan', async () => {
    const result = await cashOptimize(column([0, -500, 0]), 100, [[0]], instruments);
    // 100 placed overnight in period 1 returns 100.4; 100.4 − 500 = −399.6 in period 2.
    expectExcelError(result, '#VALUE!', /^cash falls short by 399\.60 in period 2\./);
  });

  it('spills the shortfall table when options ask to diagnose', async () => {
    const result = (await cashOptimize(
      column([0, -500, -10]),
      100,
      [[0]],
      instruments,
      null as unknown as unknown[][],
      [['diagnose', true]],
    )) as unknown[][];
    expect(result[0]).toEqual(['period', 'shortfall']);
    expect(result[1][0]).toBe(2);
    expect(result[1][1]).toBeCloseTo(399.6, 6);
    expect(result[2]).toEqual([3, 10]); // the −10 of period 3, not covered by an earlier placement
    expect(result[3][0]).toBe('total');
  });

  it.each([
    ['a text term', [['ON', 'one', 0.01]], /instruments row 1, column 2 \(term\)/],
    [
      'a blank rate',
      [
        ['name', 'term', 'rate'],
        ['ON', 1, null],
      ],
      /instruments row 2, column 3 \(rate\)/,
    ],
    ['a negative min', [['ON', 1, 0.01, -5]], /instruments row 1, column 4 \(min\)/],
    [
      'a missing name',
      [
        ['ON', 1, 0.01],
        [null, 2, 0.01],
      ],
      /instruments row 2, column 1 \(name\)/,
    ],
    [
      'a repeated name',
      [
        ['ON', 1, 0.01],
        ['ON', 2, 0.01],
      ],
      /row 2: the name "ON" is used twice/,
    ],
    ['too few columns', [['ON', 1]], /at least 3 columns/],
    ['an error cell', [['ON', 1, errorCell('#REF!')]], /#REF!/],
  ])('malformed instruments (%s) → #VALUE! with row and column', async (_name, table, message) => {
    expectExcelError(await cashOptimize(column([1, 2, 3]), 100, [[0]], table as unknown[][]), '#VALUE!', message);
  });

  it.each([
    ['a blank flow', () => cashOptimize(column([1, null, 3]), 100, [[0]], instruments), /flows period 2 is blank/],
    [
      'min_cash of the wrong length',
      () => cashOptimize(column([1, 2, 3]), 100, column([0, 0]), instruments),
      /min_cash must be one value or 3 values/,
    ],
    [
      'no opening cash',
      () => cashOptimize(column([1, 2]), null as unknown as number, [[0]], instruments),
      /opening_cash is empty/,
    ],
    [
      'an unknown option',
      () => cashOptimize(column([1, 2]), 1, [[0]], instruments, undefined, [['speed', 1]]),
      /"speed" is not known/,
    ],
    [
      'a bad objective',
      () => cashOptimize(column([1, 2]), 1, [[0]], instruments, undefined, [['objective', 'profit']]),
      /objective "profit"/,
    ],
    [
      'a bad credit rate',
      () => cashOptimize(column([1, 2]), 1, [[0]], instruments, [[100, 'x']]),
      /credit_line rate must be a number/,
    ],
  ])('bad input (%s) → #VALUE! with a message', async (_name, call, message) => {
    expectExcelError(await call(), '#VALUE!', message);
  });
});

describe('FPA.CASH.RISK', () => {
  it('spills P(breach), expected shortfall and percentiles per period from low/mid/high', () => {
    const run = () =>
      cashRisk(
        [
          [-100, -100],
          [0, 0],
          [100, 100],
        ],
        50,
        [[0]],
        2000,
        7,
      ) as unknown[][];
    const result = run();
    expect(result[0]).toEqual(['period', 'P(breach)', 'expected shortfall', 'cash P5', 'cash P50', 'cash P95']);
    expect(result).toHaveLength(4);
    const p1 = result[1][1] as number;
    expect(p1).toBeGreaterThan(0.1);
    expect(p1).toBeLessThan(0.4);
    expect(result[3][0]).toBe('first likely breach');
    expect(run()).toEqual(result);
  });

  it('reads trials (one row each) as well', () => {
    const trials = Array.from({ length: 10 }, (_, i) => [i - 5, 0, 0, 0]);
    const result = cashRisk(trials, 0, [[0]]) as unknown[][];
    expect(result[1][1]).toBeCloseTo(0.5, 12); // trials −5…−1 breach
  });

  it('returns #VALUE! for bad input', () => {
    expectExcelError(
      cashRisk(
        [
          [1, 2],
          [3, 4],
        ],
        0,
        [[0]],
      ),
      '#VALUE!',
      /at least 10 trials/,
    );
    expectExcelError(cashRisk([[1], [0], [2]], 0, [[0]]), '#VALUE!', /low ≤ mid ≤ high/);
    expectExcelError(cashRisk([[-1], ['x'], [1]], 0, [[0]]), '#VALUE!', /flows row 2, column 1/);
    expectExcelError(cashRisk([[-1], [0], [1]], 0, [[0]], 5), '#VALUE!', /iterations/);
  });
});

describe('FPA.WC.METRICS', () => {
  it('spills DSO, DPO, DIO and CCC per period', () => {
    const result = wcMetricsFn([[1000]], [[600]], [[100]], [[60]], [[90]], [[365]]) as unknown[][];
    expect(result[0]).toEqual(['period', 'DSO', 'DPO', 'DIO', 'CCC']);
    expect(result[1]).toEqual([1, 36.5, 36.5, 54.75, 54.75]);
  });

  it('leaves a blank where revenue is zero and supports average balances', () => {
    const result = wcMetricsFn(...SAMPLE_WC_METRICS) as unknown[][];
    expect(result[1][1]).toBe('');
    expect(result[2][4] as number).toBeCloseTo(129.46, 2);
  });

  it('returns #VALUE! for ragged input', () => {
    expectExcelError(wcMetricsFn([[1, 2]], [[1]], [[1, 1]], [[1, 1]], [[1, 1]]), '#VALUE!', /cogs/);
    expectExcelError(wcMetricsFn([[1]], [[1]], [[1]], [[1]], [[1]], [[1]], 'median'), '#VALUE!', /balances/);
  });
});

describe('FPA.WC.OPTIMIZE', () => {
  const levers = [
    ['lever', 'current', 'target', 'daily amount', 'cost per day'],
    ['DSO', 45, 35, 1000, 200],
    ['DPO', 30, 40, 600, 100],
  ];

  it('spills targets and cash freed per lever within the budget, with totals', async () => {
    const result = (await wcOptimize(levers, 1500)) as unknown[][];
    expect(result[0]).toEqual(['lever', 'current', 'target', 'days moved', 'cash freed', 'cost', 'net']);
    expect(result[1][2]).toBeCloseTo(42.5, 9);
    expect(result[2][2]).toBeCloseTo(40, 9);
    expect(result[3][5]).toBeCloseTo(1500, 6);
  });

  it('returns #VALUE! for a malformed lever table or budget', async () => {
    expectExcelError(
      await wcOptimize([['DSO', 45, 'x', 1000, 200]], 10),
      '#VALUE!',
      /levers row 1, column 3 \(target\)/,
    );
    expectExcelError(await wcOptimize([['DSO', 45, 35]], 10), '#VALUE!', /5 columns/);
    expectExcelError(await wcOptimize(levers, -1), '#VALUE!', /budget/);
  });
});
