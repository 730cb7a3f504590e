/**
 * The instruments table of FPA.CASH.OPTIMIZE: one row per instrument with name, term, rate and
 * optionally min, max, lot, from, to (columns by position; the frame rule is positional-table.ts).
 *
 * Numbers may be typed as text ("0.004"); names are trimmed and must differ (exactly: "ON" and "on"
 * are two instruments). A blank range is no instruments. More than 8 columns is refused.
 */
import type { CreditLine, Instrument } from '../cash/types';
import type { TableReadOptions } from './cells';
import { numberCell, optionalNumberCell, textCell } from './cells';
import { SheetErrors } from './errors';
import type { PositionalLayout } from './positional-table';
import type { SheetGrid } from './sheet-value';
import { readAll, readPositionalRows } from './table-read';

export type { CreditLine, Instrument };

export const INSTRUMENT_COLUMNS = ['name', 'term', 'rate', 'min', 'max', 'lot', 'from', 'to'] as const;

const LAYOUT: PositionalLayout = {
  table: 'instruments',
  columns: INSTRUMENT_COLUMNS,
  titles: ['name', 'instrument', 'instruments'],
  minColumns: 3,
  blankIsEmpty: true,
};

/**
 * Reads the instruments table.
 * @throws INPUT_BAD_SHAPE for fewer than 3 or more than 8 columns; SHEET_BAD_CELL / SHEET_ERROR_CELL
 *   naming "instruments row R, column C (term)"; SHEET_DUPLICATE for a repeated name.
 * @example readInstruments([['name', 'term', 'rate'], ['ON', 1, '0.004']]) // [{ name: 'ON', term: 1, rate: 0.004 }]
 */
export function readInstruments(grid: SheetGrid, { numbers }: TableReadOptions = {}): Instrument[] {
  const firstRow = new Map<string, number>();
  const read = readPositionalRows(grid, LAYOUT, (row, at) => {
    const ins: Instrument = {
      name: textCell(row.cells[0], at(0), "the instrument's name"),
      term: numberCell(row.cells[1], at(1), { integer: true, min: 1, numbers }),
      rate: numberCell(row.cells[2], at(2), { above: -1, numbers }),
    };
    const min = optionalNumberCell(row.cells[3], at(3), { min: 0, numbers });
    if (min !== undefined) ins.min = min;
    const max = optionalNumberCell(row.cells[4], at(4), { min: ins.min ?? 0, numbers });
    if (max !== undefined) ins.max = max;
    const lot = optionalNumberCell(row.cells[5], at(5), { above: 0, numbers });
    if (lot !== undefined) ins.lot = lot;
    const from = optionalNumberCell(row.cells[6], at(6), { integer: true, min: 1, numbers });
    if (from !== undefined) ins.from = from;
    const to = optionalNumberCell(row.cells[7], at(7), { integer: true, min: ins.from ?? 1, numbers });
    if (to !== undefined) ins.to = to;
    const first = firstRow.get(ins.name);
    if (first !== undefined)
      throw SheetErrors.duplicate(`instruments row ${row.row}`, ins.name, `row ${first}`, 'instrument');
    firstRow.set(ins.name, row.row);
    return ins;
  });
  return readAll(read);
}
