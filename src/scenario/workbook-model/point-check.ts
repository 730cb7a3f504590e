/**
 * The proof the task pane shows beside a translated workbook model: the translation evaluated at
 * the drivers' point values (what their cells hold now) against what the workbook shows in every
 * translated formula cell. Identical to rounding means the trials compute what the workbook would.
 */
import { findReferences } from './excel-reference';
import { evaluateAtPoint } from './point-value';
import { cellNumber } from './sheet-source';
import type { TranslatedModel, WorkbookModelSource } from './translate';

export interface PointCheckLine {
  name: string;
  cell: string;
  /** What the workbook shows (null: not a number, e.g. an error or text). */
  workbook: number | null;
  /** The translation at the drivers' point values. */
  model: number;
  matches: boolean;
}

export interface PointCheck {
  /** Each bound driver's point value (null when its cell holds no number). */
  drivers: { driver: string; cell: string; value: number | null }[];
  lines: PointCheckLine[];
  /** True when every driver has a point value and every line matches. */
  ok: boolean;
}

/** Relative agreement that counts as "identical to rounding". */
export const POINT_TOLERANCE = 1e-9;

const valueAt = (source: WorkbookModelSource, address: string): number | null => {
  const found = findReferences(address, '');
  if (found.length !== 1) return null;
  const { sheet, top, left } = found[0].ref;
  return cellNumber(source, sheet, top, left);
};

export const agrees = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= POINT_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * @example
 *   // Model!B1 = Inputs!B1*2 shows 20, Inputs!B1 (bound to x) holds 10
 *   checkAtPoint(source, translated).lines[0]; // { name: 'y', cell: 'Model!B1', workbook: 20, model: 20, matches: true }
 */
export function checkAtPoint(source: WorkbookModelSource, translated: TranslatedModel): PointCheck {
  const drivers = translated.bindings.map((b) => ({ ...b, value: valueAt(source, b.cell) }));
  const point = Object.fromEntries(drivers.map((d) => [d.driver, d.value ?? Number.NaN]));
  const at = evaluateAtPoint(translated.model, point);
  const lines = translated.lines.map((l) => {
    const workbook = valueAt(source, l.cell);
    const model = at[l.name];
    return { name: l.name, cell: l.cell, workbook, model, matches: workbook !== null && agrees(model, workbook) };
  });
  return { drivers, lines, ok: drivers.every((d) => d.value !== null) && lines.every((l) => l.matches) };
}
