/**
 * What the sheet-table readers take: the values of a range, row by row, as an adapter hands them
 * over. A cell is a number, a text, a boolean, a blank or an Excel error value.
 *
 * - Blank: `null`, `undefined` or "" (Excel builds differ in how a blank arrives). A number that is
 *   not finite is read as a blank too (the custom-function adapter has always done so).
 * - Error: `{ error: "#DIV/0!" }`. The custom-function adapter turns Excel's error objects into this
 *   form; the task pane turns the error texts the Excel API returns for error cells ("#N/A") into it with
 *   `errorFromText`.
 */

import type { Cell } from '../model/cell';

/** An Excel error value, by its name as Excel shows it ("#DIV/0!", "#N/A"). */
export interface CellError {
  readonly error: string;
}

/** One cell as the readers take it: the model's `Cell`, or a blank as `undefined`, or an error value. */
export type SheetValue = Cell | undefined | CellError;

/** A range's values: rows of cells (rows may be ragged; missing cells are blanks). */
export type SheetGrid = ReadonlyArray<ReadonlyArray<SheetValue>>;

/**
 * The widest row's length (rows may be ragged). A loop, not Math.max(...rows): spreading the rows of a
 * whole-column selection (1,048,576) overflows the call stack.
 * @example gridWidth([[1], [1, 2, 3], []]) // 3
 */
export function gridWidth(grid: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  return width;
}

/** The error values Excel shows in a cell. */
export const EXCEL_ERROR_NAMES: readonly string[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
];
const ERROR_SET = new Set(EXCEL_ERROR_NAMES);

/** The value an Excel error cell is read as. @example cellError('#N/A') // { error: '#N/A' } */
export function cellError(name: string): CellError {
  return { error: name };
}

export function isCellError(value: SheetValue): value is CellError {
  return typeof value === 'object' && value !== null;
}

/** True for the ways a blank arrives, and for a number that is not finite. */
export function isBlankValue(value: SheetValue): boolean {
  return (
    value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))
  );
}

/**
 * The Excel API returns an error cell's value as its text ("#DIV/0!"): this reads such a text as the
 * error it is, and leaves every other value alone. (A text typed as '#N/A, with the apostrophe,
 * cannot be told apart; the readers then refuse it as an error, which is the safe side.)
 * @example errorFromText('#DIV/0!') // { error: '#DIV/0!' }
 */
export function errorFromText(value: SheetValue): SheetValue {
  return typeof value === 'string' && ERROR_SET.has(value.trim().toUpperCase())
    ? cellError(value.trim().toUpperCase())
    : value;
}

/** How a cell is shown inside a message: `"ten"`, `TRUE`, `a blank`, `the error #REF!`. */
export function describeValue(value: SheetValue): string {
  if (isBlankValue(value)) return 'a blank';
  if (isCellError(value)) return `the error ${value.error}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
