/**
 * The levers table of FPA.WC.OPTIMIZE: one row per working-capital lever with lever, current,
 * target, daily amount, cost per day and, optionally, relationship per day (the supplier-relationship
 * score of moving it a day; by position; the frame rule is positional-table.ts). Numbers may be typed as text; none may be negative. Names are kept as typed
 * (they are echoed in the result) and may repeat: each row is its own lever.
 */
import type { Lever } from '../cash/wc-levers';
import type { TableReadOptions } from './cells';
import { numberCell, textCell } from './cells';
import type { PositionalLayout } from './positional-table';
import type { SheetGrid } from './sheet-value';
import { isBlankValue } from './sheet-value';
import { readAll, readPositionalRows } from './table-read';

export type { Lever };

export const LEVER_COLUMNS = [
  'lever',
  'current',
  'target',
  'daily amount',
  'cost per day',
  'relationship per day',
] as const;

const LAYOUT: PositionalLayout = {
  table: 'levers',
  columns: LEVER_COLUMNS,
  titles: ['lever', 'levers', 'name'],
  minColumns: 5,
};

/**
 * Reads the levers table.
 * @throws INPUT_EMPTY without a lever; INPUT_BAD_SHAPE for another number of columns;
 *   SHEET_BAD_CELL / SHEET_ERROR_CELL naming "levers row R, column C (target)".
 * @example readLevers([['DSO', 45, 35, 1000, 200]]) // [{ name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 }]
 */
export function readLevers(grid: SheetGrid, { numbers }: TableReadOptions = {}): Lever[] {
  const read = readPositionalRows(grid, LAYOUT, (row, at): Lever => {
    return {
      name: textCell(row.cells[0], at(0), "the lever's name (DSO, DPO, DIO)", false),
      current: numberCell(row.cells[1], at(1), { min: 0, numbers }),
      target: numberCell(row.cells[2], at(2), { min: 0, numbers }),
      dailyBase: numberCell(row.cells[3], at(3), { min: 0, numbers }),
      costPerDay: numberCell(row.cells[4], at(4), { min: 0, numbers }),
      ...(isBlankValue(row.cells[5])
        ? {}
        : { relationshipPerDay: numberCell(row.cells[5], at(5), { min: 0, numbers }) }),
    };
  });
  return readAll(read, { table: 'levers' });
}
