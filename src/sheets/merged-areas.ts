/**
 * Merged cells in a range read from Excel. Excel gives a merged area's value in its top-left cell and a
 * blank in every other cell, so a cost centre merged over its lines would read as blank on all but the
 * first line. The task pane asks Excel for the range's merged areas and, with `fillMergedAreas`, hands
 * the readers a grid where every cell of a merged area holds the area's value (a number excepted: one
 * amount stays one amount). This is not a fill-down of blanks: a blank that is not part of a merged
 * area stays blank.
 */
import { columnLetters, parseCell } from './a1';

/** A rectangle of cells, 0-based and inclusive, in sheet coordinates. */
export interface CellBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last row and column (1,048,576 rows, XFD), for whole-row and whole-column areas. */
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

/** The part of an address after the sheet name: "'My, plan'!A2:A5" → "A2:A5". */
const local = (address: string): string => address.slice(address.lastIndexOf('!') + 1).trim();

/**
 * The block an A1 address covers (sheet name, if any, ignored): a cell, a block, whole columns ("A:B")
 * or whole rows ("2:4").
 * @throws Error when the text is not such an address
 * @example cellBlock('Sheet1!B2:C4') // { top: 1, left: 1, bottom: 3, right: 2 }
 */
export function cellBlock(address: string): CellBlock {
  const [from, to = from] = local(address).split(':');
  if (/^\$?\d+$/.test(from) && /^\$?\d+$/.test(to))
    return {
      top: Number(from.replace('$', '')) - 1,
      left: 0,
      bottom: Number(to.replace('$', '')) - 1,
      right: LAST_COLUMN,
    };
  if (/^\$?[A-Za-z]{1,3}$/.test(from) && /^\$?[A-Za-z]{1,3}$/.test(to))
    return { ...cellBlock(`${from}1:${to}1`), top: 0, bottom: LAST_ROW };
  const a = parseCell(from);
  const b = parseCell(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * The areas of a multi-area address as Excel writes it ("Sheet1!A2:A5, Sheet1!C2:D2"), split at the
 * commas outside quoted sheet names. A blank text is no area.
 * @example splitAreas("'a, b'!A1:A2, 'a, b'!C1:D1") // ["'a, b'!A1:A2", "'a, b'!C1:D1"]
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (i === address.length || (ch === ',' && !quoted)) {
      const part = address.slice(start, i).trim();
      if (part) out.push(part);
      start = i + 1;
    }
  }
  return out;
}

/**
 * The top-left cells ("A2", no sheet) of the merged areas that overlap the range at `origin` of
 * `rows` × `columns` but start outside it: their value is not among the range's values, so the
 * adapter reads those cells too.
 * @example outsideTopLefts(['A1:A4'], 'A3', 5, 2) // ['A1']
 */
export function outsideTopLefts(areas: readonly string[], origin: string, rows: number, columns: number): string[] {
  const at = cellBlock(origin);
  const out: string[] = [];
  for (const area of areas) {
    const b = cellBlock(area);
    const overlaps = b.bottom >= at.top && b.top < at.top + rows && b.right >= at.left && b.left < at.left + columns;
    const inside = b.top >= at.top && b.top < at.top + rows && b.left >= at.left && b.left < at.left + columns;
    if (overlaps && !inside) out.push(`${columnLetters(b.left)}${b.top + 1}`);
  }
  return out;
}

/**
 * The grid with every cell of each merged area holding the area's top-left value. `origin` is the
 * grid's top-left cell on the sheet ("B3", or the range's address "Sheet1!B3:F20"); `areas` are the
 * merged areas' A1 addresses on the same sheet. An area partly outside the grid fills the part inside;
 * when its top-left cell is outside, its value comes from `outside` (keyed by that cell's address, "A2")
 * and the area is left as read without it. The grid is copied, not changed; rows stay as long as read.
 *
 * A number is not copied: a number merged over several cells is one amount (a quarter's amount merged
 * over its three months, one budget over two lines), and copying it would count it once per cell. It
 * stays in the top-left cell, as Excel gives it. Texts (a text that reads as a number too: a code typed
 * as text), TRUE/FALSE and error values are copied.
 * @example fillMergedAreas([['cc', 'id'], ['MKT', 'L1'], ['', 'L2']], ['A2:A3'], 'A1')
 *   // [['cc', 'id'], ['MKT', 'L1'], ['MKT', 'L2']]
 */
export function fillMergedAreas<T>(
  grid: readonly (readonly T[])[],
  areas: readonly string[],
  origin: string,
  outside: ReadonlyMap<string, T> = new Map(),
): T[][] {
  const out = grid.map((row) => [...row]);
  const at = cellBlock(origin);
  for (const area of areas) {
    const b = cellBlock(area);
    const top = b.top - at.top;
    const left = b.left - at.left;
    const corner = `${columnLetters(b.left)}${b.top + 1}`;
    const inside = top >= 0 && left >= 0 && top < out.length && left < out[top].length;
    if (!inside && !outside.has(corner)) continue;
    const value = inside ? out[top][left] : (outside.get(corner) as T);
    if (typeof value === 'number') continue;
    const lastRow = Math.min(b.bottom - at.top, out.length - 1);
    for (let r = Math.max(top, 0); r <= lastRow; r++) {
      const row = out[r];
      const lastColumn = Math.min(b.right - at.left, row.length - 1);
      for (let c = Math.max(left, 0); c <= lastColumn; c++) row[c] = value;
    }
  }
  return out;
}
