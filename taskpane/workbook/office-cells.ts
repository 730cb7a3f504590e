/**
 * Reads what "Use this workbook's model" translates: every sheet's used cells from A1 (formula text
 * where a cell holds a formula, and the value it shows) and the workbook's defined names, in one
 * batch of two syncs.
 */
import type { SourceCell } from '../../src/scenario/workbook-model/translate';
import type { WorkbookCells } from '../../src/scenario/workbook-model/sheet-source';
import type { Cell } from './types';
import { padToA1, readUsedRanges } from './used-ranges';
import type { ExcelRunner } from './excel-runner';

/** An Excel value as a cell: error values (#N/A, #DIV/0!…) arrive as text and stay text. */
const asCell = (v: unknown): Cell =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? (v === '' ? null : v) : null;

/** One cell of a used range: its formula where it holds one, and the value it shows. */
const sourceCell = (f: unknown, value: unknown): SourceCell => ({
  formula: typeof f === 'string' && f.startsWith('=') ? f : null,
  value: asCell(value),
});

export function readOfficeCells(run: ExcelRunner): Promise<WorkbookCells> {
  return run(async (context) => {
    const { used, loaded: names } = await readUsedRanges(context, {
      alsoLoad: (workbook) => {
        workbook.names.load('items/name, items/formula, items/visible');
        return workbook.names;
      },
      fields: 'formulas, values',
    });
    const grids: Record<string, SourceCell[][]> = {};
    for (const { name, range } of used) {
      if (range.isNullObject) {
        grids[name] = [];
        continue;
      }
      const cells = range.formulas.map((row, i) => row.map((f, j) => sourceCell(f, range.values[i][j])));
      grids[name] = padToA1(cells, range.rowIndex, range.columnIndex, () => ({ formula: null, value: null }));
    }
    const defined = Object.fromEntries(names.items.map((n) => [n.name, String(n.formula)]));
    return { sheets: grids, names: defined };
  });
}
