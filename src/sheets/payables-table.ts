/**
 * The bills table of FPA.WC.PAYABLES: one row per bill with bill, amount, due period, discount
 * (0.02 for "2/10 net 30") and the period by which the discounted payment must be made (by
 * position; the frame rule is positional-table.ts). Periods are whole numbers from 1; bill names
 * are unique, since the result names the bills paid early.
 */
import type { Invoice } from '../cash/payables-timing';
import { figureInStyle, formatNumber } from '../format';
import type { TableReadOptions } from './cells';
import { numberCell, textCell } from './cells';
import { SheetErrors } from './errors';
import type { PositionalLayout } from './positional-table';
import type { SheetGrid } from './sheet-value';
import { readAll, readPositionalRows } from './table-read';

export const PAYABLE_COLUMNS = ['bill', 'amount', 'due period', 'discount', 'discount by'] as const;

const LAYOUT: PositionalLayout = {
  table: 'bills',
  columns: PAYABLE_COLUMNS,
  titles: ['bill', 'bills', 'invoice', 'name'],
  minColumns: PAYABLE_COLUMNS.length,
};

/**
 * Reads the bills table; with `periods`, a due period past the horizon is an error on its cell.
 * @throws INPUT_EMPTY without a bill; INPUT_BAD_SHAPE for another number of columns; SHEET_BAD_CELL
 *   / SHEET_ERROR_CELL / SHEET_DUPLICATE naming "bills row R, column C (due period)".
 * @example readPayables([['A', 100, 2, 0.02, 1]]) // [{ id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 }]
 */
export function readPayables(grid: SheetGrid, periods = Infinity, { numbers }: TableReadOptions = {}): Invoice[] {
  const fig = (n: number | string): string => figureInStyle(String(n), numbers);
  const seen = new Map<string, string>();
  const read = readPositionalRows(grid, LAYOUT, (row, at): Invoice => {
    const id = textCell(row.cells[0], at(0), 'the bill’s name or number');
    const first = seen.get(id);
    if (first !== undefined) throw SheetErrors.duplicate(at(0)(), id, first, 'bill');
    seen.set(id, at(0)());
    const amount = numberCell(row.cells[1], at(1), { min: 0, numbers });
    const due = numberCell(row.cells[2], at(2), { integer: true, min: 1, numbers });
    if (due > periods)
      throw SheetErrors.badCell(
        at(2)(),
        `must be a period from 1 to ${fig(periods)}; got ${fig(due)}`,
        'Change that cell.',
      );
    const discount = numberCell(row.cells[3], at(3), { min: 0, numbers });
    if (discount >= 1)
      throw SheetErrors.badCell(
        at(3)(),
        `must be below 1 (${fig('0.02')} for ${formatNumber(0.02, 'percent', numbers)}); got ${fig(discount)}`,
        'Change that cell.',
      );
    const discountBy = numberCell(row.cells[4], at(4), { integer: true, min: 1, numbers });
    if (discountBy > due)
      throw SheetErrors.badCell(
        at(4)(),
        `must be no later than the due period ${fig(due)}; got ${fig(discountBy)}`,
        'Change that cell.',
      );
    return { id, amount, due, discount, discountBy };
  });
  return readAll(read, { table: 'bills' });
}
