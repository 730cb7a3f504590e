/**
 * The rolling forecast's view of a period: the 95% prediction interval the forecast engine gives
 * from the history before it. The detectors use it to corroborate a flag (was the actual outside
 * it?), and the flag's chart draws it, under one rule for how much history that takes.
 */
import { isFpaError } from '../errors';
import { rollingForecast } from '../forecast/rolling-forecast';
import { normalQuantile } from '../stats/normal-quantile';
import { money } from './format';
import type { NumberStyle } from '../format/format-number';
import type { Reason } from './types';

/**
 * Fewest booked actuals before a period for its forecast interval: two full years of monthly data,
 * enough to estimate a season (shorter series get a non-seasonal model whose interval misses the
 * seasonal swing). The flag chart and the detectors share it, so a chart never shows a forecast band
 * the detector would not have judged by.
 */
export const MIN_FORECAST_HISTORY = 24;

/** z of a central 95% interval, Φ⁻¹(0.975) = 1.959963984540054…: the band's width in noise units. */
export const Z95 = normalQuantile(0.975);

/** The 95% interval of the rolling forecast over the periods it covers (index 0 = the period asked about). */
export interface ForecastInterval {
  mean: number[];
  lower: number[];
  upper: number[];
}

/**
 * The rolling forecast's 95% interval for `horizon` periods from `period`, fitted (automatic
 * method, season detected) to the actuals before `period`; blanks in that history are interpolated
 * by the forecast engine. Null when fewer than MIN_FORECAST_HISTORY actuals are booked before
 * `period`, or when the forecast engine refuses the history (an FpaError).
 * @example forecastInterval([1, 2, 3], 3, 12) // null: three actuals are not enough history
 */
export function forecastInterval(
  actual: ReadonlyArray<number | null | undefined>,
  period: number,
  periodsPerYear: number,
  horizon = 1,
): ForecastInterval | null {
  const history = actual.slice(0, period).map((v) => (v === undefined ? null : v));
  if (history.filter((v) => v !== null).length < MIN_FORECAST_HISTORY) return null;
  try {
    const f = rollingForecast({ values: history, horizon, levels: [95], frequency: periodsPerYear, seasonality: 0 });
    return { mean: f.mean, lower: f.intervals[0].lower, upper: f.intervals[0].upper };
  } catch (error) {
    if (isFpaError(error)) return null;
    throw error;
  }
}

/**
 * Returns a supporting reason when `actual[period]` lies outside the one-step 95% interval of
 * `rollingForecast` (automatic method) fitted to the actuals before `period`, or null when it
 * lies inside or the history is too short. Used to corroborate flags, not to raise them: over
 * many periods a 95% interval is breached by chance one period in twenty. `label` names the period
 * in the sentence (the user's period label); `style` writes its numbers (src/format; default en-US).
 */
export function forecastBandReason(
  actual: ReadonlyArray<number | null>,
  period: number,
  periodsPerYear: number,
  label = `period ${period + 1}`,
  style: NumberStyle = {},
): Reason | null {
  const value = actual[period];
  if (value === null || !Number.isFinite(value)) return null;
  const f = forecastInterval(actual, period, periodsPerYear);
  if (!f) return null;
  const lower = f.lower[0];
  const upper = f.upper[0];
  if (value >= lower && value <= upper) return null;
  const halfWidth = Math.max((upper - lower) / 2, 1e-12);
  const evidence = (Z95 * Math.abs(value - f.mean[0])) / halfWidth;
  const above = value > upper;
  const text = `${label} is also ${above ? 'above' : 'below'} the rolling forecast's 95% range of ${money(lower, style)} to ${money(upper, style)}, fitted to the actuals before it.`;
  return {
    kind: above ? 'overspend' : 'underspend',
    evidence,
    amount: Math.abs(value - (above ? upper : lower)),
    text,
  };
}
