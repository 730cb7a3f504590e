import type { Unit } from './format-number';

/** The most decimals a shared precision gives each unit (as shown: percent and points ×100). */
const MAX_DECIMALS: Partial<Record<Unit, number>> = {
  number: 6,
  money: 2,
  percent: 2,
  points: 2,
  ratio: 4,
  multiple: 2,
};

/** Significant digits of the values' spread that the shared precision keeps. */
const SPREAD_DIGITS = 2;

/**
 * One number of decimals for values shown side by side (P5, P50 and P95 of one distribution; the
 * rows of one summary), chosen from their range so the spread between them reads to two significant
 * digits: "P5 84, P50 100, P95 116" rather than "P5 83.55, P50 100, P95 116", where each number at its
 * own precision makes the small one look more exact than the others. Undefined when the values do
 * not spread (fewer than two distinct finite values) or the unit has a fixed precision (count,
 * duration): each is then written at its unit's own precision.
 * @example sharedDecimals([83.55, 100, 116.4], 'number') // 0 (range 32.85)
 * @example sharedDecimals([0.9836, 1, 1.0164], 'number') // 3 (range 0.0328)
 * @example sharedDecimals([0.05, 0.123], 'percent') // 1 (range 7.3 points)
 */
export function sharedDecimals(values: readonly number[], unit: Unit): number | undefined {
  const max = unit.startsWith('rate/') ? 2 : MAX_DECIMALS[unit];
  if (max === undefined) return undefined;
  const scale = unit === 'percent' || unit === 'points' || unit.startsWith('rate/') ? 100 : 1;
  const finite = values.filter(Number.isFinite).map((v) => v * scale);
  if (finite.length < 2) return undefined;
  const range = Math.max(...finite) - Math.min(...finite);
  if (!(range > 0) || !Number.isFinite(range)) return undefined;
  const decimals = SPREAD_DIGITS - 1 - Math.floor(Math.log10(range));
  return Math.min(max, Math.max(0, decimals));
}

/**
 * The decimals a number has as written (to 12 significant digits, so float noise does not count):
 * 0.035 has 3, 100 · 0.035 (3.5000000000000004) has 1, 1e-7 has 7.
 * @example decimalPlaces(11.200000000000001) // 1
 */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const [digits, exponent] = Number(value.toPrecision(12)).toExponential().split('e');
  return Math.max(0, (digits.split('.')[1] ?? '').length - Number(exponent));
}

/**
 * One number of decimals for an axis's ticks: as many as their step has, as shown (points and percent
 * ×100), so 0 … 40 pts in steps of 10 read "40 pts" and 11.2 … 12.0 in steps of 0.2 "11.2 pts".
 * @example tickDecimals([0.1, 0.2, 0.3], 'points') // 0
 */
export function tickDecimals(ticks: readonly number[], unit: Unit): number {
  const scale = unit === 'percent' || unit === 'points' || unit.startsWith('rate/') ? 100 : 1;
  return Math.max(0, ...ticks.map((t) => decimalPlaces(t * scale)));
}
