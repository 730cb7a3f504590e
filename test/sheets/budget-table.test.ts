/**
 * The plan/actual table the pane scans: columns by header (any order, any case), amounts by the one
 * cell rule, located problems for rows left out, and refusals of headers that cannot be read.
 */
import { fpaErrorOf } from '../fpa-error-of';
import { FpaError } from '../../src/errors';
import { budgetTableValues, readBudgetTable } from '../../src/sheets/budget-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';
import { fillMergedAreas } from '../../src/sheets/merged-areas';
import { sampleSheet } from '../../taskpane/review/sample-sheet';

const HEADER = ['id', 'cost centre', 'account', 'owner', 'budget', 'plan Jan', 'plan Feb', 'actual Jan', 'actual Feb'];

function headerError(grid: SheetGrid): FpaError {
  return fpaErrorOf(() => readBudgetTable(grid));
}

describe('readBudgetTable', () => {
  it('reads lines, periods, budgets and where they came from', () => {
    const table = readBudgetTable([
      HEADER,
      ['L1', 'MKT', 'Ads', 'mia', 250, 100, 120, 90, null],
      ['L2', 'IT', 'Cloud', 'ian', null, 50, 50, 55, 60],
    ]);
    expect(table.periods).toEqual(['Jan', 'Feb']);
    expect(table.lines).toEqual([
      { id: 'L1', costCentre: 'MKT', account: 'Ads', owner: 'mia', plan: [100, 120], actual: [90, null] },
      { id: 'L2', costCentre: 'IT', account: 'Cloud', owner: 'ian', plan: [50, 50], actual: [55, 60] },
    ]);
    expect(table.items).toBe(table.lines);
    expect(table.budgets).toEqual([250, 100]); // L2 has no budget: the plan's total
    expect(table.rows).toEqual([2, 3]);
    expect(table.budgetColumn).toBe(5);
    expect(table.problems).toEqual([]);
  });

  it('finds columns by header in any order, case and spacing, with the spellings it knows', () => {
    const table = readBudgetTable([
      ['ACTUAL  Jan', 'Plan Jan', 'Line ID', 'Cost Center', 'CURRENT BUDGET'],
      [12, 10, 'L1', 'MKT', 10],
    ]);
    expect(table.lines).toEqual([{ id: 'L1', costCentre: 'MKT', account: '', owner: '', plan: [10], actual: [12] }]);
    expect(table.budgetColumn).toBe(5);
  });

  it('skips blank rows above the header and rows without an id, and ignores blank columns', () => {
    const table = readBudgetTable([
      [null, null, null, null],
      ['id', 'plan 1', 'actual 1', null],
      [null, null, null, null],
      ['L1', 10, 12, null],
      ['   ', 99, 99, 'total row without id'],
      ['L2', 20, null, null],
    ]);
    expect(table.lines.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(table.rows).toEqual([4, 6]);
    expect(table.periods).toEqual(['1']);
  });

  it('reads text numbers, and a blank or #N/A as a missing value', () => {
    const table = readBudgetTable([
      ['id', 'plan Jan', 'plan Feb', 'actual Jan', 'actual Feb'],
      ['L1', ' 100 ', '1e2', cellError('#N/A'), ''],
    ]);
    expect(table.lines[0].plan).toEqual([100, 100]);
    expect(table.lines[0].actual).toEqual([null, null]);
  });

  it('leaves out a row with a cell it cannot read, naming the cell', () => {
    const table = readBudgetTable([
      HEADER,
      ['L1', 'MKT', 'Ads', 'mia', 250, '1,000', 120, 90, null],
      ['L2', 'IT', 'Cloud', 'ian', null, 50, 50, cellError('#DIV/0!'), 60],
      ['L3', 'IT', 'Cloud', 'ian', 'n/a', 50, 50, 1, 1],
      ['L4', 'IT', 'Cloud', 'ian', null, 50, 50, true, 1],
      ['L5', 'OPS', cellError('#REF!'), 'olu', null, 5, 5, 5, 5],
      ['L6', 'OPS', 'Travel', 'olu', null, 5, 5, 5, 5],
    ]);
    expect(table.lines.map((l) => l.id)).toEqual(['L6']);
    expect(table.rows).toEqual([7]);
    expect(table.budgets).toEqual([10]);
    expect(table.problems.map((p) => p.message)).toEqual([
      'plan/actual table row 2, column 6 (plan Jan): holds "1,000", not a number.',
      'plan/actual table row 3, column 8 (actual Jan): holds the error #DIV/0!.',
      'plan/actual table row 4, column 5 (budget): holds "n/a", not a number.',
      'plan/actual table row 5, column 8 (actual Jan): holds TRUE, not a number.',
      'plan/actual table row 6, column 3 (account): holds the error #REF!.',
    ]);
    expect(table.problems[0].hint).toMatch(/thousands separators/);
  });

  it('refuses a line without plan values, and a repeated id on the later row', () => {
    const table = readBudgetTable([
      ['id', 'plan 1', 'actual 1'],
      ['L1', null, 5],
      ['L2', 1, 1],
      ['L2', 2, 2],
      [2024, 3, 3],
    ]);
    expect(table.lines.map((l) => l.id)).toEqual(['L2', '2024']);
    expect(table.problems.map((p) => p.message)).toEqual([
      'plan/actual table row 2 (L1): has no plan values.',
      'plan/actual table row 4: the name "L2" is used twice (first in row 3).',
    ]);
    expect(table.problems.map((p) => p.code)).toEqual(['SHEET_BAD_CELL', 'SHEET_DUPLICATE']);
  });

  it.each<[string, SheetGrid, RegExp]>([
    ['an empty range', [[null, null]], /the selection is empty/],
    ['no id column', [['name', 'plan 1', 'actual 1']], /No "id" column in the header row/],
    ['no plan columns', [['id', 'actual 1']], /found 0 plan and 1 actual/],
    [
      'fewer actual than plan columns, not one a plan period',
      [['id', 'plan 1', 'plan 2', 'actual 3']],
      /found 2 plan and 1 actual/,
    ],
    ['two id columns', [['id', 'ID', 'plan 1', 'actual 1']], /names "id" twice \(columns 1 and 2\)/],
    [
      'actuals in another period order',
      [['id', 'plan Jan', 'plan Feb', 'actual Feb', 'actual Jan']],
      /actual columns \(Feb, Jan\) are not in the order of the plan columns \(Jan, Feb\)/,
    ],
  ])('refuses %s', (_name, grid, message) => {
    const error = headerError(grid);
    expect(error).toBeInstanceOf(FpaError);
    expect(error.code).toBe('SHEET_BAD_HEADER');
    expect(error.message).toMatch(message);
  });

  it.each<[string, SheetGrid]>([
    [
      'on two rows ("plan" above the months)',
      [
        ['id', 'cost centre', 'plan', null, null, 'actual', null, null],
        [null, null, 'Jan', 'Feb', 'Mar', 'Jan', 'Feb', 'Mar'],
        ['L1', 'CC', 100, 100, 100, 90, 95, 120],
      ],
    ],
    [
      'merged over the months on one row',
      [
        ['id', 'plan', '', '', 'actual', '', ''],
        ['L1', 100, 100, 100, 90, 95, '120'],
      ],
    ],
  ])('refuses a header merged %s, which read as one period and dropped the others', (_name, grid) => {
    const error = headerError(grid);
    expect(error.code).toBe('SHEET_BAD_HEADER');
    expect(error.message).toMatch(
      /column 4 has no header but holds values, right of "plan" \(column 3\)|column 3 has no header but holds values, right of "plan" \(column 2\)/,
    );
  });

  it.each<[string, SheetGrid, string[], RegExp]>([
    [
      'on two rows',
      [
        ['id', 'cost centre', 'plan', null, null, 'actual', null, null],
        [null, null, 'Jan', 'Feb', 'Mar', 'Jan', 'Feb', 'Mar'],
        ['L1', 'CC', 100, 100, 100, 90, 95, 120],
      ],
      ['C1:E1', 'F1:H1'],
      /the header names "plan" without a period in columns 3, 4 and 5; a header merged over several columns, or on two rows, is not read/,
    ],
    [
      'on one row',
      [
        ['id', 'plan', '', '', 'actual', '', ''],
        ['L1', 100, 100, 100, 90, 95, '120'],
      ],
      ['B1:D1', 'E1:G1'],
      /the header names "plan" without a period in columns 2, 3 and 4/,
    ],
    [
      'over the actuals only',
      [
        ['id', 'plan Jan', 'plan Feb', 'Actual', ''],
        ['L1', 100, 100, 90, 95],
      ],
      ['D1:E1'],
      /the header names "Actual" without a period in columns 4 and 5/,
    ],
  ])(
    'refuses a header merged over the months %s as the pane reads it (each merged cell holding "plan"), naming it',
    (_name, grid, areas, message) => {
      const error = headerError(fillMergedAreas(grid, areas, 'A1'));
      expect(error.code).toBe('SHEET_BAD_HEADER');
      expect(error.message).toMatch(message);
      expect(error.hint).toMatch(/Give every period its own header cell/);
    },
  );

  it('refuses a line column header merged over two columns as the pane reads it, saying so', () => {
    const grid = fillMergedAreas([['id', 'cost centre', '', 'plan Jan', 'actual Jan']], ['B1:C1'], 'A1');
    const error = headerError(grid);
    expect(error.message).toMatch(/names "cost centre" twice \(columns 2 and 3\)/);
    expect(error.hint).toMatch(/a header cell merged over two columns names both/);
  });

  it('still reads one plain "plan" and "actual" pair (one period, P1)', () => {
    const table = readBudgetTable([
      ['id', 'plan', 'actual'],
      ['L1', 10, 12],
    ]);
    expect(table.periods).toEqual(['P1']);
    expect(table.lines[0].actual).toEqual([12]);
  });

  it('keeps reading a column without a header beside the table that holds no amounts on a line (notes)', () => {
    const table = readBudgetTable([
      ['id', 'plan Jan', 'actual Jan', null],
      ['L1', 10, 12, 'checked by ann'],
      [null, 10, 12, 99],
    ]);
    expect(table.lines.map((l) => l.id)).toEqual(['L1']);
    expect(table.problems).toEqual([]);
  });

  it('reads fewer actual than plan columns by their period (actuals added as months close), the rest not booked', () => {
    const table = readBudgetTable([
      ['id', 'plan Jan', 'plan Feb', 'plan Mar', 'Actual jan', 'actual Mar'],
      ['L1', 100, 100, 100, 90, 120],
    ]);
    expect(table.periods).toEqual(['Jan', 'Feb', 'Mar']);
    expect(table.lines[0].actual).toEqual([90, null, 120]);
    expect(table.problems).toEqual([]);
    // Labels that do not pair up, or plain "plan"/"actual" headers, are still refused.
    expect(headerError([['id', 'plan Jan', 'plan Feb', 'actual Apr']]).message).toMatch(/found 2 plan and 1 actual/);
    expect(headerError([['id', 'plan Jan', 'plan Feb', 'actual Feb', 'actual Jan']]).message).toMatch(
      /not in the order/,
    );
    expect(headerError([['id', 'plan Jan', 'plan Feb', 'plan Mar', 'actual Mar', 'actual Jan']]).message).toMatch(
      /found 3 plan and 2 actual/,
    );
    // Two bare "plan" headers are what a merged header reads as: refused as such (before the count).
    expect(headerError([['id', 'plan', 'plan', 'actual']]).message).toMatch(
      /names "plan" without a period in columns 2 and 3/,
    );
    expect(headerError([['id', 'plan Jan', 'plan Feb']]).message).toMatch(/found 2 plan and 0 actual/);
  });

  it('labels periods P1, P2… where a plan header names none', () => {
    expect(
      readBudgetTable([
        ['id', 'plan', 'actual'],
        ['L1', 1, 1],
      ]).periods,
    ).toEqual(['P1']);
  });

  it('reads the sample sheet the pane and the e2e use', () => {
    const table = readBudgetTable(sampleSheet());
    expect(table.lines).toHaveLength(6);
    expect(table.periods).toHaveLength(12);
    expect(table.lines[0].actual[11]).toBeNull();
    expect(table.budgets[0]).toBe(120000);
    expect(table.problems).toEqual([]);
  });

  it('writes the layout it reads back, with or without a budget column', () => {
    const lines = [
      { id: 'L1', costCentre: 'MKT', account: 'Ads', owner: 'mia', plan: [100, 120], actual: [90, null] },
      { id: 'L2', costCentre: 'IT', account: 'Cloud', owner: 'ian', plan: [50, null], actual: [] },
    ];
    const values = budgetTableValues(['Jan', 'Feb'], lines, [250, 50]);
    expect(values[0]).toEqual(HEADER);
    expect(values[2]).toEqual(['L2', 'IT', 'Cloud', 'ian', 50, 50, null, null, null]);
    const table = readBudgetTable(values);
    expect(table.periods).toEqual(['Jan', 'Feb']);
    expect(table.lines).toEqual([lines[0], { ...lines[1], actual: [null, null] }]);
    expect(table.budgets).toEqual([250, 50]);
    expect(readBudgetTable(budgetTableValues(['Jan', 'Feb'], lines)).budgetColumn).toBeNull();
  });

  it('reads 20,000 lines × 24 months', () => {
    const months = Array.from({ length: 24 }, (_, i) => `M${i + 1}`);
    const grid: SheetGrid = [
      ['id', ...months.map((m) => `plan ${m}`), ...months.map((m) => `actual ${m}`)],
      ...Array.from({ length: 20_000 }, (_, i) => [`L${i}`, ...months.map(() => i), ...months.map((_, t) => i + t)]),
    ];
    const table = readBudgetTable(grid);
    expect(table.lines).toHaveLength(20_000);
    expect(table.lines[19_999].actual[23]).toBe(19_999 + 23);
    expect(table.budgets[19_999]).toBe(19_999 * 24);
  });
});
