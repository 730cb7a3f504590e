/**
 * The series a flag's small chart draws: plan, actual and a 95% band per period.
 *
 * The band is the rolling forecast's 95% interval (forecast-band.ts) fitted to the actuals before the
 * flagged period and projected over it and the booked periods right after it: what the history alone
 * expected, under the detectors' own rule for enough history (MIN_FORECAST_HISTORY booked actuals).
 * With a shorter history, or one the forecast engine refuses, it falls back to a band around plan:
 * plan + the line's median offset ± z₉₅ robust sd (the MAD of actual − plan), the median and MAD of
 * src/stats, over the booked periods before the flagged one — what the line did before the issue, as
 * the forecast band is fitted before it. All booked periods count only when fewer than two precede
 * the flag. (Over every booked period, a deviation that lasts most of the year moved the band onto
 * itself: 8 months 30% under plan drew the "expected" band around the under-spend.)
 */
import { mad } from '../stats/mad';
import { median } from '../stats/median';
import { forecastInterval, Z95 } from './forecast-band';
import type { BudgetLine } from './types';

export interface FlagChartSeries {
  plan: (number | null)[];
  actual: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** "forecast" when the band is the rolling forecast's interval, "plan" for the fallback band. */
  band: 'forecast' | 'plan';
}

type Band = Pick<FlagChartSeries, 'lower' | 'upper'>;

const booked = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/**
 * Plan + median(actual − plan) ± Z95 · MAD(actual − plan) over the booked periods before `period`
 * (all booked periods when fewer than two precede it); the plan itself when nothing is booked.
 */
function planBand(line: BudgetLine, period: number): Band {
  const gaps = (until: number) => {
    const found: number[] = [];
    line.plan.forEach((p, t) => {
      const a = line.actual[t];
      if (t < until && p !== null && booked(a)) found.push(a - p);
    });
    return found;
  };
  const before = gaps(period);
  const residuals = before.length >= 2 ? before : gaps(line.plan.length);
  const centre = residuals.length > 0 ? median(residuals) : 0;
  const half = residuals.length > 0 ? Z95 * mad(residuals) : 0;
  return {
    lower: line.plan.map((p) => (p === null ? null : p + centre - half)),
    upper: line.plan.map((p) => (p === null ? null : p + centre + half)),
  };
}

/** The forecast's band over `period` and the booked periods that follow it without a gap. */
function forecastBand(line: BudgetLine, period: number, periodsPerYear: number): Band | null {
  let last = period;
  while (last + 1 < line.plan.length && booked(line.actual[last + 1])) last++;
  const f = forecastInterval(line.actual, period, periodsPerYear, last - period + 1);
  if (!f) return null;
  const n = line.plan.length;
  const lower = new Array<number | null>(n).fill(null);
  const upper = new Array<number | null>(n).fill(null);
  f.lower.forEach((v, h) => (lower[period + h] = v));
  f.upper.forEach((v, h) => (upper[period + h] = v));
  return { lower, upper };
}

/**
 * @param period the flagged period (0-based)
 * @param periodsPerYear the line's frequency, for the forecast's season @default 12
 * @example flagChartSeries({ id: 'a', costCentre: '', account: '', owner: '', plan: [10, 10], actual: [10, 12] }, 1).band // "plan"
 */
export function flagChartSeries(line: BudgetLine, period: number, periodsPerYear = 12): FlagChartSeries {
  const plan = [...line.plan];
  const actual = plan.map((_, t) => line.actual[t] ?? null);
  const forecast = forecastBand(line, period, periodsPerYear);
  return { plan, actual, ...(forecast ?? planBand(line, period)), band: forecast ? 'forecast' : 'plan' };
}
