/**
 * A driver's actuals read from a selection: one row or one column, one period per cell; a first
 * cell that is text (a label such as "actual") is skipped. Blank and #N/A cells are periods without
 * a value (null), as in the plan/actual tables.
 */
import { amountCell, cellAt, numberFromText } from './cells';
import { SheetErrors } from './errors';
import type { SheetGrid } from './sheet-value';
import { gridWidth } from './sheet-value';

/**
 * @throws SHEET_BAD_HEADER when the selection is neither one row nor one column; SHEET_BAD_CELL /
 *   SHEET_ERROR_CELL naming a cell that is not a number
 * @example readActualSeries([['actual'], [140], [null], [138]]) // [140, null, 138]
 */
export function readActualSeries(grid: SheetGrid): (number | null)[] {
  const width = gridWidth(grid);
  if (grid.length !== 1 && width !== 1)
    throw SheetErrors.badHeader(
      'actuals',
      `the selection is ${grid.length} × ${width}; it must be one row or one column`,
      "Select the driver's actuals, one period per cell.",
    );
  const byRow = grid.length === 1;
  const cells = byRow ? [...grid[0]] : grid.map((r) => r[0] ?? null);
  const label = cells[0];
  const skip = typeof label === 'string' && label.trim() !== '' && numberFromText(label) === undefined ? 1 : 0;
  return cells
    .slice(skip)
    .map((v, i) => amountCell(v, byRow ? cellAt('actuals', 1, i + 1 + skip) : cellAt('actuals', i + 1 + skip, 1)));
}
