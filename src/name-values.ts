/**
 * Name/value option tables, the way a finance user types settings next to a formula: a two-column
 * range (name | value), an array constant such as {"weights","accuracy";"outliers","adjust"}, or
 * one text cell "weights=accuracy; outliers=adjust". Shared by every engine's options argument.
 */
import { Errors } from './errors';
import type { Cell } from './model/cell';

/** A row whose cells are all blank. */
export const blankRow = (row: Cell[]): boolean => row.every((c) => c === null);

/** "Time limit" and "time-limit" both mean time_limit. */
const optionName = (raw: Cell): string =>
  String(raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Text as a number or boolean when it reads as one ("5", "0.5", "TRUE"), otherwise the trimmed text. */
function typedText(text: string): Cell {
  const t = text.trim();
  if (t === '') return null;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const n = Number(t);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? n : t;
}

/**
 * Pairs of "name=value" separated by semicolons (or commas), as typed into one cell.
 * @throws INPUT_BAD_SHAPE when a part has no "=".
 * @example parseNameValueText('weights=accuracy; seed=7') // [['weights', 'accuracy'], ['seed', 7]]
 */
export function parseNameValueText(text: string, field: string): Cell[][] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw Errors.badShape(field, 'name=value pairs separated by ";"', `"${part}"`);
      return [part.slice(0, eq).trim(), typedText(part.slice(eq + 1))];
    });
}

/**
 * Name/value pairs from a two-column grid or a single "name=value; …" text cell, names lower-cased
 * with spaces and hyphens as underscores; blank rows skipped.
 * @throws INPUT_BAD_SHAPE for another shape; INPUT_UNKNOWN_OPTION for a name not in `allowed`.
 * @example readNameValues([['Time limit', 5]], 'options', ['time_limit']).get('time_limit') // 5
 */
export function readNameValues(grid: Cell[][] | null, field: string, allowed: readonly string[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  if (grid === null) return out;
  if (grid.length === 1 && grid[0].length === 1) {
    const only = grid[0][0];
    if (only === null) return out;
    if (typeof only === 'string' && only.includes('='))
      return readNameValues(parseNameValueText(only, field), field, allowed);
  }
  if (grid[0].length !== 2)
    throw Errors.badShape(
      field,
      'two columns: name and value (or one cell of name=value pairs)',
      `${grid[0].length} columns`,
    );
  grid.forEach((row, r) => {
    if (blankRow(row)) return;
    const name = optionName(row[0]);
    if (!allowed.includes(name)) throw Errors.unknownOption(`${field} row ${r + 1}`, String(row[0] ?? ''), allowed);
    out.set(name, row[1]);
  });
  return out;
}
