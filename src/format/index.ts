/**
 * Numbers as finance writes them: read what a user types in their locale, show every number with
 * its unit through one formatter, and quote rates per period or per year with explicit conversion.
 */

// Reading
export { parseNumber, tryParseNumber } from './parse-number';
export type { ParseNumberOptions, ParseResult } from './parse-number';
export { numberSymbols, resolveLocale, DEFAULT_LOCALE } from './number-symbols';
export type { NumberSymbols } from './number-symbols';

// Showing
export { figureInStyle, formatNumber, numberFormatter, TRUE_MINUS, withMinus } from './format-number';
export { decimalPlaces, sharedDecimals, tickDecimals } from './shared-decimals';
export type { Unit, RatePeriod, NumberStyle, FormatOptions, NumberFormatter } from './format-number';
export { countOf } from './count-of';

// Rates
export * from './rates';

// Errors
export { FormatErrors } from './errors';
