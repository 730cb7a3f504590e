/**
 * Tables whose columns are found by their header names (the plan/actual table, a template's actuals
 * and hierarchy), not by position: the header is the first row with anything in it, and the table's
 * rows are the rows below it that are not blank, numbered as the user sees them in the selection.
 */
import { SheetErrors } from './errors';
import type { TableRow } from './positional-table';
import { isBlankValue } from './sheet-value';
import type { SheetGrid } from './sheet-value';

/**
 * The 0-based index of the header row: the first row with a cell that is not blank.
 * @param empty what to say when every row is blank: the problem and the hint of SHEET_BAD_HEADER
 * @throws SHEET_BAD_HEADER for a grid with nothing in it
 * @example headerRowIndex([[null], ['id', 'plan 1']], 'plan/actual table', empty) // 1
 */
export function headerRowIndex(grid: SheetGrid, table: string, empty: { problem: string; hint: string }): number {
  const row = grid.findIndex((r) => r.some((v) => !isBlankValue(v)));
  if (row < 0) throw SheetErrors.badHeader(table, empty.problem, empty.hint);
  return row;
}

/**
 * The rows below the header that hold anything, each with its 1-based row in the selection.
 * @example rowsBelow([['id'], [null], ['L1']], 0) // [{ cells: ['L1'], row: 3 }]
 */
export function rowsBelow(grid: SheetGrid, headerRow: number): TableRow[] {
  return grid
    .map((cells, r) => ({ cells, row: r + 1 }))
    .slice(headerRow + 1)
    .filter(({ cells }) => cells.some((v) => !isBlankValue(v)));
}
