/**
 * The frame of the tables whose columns are read by position (drivers, instruments, levers): where
 * the table sits in the selected range, whether it has a header row, and which rows hold data.
 *
 * The rule, the same for every positional table:
 * - Blank rows are skipped (a row is blank when every cell of the layout's columns is blank), and
 *   so are blank columns at the right edge of the selection. The table starts in the selection's
 *   first column even when it is blank: dropping a blank name column would shift every value into
 *   the wrong column.
 * - The first non-blank row is a header when (a) it holds no number or TRUE/FALSE, (b) none of its
 *   cells after the first reads as a value of its column (a known distribution, a number…), and
 *   (c) its first cell is one of the layout's titles ("name", "driver", …) or a cell after the first
 *   holds text. So `name | distribution | param1` is a header, and `capex | discrete | 0;1 | 0.5;0.5`
 *   is data even though every cell is text.
 * - Rows and columns in messages are counted inside the selected range, header row included.
 */
import { Errors } from '../errors';
import { readNumber } from './cells';
import { cellAt } from './errors';
import type { SheetGrid, SheetValue } from './sheet-value';
import { gridWidth, isBlankValue, isCellError } from './sheet-value';

export interface PositionalLayout {
  /** The table's name in messages ("drivers"). */
  table: string;
  /** Column names, in order; the first names the row. */
  columns: readonly string[];
  /** What a header's first cell may say (lower case), e.g. ["name", "driver"]. */
  titles: readonly string[];
  /** Fewest columns the table needs. */
  minColumns: number;
  /** Columns beyond the layout: refused, or ignored (a notes column beside the table). @default 'refuse' */
  extraColumns?: 'refuse' | 'ignore';
  /** Whether an all-blank range is a table of no rows (else INPUT_EMPTY). @default false */
  blankIsEmpty?: boolean;
  /**
   * Whether a non-blank cell reads as a value of column `column` (≥ 1): tells data from a header.
   * @default whether it reads as a number (readNumber: 1250, "0.004")
   */
  isValue?: (column: number, value: SheetValue) => boolean;
}

export interface TableRow {
  /** The row's cells in the layout's columns (blank-padded to the layout's width). */
  cells: readonly SheetValue[];
  /** 1-based row inside the selected range. */
  row: number;
}

export interface PositionalTable {
  rows: TableRow[];
  /** 1-based row of the header inside the range, or null without one. */
  headerRow: number | null;
  /** Where cell `column` (0-based in the layout) of `row` is: "drivers row 3, column 4 (param2)". */
  at(row: TableRow, column: number): string;
}

function shapeError(layout: PositionalLayout, count: number) {
  const { table, columns, minColumns } = layout;
  const names = `(${columns.join(', ')})`;
  const wanted =
    minColumns === columns.length
      ? `${columns.length} columns ${names}`
      : count < minColumns
        ? `a table of at least ${minColumns} columns ${names}`
        : `a table of at most ${columns.length} columns ${names}`;
  return Errors.badShape(table, wanted, `${count} columns`);
}

/** The last column holding anything, or -1 for an all-blank grid. */
function lastUsedColumn(grid: SheetGrid): number {
  let right = -1;
  for (const row of grid) {
    for (let c = row.length - 1; c > right; c--) if (!isBlankValue(row[c])) right = c;
  }
  return right;
}

/** The value rule of the layouts whose columns after the first hold numbers. */
const readsAsNumber = (_column: number, value: SheetValue): boolean => readNumber(value).ok;

function isHeader(cells: readonly SheetValue[], layout: PositionalLayout): boolean {
  if (cells.some((v) => typeof v === 'number' || typeof v === 'boolean' || isCellError(v))) return false;
  const rest = cells.slice(1);
  const isValue = layout.isValue ?? readsAsNumber;
  if (rest.some((v, i) => !isBlankValue(v) && isValue(i + 1, v))) return false;
  const first = typeof cells[0] === 'string' ? cells[0].trim().toLowerCase() : '';
  return layout.titles.includes(first) || rest.some((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * Frames a positional table in a range's values.
 * @throws INPUT_EMPTY for an all-blank range (unless `blankIsEmpty`); INPUT_BAD_SHAPE for too few (or, when refused, too
 *   many) columns.
 * @example readPositionalTable([['name', 'term', 'rate'], ['ON', 1, 0.01]], layout).rows // [{ cells: ['ON', 1, 0.01], row: 2 }]
 */
export function readPositionalTable(grid: SheetGrid, layout: PositionalLayout): PositionalTable {
  const { table, columns } = layout;
  const used = lastUsedColumn(grid);
  const at = (row: TableRow, column: number) => cellAt(table, row.row, column + 1, columns[column]);
  if (used < 0 && layout.blankIsEmpty) return { rows: [], headerRow: null, at };
  if (used < 0) throw Errors.empty(table);
  const width = gridWidth(grid);
  // Trailing blank columns count while the table needs them, so a blank required cell is named.
  const count = Math.max(used + 1, Math.min(width, layout.minColumns));
  if (count < layout.minColumns || (layout.extraColumns !== 'ignore' && count > columns.length))
    throw shapeError(layout, count);
  const slice = (row: ReadonlyArray<SheetValue>): SheetValue[] => {
    const cells = new Array<SheetValue>(columns.length);
    for (let c = 0; c < columns.length; c++) cells[c] = row[c] ?? null;
    return cells;
  };
  const rows: TableRow[] = [];
  let headerRow: number | null = null;
  grid.forEach((raw, r) => {
    const cells = slice(raw);
    if (cells.every(isBlankValue)) return;
    if (rows.length === 0 && headerRow === null && isHeader(cells, layout)) headerRow = r + 1;
    else rows.push({ cells, row: r + 1 });
  });
  return { rows, headerRow, at };
}
