/**
 * Numbers in explanations, through the one formatter (src/format) in its default locale: amounts
 * with thousands separators, shares as percentages with one decimal, evidence in noise units.
 */
import { formatNumber } from '../format/format-number';

/**
 * Amount rounded to a sensible precision with thousands separators; below 1 (a line kept in
 * thousands or millions), four significant digits, so that amounts that differ read differently
 * (not "0.01 against a plan of 0.00, 0.00 over plan").
 * @example money(12345.678) // "12,346"
 * @example money(0.014567) // "0.01457"
 */
export const money = (value: number): string =>
  value !== 0 && Math.abs(value) < 1 ? formatNumber(value, 'number') : formatNumber(value, 'money');

/** Share as a percentage with one decimal. @example percent(0.1234) // "12.3%" */
export const percent = (share: number): string => formatNumber(share, 'percent', {}, { decimals: 1 });

/** Evidence in noise units: whole from 10 on. @example times(4.26) // "4.3×" @example times(70.04) // "70×" */
export const times = (value: number): string => formatNumber(value, 'multiple');
