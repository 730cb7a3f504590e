/**
 * Rates per period and per year, converted explicitly. The cash engine's rates are per period and
 * compound over a placement's term (a·(1+r)^k, docs/cash.md), so a year of n periods turns a rate per
 * period r into (1+r)^n − 1 per year, and an annual rate R into (1+R)^(1/n) − 1 per period. Dividing
 * by 12 instead would overstate a 5% annual rate's monthly equivalent slightly (0.4167% against
 * 0.4074%); typing the annual rate where a monthly one belongs overstates it twelve-fold, and the plan
 * then borrows to invest. `annualRateSuspicion` catches that.
 */
import { formatNumber, type NumberStyle } from './format-number';

/**
 * A rate per year above this, for cash placed or borrowed, is taken as a sign that an annual rate was
 * typed where a rate per period belongs (money-market and credit-line rates sit far below it).
 */
export const PLAUSIBLE_ANNUAL_CASH_RATE = 0.25;

/** @example ratePerPeriodFromAnnual(0.05, 12) // 0.004074… */
export function ratePerPeriodFromAnnual(annualRate: number, periodsPerYear: number): number {
  return Math.pow(1 + annualRate, 1 / periodsPerYear) - 1;
}

/** @example annualRateFromPerPeriod(0.004074124, 12) // 0.05 (to 9 digits) */
export function annualRateFromPerPeriod(ratePerPeriod: number, periodsPerYear: number): number {
  return Math.pow(1 + ratePerPeriod, periodsPerYear) - 1;
}

export interface AnnualRateSuspicion {
  /** The rate as entered, per period. */
  ratePerPeriod: number;
  /** What it comes to over a year. */
  perYear: number;
  /** The rate per period if the number entered was meant per year. */
  perPeriodIfAnnual: number;
}

/**
 * Whether a cash rate entered per period is probably an annual rate: it compounds to more than
 * PLAUSIBLE_ANNUAL_CASH_RATE a year when periods are shorter than a year.
 * @example annualRateSuspicion(0.05, 12)?.perYear // 0.7958…
 * @example annualRateSuspicion(0.004, 12) // null
 */
export function annualRateSuspicion(ratePerPeriod: number, periodsPerYear: number): AnnualRateSuspicion | null {
  if (!(periodsPerYear > 1) || !(ratePerPeriod > 0) || !Number.isFinite(ratePerPeriod)) return null;
  const perYear = annualRateFromPerPeriod(ratePerPeriod, periodsPerYear);
  if (perYear <= PLAUSIBLE_ANNUAL_CASH_RATE) return null;
  return { ratePerPeriod, perYear, perPeriodIfAnnual: ratePerPeriodFromAnnual(ratePerPeriod, periodsPerYear) };
}

const PERIOD_NAME: Record<number, 'month' | 'quarter'> = { 12: 'month', 4: 'quarter' };

/**
 * The warning in words, or null.
 * @example annualRateWarning('Credit line rate', 0.05, 12) // "Credit line rate 5% per month is 79.6% per year: if 5% is the annual rate, enter 0.41% per month."
 */
export function annualRateWarning(
  what: string,
  ratePerPeriod: number,
  periodsPerYear: number,
  style: NumberStyle = {},
): string | null {
  const found = annualRateSuspicion(ratePerPeriod, periodsPerYear);
  if (!found) return null;
  const per = PERIOD_NAME[periodsPerYear] ?? 'period';
  const rate = (v: number) => formatNumber(v, `rate/${per}`, style);
  const pct = (v: number) => formatNumber(v, 'percent', style);
  return `${what} ${rate(found.ratePerPeriod)} is ${pct(found.perYear)} per year: if ${pct(found.ratePerPeriod)} is the annual rate, enter ${rate(found.perPeriodIfAnnual)}.`;
}
