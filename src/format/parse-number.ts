/**
 * Reads a number as a finance user types it, in their locale: thousands separators ("1,200",
 * "1.200", "1 200", "1'200"), the locale's decimal mark, a sign in front or behind ("-1,200",
 * "1,200-"), accounting brackets for negatives ("(1,200)"), a currency symbol or code ("$1,200",
 * "1.200 €", "EUR 1,200"), a percent sign ("12.5%" is 0.125), scale words ("250k", "1.2m", "3 bn",
 * "1,5 Mio.") and an exponent ("1.5e6").
 *
 * Grouping must be real grouping: after the first group come groups of three digits, so "1,20" in
 * en-US or "1.5" in de-DE is refused with a message naming the locale's decimal mark, never read as
 * something the user did not mean. Spaces and apostrophes group thousands in every locale (they are
 * never a decimal mark).
 */
import type { FpaError } from '../errors';
import { FormatErrors } from './errors';
import { numberSymbols, type NumberSymbols } from './number-symbols';

export interface ParseNumberOptions {
  /** BCP 47 locale, e.g. Office's display language. @default "en-US" */
  locale?: string;
  /** Separators that override the locale's (e.g. Excel's own settings). */
  separators?: Partial<Pick<NumberSymbols, 'decimal' | 'group'>>;
  /** The field's name in messages. @default "Value" */
  field?: string;
  /**
   * What a percentage means here: `share` — "12%" is 0.12 and "12" is 12; `points` — the field is in
   * percent, so "12" and "12%" are both 0.12; `reject` — an amount, "%" is refused.
   * @default "share"
   */
  percent?: 'share' | 'points' | 'reject';
}

export type ParseResult = { ok: true; value: number } | { ok: false; error: FpaError };

const SCALES: Record<string, number> = { k: 1e3, tsd: 1e3, m: 1e6, mn: 1e6, mio: 1e6, bn: 1e9, mrd: 1e9 };
const CURRENCY = /^(?:[$€£¥₹]|[A-Z]{3}(?![A-Za-z]))\s*|\s*(?:[$€£¥₹]|(?<![A-Za-z])[A-Z]{3})$/;
const SPACES = /[\s\u00a0\u202f\u2009]+/g;

/** A number written in the locale, for hints. */
const example = (symbols: NumberSymbols) => `1${symbols.group}234${symbols.decimal}5`;

/** True when the integer part's groups are a valid grouping (first 1–3 digits, then threes). */
function validGrouping(groups: string[]): boolean {
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  return groups.length === 1 || (groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3));
}

/** Parses the unsigned body ("1.234,5", "1e6"), or null when it is not a number in these symbols. */
function parseBody(body: string, symbols: NumberSymbols): number | null {
  const exp = /^(.*?)[eE]([+-]?\d+)$/.exec(body);
  const mantissa = exp ? exp[1] : body;
  const parts = mantissa.split(symbols.decimal);
  if (parts.length > 2) return null;
  const [whole, fraction = ''] = parts;
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return null;
  const groupChars = new Set([' ', "'", '’', symbols.group.replace(SPACES, ' ')]);
  groupChars.delete(symbols.decimal);
  const groups = whole === '' ? ['0'] : whole.split(new RegExp(`[${[...groupChars].map((c) => `\\${c}`).join('')}]`));
  if (!validGrouping(groups)) return null;
  const value = Number(`${groups.join('')}.${fraction || '0'}${exp ? `e${exp[2]}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * @example tryParseNumber('1.200,50', { locale: 'de-DE' }) // { ok: true, value: 1200.5 }
 * @example tryParseNumber('(1,200)', { locale: 'en-GB' }) // { ok: true, value: -1200 }
 * @example tryParseNumber('1,20', { locale: 'en-US' }).ok // false
 */
export function tryParseNumber(text: string, options: ParseNumberOptions = {}): ParseResult {
  const symbols = numberSymbols(options.locale, options.separators);
  const field = options.field ?? 'Value';
  const mode = options.percent ?? 'share';
  let s = text
    .replace(SPACES, ' ')
    .replace(/\u2212/g, '-')
    .trim();
  if (s === '') return { ok: false, error: FormatErrors.empty(field) };
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) [negative, s] = [true, bracketed[1].trim()];
  if (/^[+-]/.test(s) && !bracketed) [negative, s] = [s[0] === '-', s.slice(1).trim()];
  s = s.replace(CURRENCY, '').trim();
  if (/^[+-]/.test(s) && !bracketed && !negative) [negative, s] = [s[0] === '-', s.slice(1).trim()];
  if (/-$/.test(s) && !negative && !bracketed) [negative, s] = [true, s.slice(0, -1).trim()];
  s = s.replace(CURRENCY, '').trim();
  let scale = 1;
  const percent = /%$/.test(s);
  if (percent) {
    if (mode === 'reject') return { ok: false, error: FormatErrors.percentNotAllowed(field, text.trim()) };
    s = s.slice(0, -1).trim();
    scale = 0.01;
  } else {
    const word = /^(.*?\d)\s*([A-Za-z]+)\.?$/.exec(s);
    if (word && SCALES[word[2].toLowerCase()] !== undefined && mode !== 'points') {
      s = word[1];
      scale = SCALES[word[2].toLowerCase()];
    } else if (mode === 'points') scale = 0.01;
  }
  const value = parseBody(s, symbols);
  if (value === null) {
    const otherMark = /[.,]/.test(s) && !/^[\d\s'’]*$/.test(s);
    return {
      ok: false,
      error: otherMark
        ? FormatErrors.wrongSeparator(
            field,
            text.trim(),
            symbols.locale,
            symbols.decimal,
            symbols.group,
            example(symbols),
          )
        : FormatErrors.notANumber(field, text.trim(), example(symbols)),
    };
  }
  // Scaling by a power of ten through the decimal string keeps 12.3% exactly 0.123.
  const scaled = scale === 1 ? value : Number((value * scale).toPrecision(15));
  return { ok: true, value: negative && scaled !== 0 ? -scaled : scaled };
}

/**
 * @throws FpaError FORMAT_EMPTY, FORMAT_NOT_A_NUMBER, FORMAT_WRONG_SEPARATOR or FORMAT_PERCENT_NOT_ALLOWED
 * @example parseNumber('12.5%') // 0.125
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number {
  const result = tryParseNumber(text, options);
  if (!result.ok) throw result.error;
  return result.value;
}
