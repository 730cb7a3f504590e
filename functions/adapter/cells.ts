/**
 * Reading what Excel hands a custom function.
 *
 * A range argument arrives as a 2-D array (rows of cells). A cell is a number, a string, a
 * boolean, a blank or an error. How a blank arrives depends on the Excel build: Excel on the web
 * and current desktop builds send `null` (some send ""), older desktop builds send 0. We treat
 * `null`, `undefined` and "" as blank. A 0 is always a real zero: on builds that send blanks as 0
 * the two cannot be told apart, which the README documents (leave such cells as #N/A, which
 * OpenFPA reads as "missing", when a gap must not count as zero).
 */
import { Errors } from '../../src/errors';
import { cellError } from '../../src/sheets/sheet-value';
import type { SheetGrid, SheetValue } from '../../src/sheets/sheet-value';

/** A normalised cell (the model's): blanks are `null`; errors never reach this type (they raise). */
import type { Cell } from '../../src/model/cell';

export type { Cell };

/** The Excel error name a raw cell holds, or null when it holds none. */
export function excelErrorName(raw: unknown): string | null {
  if (raw instanceof Error && typeof (raw as { code?: unknown }).code === 'string') {
    return (raw as unknown as { code: string }).code;
  }
  if (raw !== null && typeof raw === 'object') {
    const candidate = raw as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
    if (typeof candidate.code === 'string' && candidate.code.startsWith('#')) return candidate.code;
    if (candidate.type === 'Error' && typeof candidate.basicValue === 'string') return candidate.basicValue;
    if (typeof candidate.errorType === 'string') return `#${candidate.errorType}`;
    return '#VALUE!';
  }
  return null;
}

/** True for the ways a blank cell arrives. */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '';
}

/** Where a cell sits inside a range argument, in words a user can find ("row 3, column 2"). */
export function cellPosition(row: number, column: number, shape: { rows: number; columns: number }): string {
  if (shape.columns === 1) return `row ${row + 1}`;
  if (shape.rows === 1) return `column ${column + 1}`;
  return `row ${row + 1}, column ${column + 1}`;
}

/** Normalises any argument (scalar, 1-D or 2-D) into a rectangular 2-D array of raw values. */
export function asGrid(input: unknown, field: string): unknown[][] {
  if (input === undefined) throw Errors.empty(field);
  if (!Array.isArray(input)) return [[input]];
  if (input.length === 0) throw Errors.empty(field);
  const rows = input.map((row) => (Array.isArray(row) ? row : [row]));
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length); // no spread: ranges can be huge
  if (width === 0) throw Errors.empty(field);
  return rows.map((row) =>
    row.length === width ? row : [...row, ...new Array<unknown>(width - row.length).fill(null)],
  );
}

/**
 * Reads a range as a normalised 2-D matrix of cells. Error cells raise an `FpaError` naming the
 * cell; blanks become null.
 * @throws FpaError INPUT_EMPTY for an empty argument, INPUT_ERROR_CELL for an error cell.
 */
export function readMatrix(input: unknown, field: string): Cell[][] {
  const grid = asGrid(input, field);
  const shape = { rows: grid.length, columns: grid[0].length };
  return grid.map((row, r) =>
    row.map((raw, c): Cell => {
      if (isBlank(raw)) return null;
      const error = excelErrorName(raw);
      if (error) throw Errors.excelError(field, cellPosition(r, c, shape), error);
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
      if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
      return String(raw);
    }),
  );
}

/**
 * A range as the sheet-table readers of src/sheets take it: blanks are null, error cells become
 * `{ error: "#DIV/0!" }` for the reader to name where they are, numbers that are not finite are blanks.
 * @throws FpaError INPUT_EMPTY for an empty argument.
 */
export function readGrid(input: unknown, field: string): SheetGrid {
  return asGrid(input, field).map((row) =>
    row.map((raw): SheetValue => {
      if (isBlank(raw)) return null;
      const error = excelErrorName(raw);
      if (error) return cellError(error);
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
      if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
      return String(raw);
    }),
  );
}
