/**
 * Error catalogue of the sheet-table readers (codes prefixed SHEET_). Every entry names where the
 * problem is, counted inside the range the user selected: "drivers row 3, column 4 (param2)".
 */
import { defineError } from '../errors';

/**
 * Where a cell is, as a user finds it: the table, the row and column inside the selected range
 * (1-based, header row included) and the column's name in the layout.
 * @example cellAt('drivers', 3, 4, 'param2') // 'drivers row 3, column 4 (param2)'
 */
export function cellAt(table: string, row: number, column: number, name?: string): string {
  return `${table} row ${row}, column ${column}${name ? ` (${name})` : ''}`;
}

export const SheetErrors = {
  /** A cell that does not hold what its column takes. */
  badCell: defineError('SHEET_BAD_CELL', 'input', (at: string, problem: string, hint: string) => ({
    message: `${at}: ${problem}.`,
    hint,
    details: { field: at },
  })),
  /** An Excel error value where a value is needed. */
  errorCell: defineError('SHEET_ERROR_CELL', 'input', (at: string, error: string) => ({
    message: `${at}: holds the error ${error}.`,
    hint: 'Fix that cell first; OpenFPA does not guess around errors.',
    details: { field: at, data: { error } },
  })),
  /** A name (driver, instrument, line) given twice. */
  duplicate: defineError('SHEET_DUPLICATE', 'input', (at: string, name: string, firstAt: string, what: string) => ({
    message: `${at}: the name "${name}" is used twice (first in ${firstAt}).`,
    hint: `Give every ${what} its own, unique name.`,
    details: { field: at, data: { name, firstAt } },
  })),
  /** A header row without a column the layout needs, or naming one twice. */
  badHeader: defineError('SHEET_BAD_HEADER', 'input', (table: string, problem: string, hint: string) => ({
    message: `${table}: ${problem}.`,
    hint,
    details: { field: `${table} header` },
  })),
};
