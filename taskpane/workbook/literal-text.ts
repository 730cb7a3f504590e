/**
 * Untrusted text written into cells stays text. Excel reads a string written through `values` (or
 * `formulas`) as the user typing it: "=HYPERLINK(…)", "+A1", "-A1*2" and "@SUM(…)" become formulas,
 * and a leading apostrophe is swallowed as the quote prefix. Free text the pane writes (reasons,
 * comments, names, audit entries) is stored verbatim, which is right; this is where it is made safe
 * for a cell. Excel keeps a string that starts with an apostrophe as the text after it, so such
 * strings get one: the cell then shows and reads back exactly the original text.
 */
import type { Cell } from './types';

/** What makes Excel read a string as something else: a formula start, a tab or line break (old DDE tricks), a quote prefix. */
const READ_AS_INPUT = /^[=+\-@'\t\r\n]/;

/**
 * `cell` as Excel must receive it to keep it as written: numbers, booleans and blanks as they are,
 * strings that Excel would turn into a formula (or whose apostrophe it would swallow) with a quote
 * prefix.
 *
 * @example literalCell('=1+1') // → "'=1+1" (the cell holds the text "=1+1")
 * @example literalCell('Q3 plan') // → "Q3 plan"
 */
export function literalCell<T extends Cell>(cell: T): T | string {
  return typeof cell === 'string' && READ_AS_INPUT.test(cell) ? `'${cell}` : cell;
}

/** Every cell of a grid through `literalCell`, for `range.values`. */
export function literalValues(values: readonly (readonly Cell[])[]): (string | number | boolean)[][] {
  return values.map((row) => row.map((cell) => literalCell(cell))) as (string | number | boolean)[][];
}
