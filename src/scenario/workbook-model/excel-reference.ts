/**
 * References inside Excel formulas: `B3`, `$B$3`, `Sheet2!B3`, `'My sheet'!B3:C7`. Finds them in a
 * formula's text (outside string literals, and not a function name such as LOG10 before "("), and
 * resolves them against the formula's own sheet.
 */
import { cellAddress, parseCell, qualified } from '../../sheets/a1';

/** A rectangular block on one sheet, 0-based and inclusive. */
export interface BlockRef {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where a reference was found in a formula, and what it names. */
export interface FoundReference {
  start: number;
  end: number;
  ref: BlockRef;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REFERENCE = new RegExp(String.raw`(?:${SHEET})?(${CELL})(?::(${CELL}))?(?![A-Za-z0-9_.(!])`, 'y');

/** The sheet-qualified A1 address of one cell, e.g. ("My plan", 2, 1) → "'My plan'!B3". */
export function cellName(sheet: string, row: number, column: number): string {
  return qualified(sheet, cellAddress(row, column));
}

/**
 * Every cell or range reference in `formula` (which may start with "="), in order.
 * @param sheet the sheet the formula is on (for unqualified references)
 * @example findReferences('=B1*Inputs!$C$2', 'Model') // B1 on Model, C2 on Inputs
 */
export function findReferences(formula: string, sheet: string): FoundReference[] {
  const found: FoundReference[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal: "" is an escaped quote.
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    const before = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z0-9_.$]/.test(before)) {
      i++;
      continue;
    }
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(formula);
    if (!m) {
      i++;
      continue;
    }
    const onSheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? sheet);
    const a = parseCell(m[3]);
    const b = m[4] ? parseCell(m[4]) : a;
    found.push({
      start: i,
      end: i + m[0].length,
      ref: {
        sheet: onSheet,
        top: Math.min(a.row, b.row),
        left: Math.min(a.column, b.column),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.column, b.column),
      },
    });
    i += m[0].length;
  }
  return found;
}
