/**
 * Reading a time series (a single row or a single column) from a range argument.
 */
import { Errors } from '../../src/errors';
import { asGrid, cellPosition, excelErrorName, isBlank } from './cells';

export interface SeriesRead {
  /** Values in reading order (top to bottom, or left to right); `null` marks a blank or #N/A. */
  values: (number | null)[];
  /** How many cells were blank or #N/A. */
  blanks: number;
}

/**
 * Reads a 1-D range of numbers. Blanks and #N/A cells are missing values (`null`); text,
 * booleans and other errors are rejected with the cell's position, because guessing around them
 * would silently change a budget.
 * @throws FpaError when the range is 2-D, empty, or holds text, booleans or errors.
 */
export function readSeries(input: unknown, field: string): SeriesRead {
  const grid = asGrid(input, field);
  const shape = { rows: grid.length, columns: grid[0].length };
  if (shape.rows > 1 && shape.columns > 1) {
    throw Errors.badShape(field, 'a single row or column', `${shape.rows} rows × ${shape.columns} columns`);
  }
  const cells = shape.columns === 1 ? grid.map((row) => row[0]) : grid[0];
  let blanks = 0;
  const values = cells.map((raw, i) => {
    const row = shape.columns === 1 ? i : 0;
    const column = shape.columns === 1 ? 0 : i;
    if (isBlank(raw)) {
      blanks += 1;
      return null;
    }
    const error = excelErrorName(raw);
    if (error === '#N/A') {
      blanks += 1;
      return null;
    }
    if (error) throw Errors.excelError(field, cellPosition(row, column, shape), error);
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    const shown =
      typeof raw === 'string' ? `the text "${raw.length > 20 ? raw.slice(0, 20) + '…' : raw}"` : String(raw);
    throw Errors.notANumber(field, cellPosition(row, column, shape), shown);
  });
  if (blanks === values.length) throw Errors.empty(field);
  return { values, blanks };
}
