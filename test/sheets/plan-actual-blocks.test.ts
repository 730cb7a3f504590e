/**
 * FPA.VARIANCE.FLAGS' plan and actual blocks: one line per row (a single column is one line), the
 * same amount rule as the pane's plan/actual table, labels.
 */
import { fpaErrorOf } from '../fpa-error-of';
import { readBudgetTable } from '../../src/sheets/budget-table';
import { readPeriodLabels, readPlanActualBlocks } from '../../src/sheets/plan-actual-blocks';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

describe('readPlanActualBlocks', () => {
  it('reads rows as lines, with default labels', () => {
    const lines = readPlanActualBlocks({
      plan: [
        [10, 20],
        [30, 40],
      ],
      actual: [
        [11, null],
        [29, 41],
      ],
    });
    expect(lines).toEqual([
      { id: 'line 1', costCentre: '', account: '', owner: '', plan: [10, 20], actual: [11, null] },
      { id: 'line 2', costCentre: '', account: '', owner: '', plan: [30, 40], actual: [29, 41] },
    ]);
  });

  it('reads a single column as one line down the rows', () => {
    const lines = readPlanActualBlocks({ plan: [[10], [20], [30]], actual: [[9], [null], [31]], labels: [['Travel']] });
    expect(lines).toEqual([
      { id: 'Travel', costCentre: '', account: '', owner: '', plan: [10, 20, 30], actual: [9, null, 31] },
    ]);
  });

  it('reads amounts as the pane’s table does: text numbers, blank and #N/A missing', () => {
    const plan: SheetGrid = [[' 100 ', 200]];
    const actual: SheetGrid = [[cellError('#N/A'), '']];
    const lines = readPlanActualBlocks({ plan, actual });
    const table = readBudgetTable([
      ['id', 'plan 1', 'plan 2', 'actual 1', 'actual 2'],
      ['line 1', ...plan[0], ...actual[0]],
    ]);
    expect(lines).toEqual(table.lines);
  });

  it('labels: one per line in any shape, blanks defaulted, names kept as typed, repeats refused', () => {
    const block = [[1], [2], [3]].map((r) => [r[0], r[0]]);
    expect(readPlanActualBlocks({ plan: block, actual: block, labels: [['a', null, ' c ']] }).map((l) => l.id)).toEqual(
      ['a', 'line 2', ' c '],
    );
    expect(readPlanActualBlocks({ plan: block, actual: block, labels: [[4010], [4020], [4030]] })[0].id).toBe('4010');
    const repeat = fpaErrorOf(() =>
      readPlanActualBlocks({ plan: block, actual: block, labels: [['a'], ['b'], ['a']] }),
    );
    expect(repeat.code).toBe('SHEET_DUPLICATE');
    expect(repeat.fullMessage).toBe(
      'labels entry 3: the name "a" is used twice (first in entry 1). Give every line its own, unique name.',
    );
    expect(fpaErrorOf(() => readPlanActualBlocks({ plan: block, actual: block, labels: [['a']] })).message).toBe(
      'labels must be 3 label(s), one per line; got 1.',
    );
    expect(
      fpaErrorOf(() =>
        readPlanActualBlocks({ plan: block, actual: block, labels: [['a'], [cellError('#REF!')], ['c']] }),
      ).message,
    ).toBe('labels row 2, column 1: holds the error #REF!.');
  });

  it.each<[string, () => unknown, string, string]>([
    [
      'text',
      () => readPlanActualBlocks({ plan: [[1, 'x']], actual: [[1, 1]] }),
      'SHEET_BAD_CELL',
      'plan row 1, column 2: holds "x", not a number.',
    ],
    [
      'an error in a single-column actual',
      () => readPlanActualBlocks({ plan: [[1], [2]], actual: [[1], [cellError('#DIV/0!')]] }),
      'SHEET_ERROR_CELL',
      'actual row 2, column 1: holds the error #DIV/0!.',
    ],
    [
      'TRUE',
      () => readPlanActualBlocks({ plan: [[true]], actual: [[1]] }),
      'SHEET_BAD_CELL',
      'plan row 1, column 1: holds TRUE, not a number.',
    ],
    [
      'another shape',
      () => readPlanActualBlocks({ plan: [[1, 2]], actual: [[1]] }),
      'INPUT_BAD_SHAPE',
      'actual must be the same shape as plan (1 × 2); got 1 × 1.',
    ],
    ['an empty block', () => readPlanActualBlocks({ plan: [], actual: [[1]] }), 'INPUT_EMPTY', 'plan is empty.'],
  ])('refuses %s, naming the cell', (_name, fn, code, message) => {
    const error = fpaErrorOf(fn);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('reads 5,000 lines × 36 periods', () => {
    const plan = Array.from({ length: 5000 }, (_, i) => Array.from({ length: 36 }, () => i));
    const lines = readPlanActualBlocks({ plan, actual: plan });
    expect(lines).toHaveLength(5000);
    expect(lines[4999].plan[35]).toBe(4999);
  });
});

describe('readPeriodLabels', () => {
  it('reads one label per period, numbers as text and blanks as "period n"', () => {
    expect(readPeriodLabels([['Jan', 'Feb', null]], 3)).toEqual(['Jan', 'Feb', 'period 3']);
    expect(readPeriodLabels([[2026], [2027]], 2)).toEqual(['2026', '2027']);
    expect(readPeriodLabels(undefined, 3)).toBeUndefined();
    expect(readPeriodLabels(null, 3)).toBeUndefined();
  });
  it('reads a header row of dates (Excel date serials) as the months, quarters or weeks they are', () => {
    // A row formatted "Jan-26" holding 1 Jan, 1 Feb, 1 Mar 2026 arrives as serials.
    expect(readPeriodLabels([[46023, 46054, 46082]], 3)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(readPeriodLabels([[46112], [46203]], 2)).toEqual(['Q1 2026', 'Q2 2026']);
    expect(readPeriodLabels([[46023, 46054, null]], 3)).toEqual(['46023', '46054', 'period 3']);
  });
  it('refuses a wrong count or an error cell, naming it', () => {
    expect(fpaErrorOf(() => readPeriodLabels([['Jan']], 2)).message).toMatch(/periods.*2 label\(s\), one per period/);
    expect(fpaErrorOf(() => readPeriodLabels([['Jan', cellError('#REF!')]], 2)).message).toMatch(/periods.*column 2/);
  });
});
