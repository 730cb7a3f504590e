/**
 * A SIPmath library as a user hands it over (docs/sheets.md, "SIP library"), read into what
 * src/scenario/sip-drivers.ts takes: a parsed 3.0 library, or the rows of a 2.0 table.
 *
 * - In a range (FPA.SCENARIO.MC's `sips`, FPA.CASH.RISK's `flows`): the 2.0 table form, either the
 *   standard's layout (PM_Trials, PM_Lib_Provenance, then a PM_Index header over the trials) or a
 *   bare table (a header row of names, one row per trial); or the library's JSON text in one cell,
 *   or split down one column of cells (a cell holds at most 32,767 characters), read in order.
 * - FPA.CASH.RISK and FPA.CASH.BUFFER take a library in place of trials: its SIPs, in order, are
 *   the periods' flows, and trial t of the run is row t of the table (or regenerated trial t).
 * - As a file's text (the task pane's import): 3.0 JSON, the 2.0 table as JSON rows (an array of
 *   arrays), or the 2.0 table as CSV.
 */
import type { Cell } from '../model/cell';
import { ScenarioErrors } from '../scenario/errors';
import { sipDriversFromLibrary } from '../scenario/sip-drivers';
import type { Library3 } from '../scenario/sipmath/library';
import { numberFromText } from './cells';
import { csvGrid } from './csv';
import { cellAt, SheetErrors } from './errors';
import type { SheetGrid } from './sheet-value';
import { isBlankValue, isCellError } from './sheet-value';

/** A library as read: a 3.0 JSON library, or the rows of a 2.0 table. */
export type SipLibrarySource = Library3 | Cell[][];

const bad = (message: string): never => {
  throw ScenarioErrors.badSpec('sips', message);
};

/** JSON rows of a 2.0 table: numbers stay numbers, text that is a plain number becomes one. */
function jsonRows(rows: unknown[]): Cell[][] {
  return rows.map((row, r) => {
    if (!Array.isArray(row)) return bad(`row ${r + 1} of the JSON table is not a list of cells.`);
    return row.map((c: unknown): Cell => {
      if (c === null || c === undefined || c === '') return null;
      if (typeof c === 'number' || typeof c === 'boolean') return c;
      return numberFromText(String(c)) ?? String(c);
    });
  });
}

/**
 * Reads a library from text: JSON (a 3.0 library object, or a 2.0 table as an array of rows) or
 * CSV (a 2.0 table).
 * @throws SCENARIO_BAD_SPEC when the text is neither, naming what is wrong
 * @example sipLibraryFromText('units,price\n10,2\n12,3') // [['units', 'price'], [10, 2], [12, 3]]
 */
export function sipLibraryFromText(text: string): SipLibrarySource {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return bad('the library is empty.');
  if (t.startsWith('{') || t.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch (error) {
      return bad(`the library's JSON cannot be read (${(error as Error).message}).`);
    }
    if (Array.isArray(parsed)) return jsonRows(parsed);
    const lib = parsed as Partial<Library3> | null;
    if (!lib || typeof lib !== 'object' || !Array.isArray(lib.sips) || !lib.U01)
      return bad('the JSON is not a SIPmath 3.0 library (it has no "U01" and "sips").');
    return lib as Library3;
  }
  const { rows, unclosed } = csvGrid(t);
  if (unclosed !== null) bad(`line ${unclosed} of the CSV opens a quote it does not close.`);
  return rows.map((row) => row.map((c): Cell => (c.trim() === '' ? null : (numberFromText(c) ?? c.trim()))));
}

/**
 * Reads a library from a range: JSON text in one cell or down one column, else the 2.0 table.
 * @param table the argument's name, for located errors ("sips row 3, column 2")
 * @throws SHEET_ERROR_CELL for an error value in the range; SCENARIO_BAD_SPEC for unreadable JSON
 */
export function readSipLibrary(grid: SheetGrid, table = 'sips'): SipLibrarySource {
  const cells: Cell[][] = grid.map((row, r) =>
    row.map((value, c): Cell => {
      if (isCellError(value)) throw SheetErrors.errorCell(cellAt(table, r + 1, c + 1), value.error);
      return isBlankValue(value) ? null : (value as Cell);
    }),
  );
  const filled = cells.flat().filter((c) => c !== null);
  const oneColumn = cells.every((row) => row.every((c, j) => j === 0 || c === null));
  const first = filled[0];
  if (oneColumn && typeof first === 'string' && /^\s*[{[]/.test(first) && filled.every((c) => typeof c === 'string'))
    return sipLibraryFromText(filled.join(''));
  if (filled.length === 0) return bad('the range is empty.');
  return cells;
}

/** Whether a source is a 3.0 library (its trials are regenerated, any number of them). */
export const isLibrary3 = (source: SipLibrarySource): source is Library3 => !Array.isArray(source);

/**
 * Whether a range is a SIP library rather than a grid of numbers: its first filled cell is text
 * (a name, PM_Trials, or JSON). Trials and low/mid/high bounds are numbers only.
 */
export function isSipLibraryGrid(grid: SheetGrid): boolean {
  for (const row of grid) for (const c of row) if (!isBlankValue(c)) return typeof c === 'string';
  return false;
}

/**
 * A library's trials as rows, one per trial, one column per SIP in the library's order (the
 * periods of a cash plan): a 2.0 table by trial index, a 3.0 library regenerated.
 * @param trials how many trials to regenerate from a 3.0 library
 * @example sipTrialRows([['p1', 'p2'], [10, -5], [12, -6]], 0) // { names: ['p1', 'p2'], rows: [[10, -5], [12, -6]] }
 */
export function sipTrialRows(source: SipLibrarySource, trials: number): { names: string[]; rows: number[][] } {
  const sips = isLibrary3(source) ? sipDriversFromLibrary(source, trials) : sipDriversFromLibrary(source);
  if (sips.length === 0) return bad('the library holds no SIP.');
  const n = sips[0].trials.length;
  const rows = Array.from({ length: n }, (_, t) => sips.map((s) => s.trials[t]));
  return { names: sips.map((s) => s.name), rows };
}
