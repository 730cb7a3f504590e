/**
 * Numbers in explanations, through the one formatter (src/format) in its default locale: amounts
 * with thousands separators, shares as percentages with one decimal, evidence in noise units.
 */
import { formatNumber } from '../format/format-number';

/** Amount rounded to a sensible precision with thousands separators. @example money(12345.678) // "12,346" */
export const money = (value: number): string => formatNumber(value, 'money');

/** Share as a percentage with one decimal. @example percent(0.1234) // "12.3%" */
export const percent = (share: number): string => formatNumber(share, 'percent', {}, { decimals: 1 });

/** Evidence in noise units: whole from 10 on. @example times(4.26) // "4.3×" @example times(70.04) // "70×" */
export const times = (value: number): string => formatNumber(value, 'multiple');
