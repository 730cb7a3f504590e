/**
 * The shocks table of FPA.CASH.STRESS: one row per named shock with scenario, shock, value and
 * period (by position; the frame rule is positional-table.ts). The shock is `revenue` (value: the
 * change of collections as a fraction, −10% for a 10% fall), `delay` (value: days collections
 * arrive later), `outflow` (value: a one-off payment; period: when) or `credit` (value: the cut of
 * the credit line as a fraction, −50% halves it; period: from when, default 1).
 */
import type { Shock } from '../cash/stress-test';
import type { TableReadOptions } from './cells';
import { numberCell, optionalNumberCell, optionalTextCell, readNumber, textCell } from './cells';
import { SheetErrors } from './errors';
import type { PositionalLayout } from './positional-table';
import type { SheetGrid } from './sheet-value';
import { readAll, readPositionalRows } from './table-read';

export const SHOCK_COLUMNS = ['scenario', 'shock', 'value', 'period'] as const;

const KINDS = ['revenue', 'delay', 'outflow', 'credit'] as const;

const LAYOUT: PositionalLayout = {
  table: 'shocks',
  columns: SHOCK_COLUMNS,
  titles: ['scenario', 'name', 'shock'],
  minColumns: 3,
  isValue: (column, value) =>
    column === 1
      ? typeof value === 'string' && (KINDS as readonly string[]).includes(value.trim().toLowerCase())
      : readNumber(value).ok,
};

/**
 * Reads the shocks table.
 * @throws INPUT_EMPTY without a shock; INPUT_BAD_SHAPE for fewer than 3 or more than 4 columns;
 *   SHEET_BAD_CELL / SHEET_ERROR_CELL naming "shocks row R, column C (value)".
 * @example readShocks([['late', 'delay', 30]]) // [{ name: 'late', kind: 'delay', days: 30 }]
 */
export function readShocks(grid: SheetGrid, { numbers }: TableReadOptions = {}): Shock[] {
  const read = readPositionalRows(grid, LAYOUT, (row, at): Shock => {
    const name = textCell(row.cells[0], at(0), 'the scenario’s name', false);
    const kind = optionalTextCell(row.cells[1], at(1)).toLowerCase();
    const value = numberCell(row.cells[2], at(2));
    switch (kind) {
      case 'revenue':
        return { name, kind, pct: value };
      case 'delay':
        return { name, kind, days: value };
      case 'credit': {
        const from = optionalNumberCell(row.cells[3], at(3), { integer: true, min: 1, numbers });
        return { name, kind, pct: value, ...(from === undefined ? {} : { from }) };
      }
      case 'outflow':
        return {
          name,
          kind,
          amount: value,
          period: numberCell(row.cells[3], at(3), { integer: true, min: 1, numbers }),
        };
      default:
        throw SheetErrors.badCell(
          at(1)(),
          `must be ${KINDS.slice(0, -1).join(', ')} or ${KINDS[KINDS.length - 1]}; got ${JSON.stringify(row.cells[1])}`,
          'Name the shock: revenue (−10%), delay (days), outflow (amount and period) or credit (−50%).',
        );
    }
  });
  return readAll(read, { table: 'shocks' });
}
