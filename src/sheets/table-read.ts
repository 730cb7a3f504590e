/**
 * The result of reading a table row by row: what could be read, where it came from, and one located
 * error per row that could not be read. The task pane imports the good rows and lists the problems;
 * a custom function stops at the first problem (`readAll`).
 */
import { Errors, FpaError, isFpaError } from '../errors';
import type { PositionalLayout, TableRow } from './positional-table';
import { readPositionalTable } from './positional-table';
import type { SheetGrid } from './sheet-value';

export interface TableRead<T> {
  /** What was read, in row order. */
  items: T[];
  /** 1-based row inside the selected range of each item. */
  rows: number[];
  /** One located error per row that could not be read, in row order. */
  problems: FpaError[];
}

/**
 * Reads every row with `read`; an FpaError a row throws becomes that row's problem (anything else
 * is a bug and propagates).
 */
export function readEachRow<T>(rows: readonly TableRow[], read: (row: TableRow) => T): TableRead<T> {
  const out: TableRead<T> = { items: [], rows: [], problems: [] };
  for (const row of rows) {
    try {
      out.items.push(read(row));
      out.rows.push(row.row);
    } catch (error) {
      if (!isFpaError(error)) throw error;
      out.problems.push(error);
    }
  }
  return out;
}

/** Where cell `column` of the row being read is ("drivers row 3, column 4 (param2)"), made when asked. */
export type CellPlace = (column: number) => () => string;

/**
 * Reads a positional table (framed by readPositionalTable) row by row with `read`, which is given
 * the row and where its cells are; a row's FpaError becomes its problem, as in readEachRow.
 * @throws what readPositionalTable throws for the frame (INPUT_EMPTY, INPUT_BAD_SHAPE)
 */
export function readPositionalRows<T>(
  grid: SheetGrid,
  layout: PositionalLayout,
  read: (row: TableRow, at: CellPlace) => T,
): TableRead<T> {
  const table = readPositionalTable(grid, layout);
  return readEachRow(table.rows, (row) => read(row, (column) => () => table.at(row, column)));
}

/**
 * Everything read, or the first problem thrown: what a custom function needs.
 * @throws the first row's FpaError; INPUT_EMPTY when `required` and nothing was read.
 */
export function readAll<T>(read: TableRead<T>, required?: { table: string }): T[] {
  if (read.problems.length > 0) throw read.problems[0];
  if (required && read.items.length === 0) throw Errors.empty(required.table);
  return read.items;
}
