/**
 * A workbook's cells as a translation source: what the task pane reads through its workbook
 * interface (every sheet's used cells from A1, formula text and value, and the defined names) turned
 * into the `WorkbookModelSource` that `translateWorkbookModel` follows. Sheet and name lookups
 * ignore case, as Excel's do; a cell beyond a sheet's used block is blank.
 */
import type { Cell } from '../../model/cell';
import type { SourceCell, WorkbookModelSource } from './translate';

/** The workbook as read: per sheet, row r and column c of the grid are the sheet's (from A1). */
export interface WorkbookCells {
  sheets: Readonly<Record<string, ReadonlyArray<ReadonlyArray<SourceCell>>>>;
  /** Workbook-level defined names → what they refer to ("=Inputs!$B$2"). */
  names: Readonly<Record<string, string>>;
}

const BLANK: SourceCell = { formula: null, value: null };

/**
 * @example
 *   const source = workbookModelSource({ sheets: { Model: [[{ formula: '=1+1', value: 2 }]] }, names: {} });
 *   source.cell('model', 0, 0); // { formula: '=1+1', value: 2 }
 *   source.cell('Model', 5, 5); // { formula: null, value: null } (blank)
 *   source.cell('Other', 0, 0); // undefined (no such sheet)
 */
export function workbookModelSource(cells: WorkbookCells): WorkbookModelSource {
  const sheets = new Map(Object.entries(cells.sheets).map(([name, grid]) => [name.toLowerCase(), grid]));
  return {
    names: cells.names,
    cell(sheet, row, column) {
      const grid = sheets.get(sheet.toLowerCase());
      if (!grid) return undefined;
      return grid[row]?.[column] ?? BLANK;
    },
  };
}

/**
 * The value a cell shows, as a number: the drivers' point values and the outputs' workbook results
 * that the point check compares with the translation.
 * @returns the number, or null when the cell holds no number (text, a blank, an error, a boolean)
 */
export function cellNumber(source: WorkbookModelSource, sheet: string, row: number, column: number): number | null {
  const value: Cell | undefined = source.cell(sheet, row, column)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
