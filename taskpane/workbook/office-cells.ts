/**
 * Reads what "Use this workbook's model" translates: every sheet's used cells from A1 (formula text
 * where a cell holds a formula, and the value it shows) and the workbook's defined names, in one
 * batch of two syncs.
 */
import type { SourceCell } from '../../src/scenario/workbook-model/translate';
import type { WorkbookCells } from '../../src/scenario/workbook-model/sheet-source';
import type { Cell } from './types';

type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** An Excel value as a cell: error values (#N/A, #DIV/0!…) arrive as text and stay text. */
const asCell = (v: unknown): Cell =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? (v === '' ? null : v) : null;

/** One row of a used range, padded to column A. */
function sourceRow(formulas: unknown[], values: unknown[], left: number): SourceCell[] {
  const row: SourceCell[] = Array.from({ length: left }, () => ({ formula: null, value: null }));
  formulas.forEach((f, j) => {
    const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
    row.push({ formula, value: asCell(values[j]) });
  });
  return row;
}

export function readOfficeCells(run: ExcelRunner): Promise<WorkbookCells> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name, items/formula, items/visible');
    await context.sync();
    const used = sheets.items.map((s) => {
      const range = s.getUsedRangeOrNullObject();
      range.load('formulas, values, rowIndex, columnIndex, isNullObject');
      return { name: s.name, range };
    });
    await context.sync();
    const grids: Record<string, SourceCell[][]> = {};
    for (const { name, range } of used) {
      if (range.isNullObject) {
        grids[name] = [];
        continue;
      }
      const top: SourceCell[][] = Array.from({ length: range.rowIndex }, () => []);
      grids[name] = [...top, ...range.formulas.map((row, i) => sourceRow(row, range.values[i], range.columnIndex))];
    }
    const defined = Object.fromEntries(names.items.map((n) => [n.name, String(n.formula)]));
    return { sheets: grids, names: defined };
  });
}
