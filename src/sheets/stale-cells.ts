/**
 * The stale-range check of every write-back: before the pane overwrites cells it read or wrote
 * earlier, it compares what they hold now with what they should hold, and refuses (saying what
 * changed) when someone edited them since. Applying a proposal expects each budget cell to hold the
 * line's `before`; writing a budget version expects the sheet to hold the version written there last.
 */
import type { Cell } from '../model/cell';
import { figureInStyle, type NumberStyle } from '../format/format-number';

/** Amounts closer than this are the same amount (half a cent: what a 2-decimal display hides). */
export const SAME_AMOUNT = 0.005;

/** One cell as it should be: a label the user recognises ("6100 2026-01", a line id) and its value. */
export interface ExpectedCell {
  label: string;
  value: Cell;
}

const isBlank = (v: Cell | undefined): boolean => v === null || v === undefined || v === '';

/** Whether a cell still holds `expected`: numbers within SAME_AMOUNT, blanks equal blanks, text exactly. */
export function sameCell(now: Cell | undefined, expected: Cell): boolean {
  if (isBlank(expected)) return isBlank(now);
  if (typeof expected === 'number') return typeof now === 'number' && Math.abs(now - expected) < SAME_AMOUNT;
  return now === expected;
}

/**
 * A cell's value as the message shows it: "blank", "1,234.5" (German "1.234,5" in a German pane's
 * `style`; default en-US), or the text.
 */
export function showCell(v: Cell | undefined, style: NumberStyle = {}): string {
  if (isBlank(v)) return 'blank';
  if (typeof v === 'number') return figureInStyle(v.toLocaleString('en-US', { maximumFractionDigits: 2 }), style);
  return String(v);
}

/**
 * One phrase per cell that no longer holds what was expected ("6100 2026-01 was 1,000, now 1,200"),
 * in the order given; `values[i]` is what cell `expected[i]` holds now; `style` writes the numbers
 * (the pane's locale and minus sign; default en-US).
 * @example staleCells([{ label: 'L1', value: 100 }], [100.001]) // []
 * @example staleCells([{ label: 'L1', value: 100 }], [null]) // ['L1 was 100, now blank']
 */
export function staleCells(
  expected: readonly ExpectedCell[],
  values: readonly (Cell | undefined)[],
  style: NumberStyle = {},
): string[] {
  const out: string[] = [];
  expected.forEach((cell, i) => {
    if (!sameCell(values[i], cell.value))
      out.push(`${cell.label} was ${showCell(cell.value, style)}, now ${showCell(values[i], style)}`);
  });
  return out;
}
