/**
 * The cell rules every sheet table shares: what counts as a number, an amount, a name. Each reader
 * throws a located FpaError (SHEET_BAD_CELL or SHEET_ERROR_CELL) naming the cell, so a finance user
 * can find and fix it.
 */
import { FpaError } from '../errors';
import type { NumberStyle } from '../format';
import { figureInStyle } from '../format';
import { cellAt, SheetErrors } from './errors';
import type { SheetValue } from './sheet-value';
import { describeValue, isBlankValue, isCellError } from './sheet-value';

export { cellAt };

/**
 * Where a cell is, for messages: the text, or a function that builds it (hot loops pass a function,
 * so a location is only written out for a cell that is at fault).
 */
export type Where = string | (() => string);

const place = (at: Where): string => (typeof at === 'string' ? at : at());

export interface NumberRule {
  integer?: boolean;
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  above?: number;
  /** The style of the figures in the rule's message (the pane's); en-US, as the cell functions print, by default. */
  numbers?: NumberStyle;
}

/** What a table reader may be told: the style of the figures in its messages. */
export interface TableReadOptions {
  numbers?: NumberStyle;
}

/** A plain decimal number: an optional sign, digits with an optional decimal point, an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The one rule for a number typed as text: the text, trimmed, is a plain number (digits, an
 * optional sign, a decimal point, an exponent: "1250", "-0.5", "1e6"). Thousands separators,
 * currency and percent signs are not read: "1,000" is a thousand in some locales and one in
 * others, and a wrong guess would silently change a budget.
 * @example numberFromText(' 1250 ') // 1250
 * @example numberFromText('1,000') // undefined
 */
export function numberFromText(text: string): number | undefined {
  const t = text.trim();
  // Decimal notation only: Number() would also read "0x10" as 16, "0b11" as 3 and "0o17" as 15.
  if (!PLAIN_NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Text that looks like a formatted number ("1,000", "12%", "$5", "(300)"), for a better hint. */
const FORMATTED = /^[-+(]?[$€£¥]?\s*[\d.,'\s]*\d[\d.,'\s]*%?\)?$/;

const NUMBER_HINT = 'Enter a number there.';
const FORMATTED_HINT =
  'Enter the number without thousands separators, currency or % signs (1,000 is a thousand in some locales and one in others), or format the cell as a number.';

/** Why a cell is not a number under a rule, or its number. */
export type NumberRead =
  | { ok: true; value: number }
  | {
      ok: false;
      /** Not a number at all, or a number that breaks the rule. */
      kind: 'error' | 'not-a-number' | 'rule';
      /** The cell as a message shows it (`"ten"`, `a blank`). */
      got: string;
      /** A phrase to follow the cell's location: `holds "ten", not a number`. */
      problem: string;
      hint: string;
      /** The Excel error the cell holds. */
      error?: string;
    };

function ruleProblem(value: number, rule: NumberRule): string | null {
  const fig = (n: number): string => figureInStyle(String(n), rule.numbers);
  if (rule.integer && !Number.isInteger(value)) return `must be a whole number; got ${fig(value)}`;
  if (rule.min !== undefined && value < rule.min) return `must be at least ${fig(rule.min)}; got ${fig(value)}`;
  if (rule.above !== undefined && value <= rule.above) return `must be above ${fig(rule.above)}; got ${fig(value)}`;
  return null;
}

/**
 * Reads a cell as a number: a number, or a text that `numberFromText` reads, within `rule`.
 * @example readNumber('12', { integer: true }) // { ok: true, value: 12 }
 */
export function readNumber(value: SheetValue, rule: NumberRule = {}): NumberRead {
  const got = describeValue(value);
  if (isCellError(value))
    return { ok: false, kind: 'error', got, problem: `holds ${got}`, hint: '', error: value.error };
  if (isBlankValue(value))
    return { ok: false, kind: 'not-a-number', got, problem: 'is blank; a number is needed', hint: NUMBER_HINT };
  const n = typeof value === 'number' ? value : typeof value === 'string' ? numberFromText(value) : undefined;
  if (n === undefined) {
    const formatted = typeof value === 'string' && FORMATTED.test(value.trim());
    return {
      ok: false,
      kind: 'not-a-number',
      got,
      problem: `holds ${got}, not a number`,
      hint: formatted ? FORMATTED_HINT : NUMBER_HINT,
    };
  }
  const broken = ruleProblem(n, rule);
  return broken ? { ok: false, kind: 'rule', got, problem: broken, hint: 'Change that cell.' } : { ok: true, value: n };
}

/** The located error for a failed read. */
export function cellProblem(read: Extract<NumberRead, { ok: false }>, at: Where): FpaError {
  return read.error
    ? SheetErrors.errorCell(place(at), read.error)
    : SheetErrors.badCell(place(at), read.problem, read.hint);
}

/**
 * A required number.
 * @throws SHEET_BAD_CELL / SHEET_ERROR_CELL naming `at`.
 */
export function numberCell(value: SheetValue, at: Where, rule: NumberRule = {}): number {
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    !rule.integer &&
    rule.min === undefined &&
    rule.above === undefined
  )
    return value; // the common case, without building a read
  const read = readNumber(value, rule);
  if (!read.ok) throw cellProblem(read, at);
  return read.value;
}

/** An optional number: undefined when blank. */
export function optionalNumberCell(value: SheetValue, at: Where, rule: NumberRule = {}): number | undefined {
  return isBlankValue(value) ? undefined : numberCell(value, at, rule);
}

/**
 * A plan or actual amount: a number, or null for a missing value (a blank, or #N/A, which Excel
 * users put where a value is not known yet). Any other error value is refused.
 */
export function amountCell(value: SheetValue, at: Where): number | null {
  if (isBlankValue(value) || (isCellError(value) && value.error === '#N/A')) return null;
  return numberCell(value, at);
}

/**
 * A text cell, trimmed (unless `trim` is false: names a function echoes back keep their spaces); a
 * number reads as its text ("4010"). Blank gives "".
 */
export function optionalTextCell(value: SheetValue, at: Where, trim = true): string {
  if (isCellError(value)) throw SheetErrors.errorCell(place(at), value.error);
  if (isBlankValue(value)) return '';
  return trim ? String(value).trim() : String(value);
}

/**
 * A required text cell (a name, an id), trimmed.
 * @param what what the cell names, for the hint ("the driver's name")
 */
export function textCell(value: SheetValue, at: Where, what: string, trim = true): string {
  const text = optionalTextCell(value, at, trim);
  if (text.trim() === '') throw SheetErrors.badCell(place(at), 'is blank', `Enter ${what}.`);
  return text;
}
