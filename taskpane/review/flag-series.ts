/**
 * The series a flag's small chart draws: plan, actual and a band per period.
 *
 * The band is the rolling forecast's 95% interval (src/forecast, automatic method) fitted to the
 * actuals before the flagged period and projected over it and the booked periods after it: it shows
 * what the history alone expected. With too short a history (under 6 booked periods before the flag,
 * or no admissible model) it falls back to an expected band around the plan: plan + the line's median
 * offset ± 1.96 robust sd (1.4826 × MAD) of actual − plan over the booked periods.
 */
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import type { BudgetLine } from '../../src/model/budget-line';

export interface FlagSeries {
  plan: (number | null)[];
  actual: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** "forecast" when the band is the rolling forecast's interval, "plan" for the fallback band. */
  band: 'forecast' | 'plan';
}

/** Fewest booked actuals before the flagged period for a forecast band. */
const MIN_HISTORY = 6;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function planBand(line: BudgetLine): Pick<FlagSeries, 'lower' | 'upper'> {
  const residuals: number[] = [];
  line.plan.forEach((p, t) => {
    const a = line.actual[t];
    if (p !== null && a !== null && a !== undefined) residuals.push(a - p);
  });
  const centre = median(residuals);
  const half = 1.96 * 1.4826 * median(residuals.map((r) => Math.abs(r - centre)));
  return {
    lower: line.plan.map((p) => (p === null ? null : p + centre - half)),
    upper: line.plan.map((p) => (p === null ? null : p + centre + half)),
  };
}

function forecastBand(
  line: BudgetLine,
  period: number,
  periodsPerYear: number,
): Pick<FlagSeries, 'lower' | 'upper'> | null {
  const history = line.actual.slice(0, period);
  if (history.length < MIN_HISTORY || history.some((v) => v === null || v === undefined)) return null;
  let last = period;
  while (last + 1 < line.plan.length && line.actual[last + 1] !== null && line.actual[last + 1] !== undefined) last++;
  try {
    const f = rollingForecast({
      values: history,
      horizon: last - period + 1,
      levels: [95],
      frequency: periodsPerYear,
      seasonality: 0,
    });
    const n = line.plan.length;
    const lower: (number | null)[] = new Array<number | null>(n).fill(null);
    const upper: (number | null)[] = new Array<number | null>(n).fill(null);
    f.intervals[0].lower.forEach((v, h) => (lower[period + h] = v));
    f.intervals[0].upper.forEach((v, h) => (upper[period + h] = v));
    return { lower, upper };
  } catch {
    return null;
  }
}

/** @example flagSeries({ id: 'a', costCentre: '', account: '', owner: '', plan: [10, 10], actual: [10, 12] }, 1).band // "plan" */
export function flagSeries(line: BudgetLine, period: number, periodsPerYear = 12): FlagSeries {
  const plan = [...line.plan];
  const actual = plan.map((_, t) => line.actual[t] ?? null);
  const forecast = forecastBand(line, period, periodsPerYear);
  return { plan, actual, ...(forecast ?? planBand(line)), band: forecast ? 'forecast' : 'plan' };
}
