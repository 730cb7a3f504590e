/** Actuals from a range or a CSV into a template: long and wide layouts, mismatches named, merging. */
import { csvGrid } from '../../../src/sheets/csv';
import { mergeActuals, readAmountsTable, readTemplateActuals } from '../../../src/sheets/template/actuals';
import { resolveTemplate } from '../../../src/sheets/template/spec';
import type { SheetGrid } from '../../../src/sheets/sheet-value';
import { refusal, smallSpec } from './helpers';

const t = resolveTemplate(smallSpec());

/** The error readTemplateActuals throws for these cells in the template `t`. */
const refused = (cells: SheetGrid) => refusal(() => readTemplateActuals(cells, t));

describe('readTemplateActuals', () => {
  test('long layout from a CSV: cost centre, account, period, amount', () => {
    const { rows } = csvGrid(
      'Cost Centre,Account,Period,Amount\nS1,Travel,2025-01,120.5\ns1,travel,2025-02,"1000"\nO1,Salaries,2025-06,-3\n',
    );
    const read = readTemplateActuals(rows, t);
    expect(read.count).toBe(3);
    expect(read.months).toEqual(['2025-01', '2025-02', '2025-06']);
    expect(read.amounts.get('S1/Travel')!.slice(0, 3)).toEqual([120.5, 1000, null]);
    expect(read.amounts.get('O1/Salaries')![5]).toBe(-3);
    expect(read.amounts.has('S2/Travel')).toBe(false);
  });
  test('wide layout with ids and month columns; blanks are not amounts', () => {
    const read = readTemplateActuals(
      [
        ['id', 'owner', '2025-01', '2025-02'],
        ['S2/Travel', 'bob', 5, null],
        ['O1/Travel', '', 7, 8],
      ],
      t,
    );
    expect(read.count).toBe(3);
    expect(read.amounts.get('S2/Travel')!.slice(0, 2)).toEqual([5, null]);
  });
  test('a line the template does not have names the row', () => {
    const e = refused([
      ['cost centre', 'account', '2025-01'],
      ['S1', 'Travel', 1],
      ['XX', 'Travel', 2],
    ]);
    expect(e.code).toBe('TEMPLATE_ACTUALS_MISMATCH');
    expect(e.message).toBe('actuals row 3: the line "XX/Travel" is not in the template.');
    // The line it names, for the pane to draw whole (it is in no table the pane has seen).
    expect(e.data).toEqual({ line: 'XX/Travel' });
  });
  test('a month outside the template, or in the forecast months, names the column or row', () => {
    const outside = refused([
      ['id', '2024-12'],
      ['S1/Travel', 1],
    ]);
    expect(outside.message).toBe(
      'actuals column 2 ("2024-12"): the month 2024-12 is not in the template (2025-01 to 2026-12).',
    );
    const forecast = refused([
      ['id', 'period', 'amount'],
      ['S1/Travel', '2025-06', 1],
      ['S1/Travel', '2025-07', 1],
    ]);
    expect(forecast.message).toBe('actuals row 3: 2025-07 is not before the first forecast month 2025-07.');
    expect(
      refused([
        ['id', 'Jan'],
        ['S1/Travel', 1],
      ]).message,
    ).toContain('not a month written YYYY-MM');
  });
  test('the same amount twice, an amount that is not a number, no columns, no amounts', () => {
    const twice = refused([
      ['id', 'period', 'amount'],
      ['S1/Travel', '2025-01', 1],
      ['S1/Travel', '2025-01', 2],
    ]);
    expect(twice.code).toBe('SHEET_DUPLICATE');
    expect(twice.message).toContain('actuals row 3');
    expect(
      refused([
        ['id', '2025-01'],
        ['S1/Travel', 'lots'],
      ]).message,
    ).toContain('actuals row 2, column 2');
    expect(refused([['period', 'amount']]).code).toBe('SHEET_BAD_HEADER');
    expect(refused([['id']]).code).toBe('TEMPLATE_ACTUALS_MISMATCH');
    expect(
      refused([
        ['id', '2025-01'],
        ['S1/Travel', null],
      ]).message,
    ).toContain('no amounts');
    expect(refused([]).code).toBe('SHEET_BAD_HEADER');
  });
});

describe('readAmountsTable and mergeActuals', () => {
  test('the table as it is, by id and template month; the file wins where it has an amount', () => {
    const current = readAmountsTable(
      [
        ['id', 'cost centre', 'total', '2025-02', '2025-01', 'extra'],
        ['S1/Travel', 'S1', 999, 2, 1, 'x'],
        ['S2/Travel', 'S2', 0, 'typed', null, null],
        [null, null, null, null, null, null],
      ],
      t.months,
    );
    expect(current.get('S1/Travel')!.slice(0, 3)).toEqual([1, 2, null]);
    expect(current.get('S2/Travel')!.slice(0, 2)).toEqual([null, 'typed']);
    expect(current.size).toBe(2);
    const file = readTemplateActuals(
      [
        ['id', '2025-01'],
        ['S1/Travel', 10],
        ['S2/Travel', 20],
      ],
      t,
    );
    const merged = mergeActuals(current, file, t);
    expect(merged.get('S1/Travel')!.slice(0, 3)).toEqual([10, 2, null]);
    expect(merged.get('S2/Travel')!.slice(0, 2)).toEqual([20, 'typed']);
    expect(merged.get('O1/Salaries')!.every((v) => v === null)).toBe(true);
    expect(readAmountsTable([], t.months).size).toBe(0);
    expect(readAmountsTable([['name', '2025-01']], t.months).size).toBe(0);
  });
});
