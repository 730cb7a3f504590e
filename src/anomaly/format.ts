/**
 * Numbers in explanations, through the one formatter (src/format): amounts with thousands
 * separators, shares as percentages with one decimal, evidence in noise units. The style is the
 * reader's (the pane's locale and minus sign); without one, en-US with the hyphen-minus, as the CLI,
 * the custom functions and their tests print.
 */
import { formatNumber, type NumberStyle } from '../format/format-number';

/**
 * Amount rounded to a sensible precision with thousands separators; below 1 (a line kept in
 * thousands or millions), four significant digits, so that amounts that differ read differently
 * (not "0.01 against a plan of 0.00, 0.00 over plan").
 * @example money(12345.678) // "12,346"
 * @example money(0.014567) // "0.01457"
 * @example money(-12345.678, { locale: 'de-DE', minus: 'true' }) // "−12.346"
 */
export const money = (value: number, style: NumberStyle = {}): string =>
  value !== 0 && Math.abs(value) < 1 ? formatNumber(value, 'number', style) : formatNumber(value, 'money', style);

/** Share as a percentage with one decimal. @example percent(0.1234) // "12.3%" */
export const percent = (share: number, style: NumberStyle = {}): string =>
  formatNumber(share, 'percent', style, { decimals: 1 });

/** Evidence in noise units: whole from 10 on. @example times(4.26) // "4.3×" @example times(70.04) // "70×" */
export const times = (value: number, style: NumberStyle = {}): string => formatNumber(value, 'multiple', style);
