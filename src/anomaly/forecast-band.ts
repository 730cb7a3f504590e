/**
 * The rolling forecast's view of a period: was the actual outside the 95% prediction interval the
 * forecast engine gives from the history before it?
 */
import { rollingForecast } from '../forecast/rolling-forecast';
import { isFpaError } from '../errors';
import type { Reason } from './types';
import { money } from './format';

/** The interval needs enough history to estimate a season; shorter histories are not judged. */
const MIN_HISTORY = 24;

/**
 * Returns a supporting reason when `actual[period]` lies outside the one-step 95% interval of
 * `rollingForecast` (automatic method) fitted to the actuals before `period`, or null when it
 * lies inside or the history is too short. Used to corroborate flags, not to raise them: over
 * many periods a 95% interval is breached by chance one period in twenty.
 */
export function forecastBandReason(
  actual: ReadonlyArray<number | null>,
  period: number,
  periodsPerYear: number,
): Reason | null {
  const value = actual[period];
  if (value === null || !Number.isFinite(value)) return null;
  const history = actual.slice(0, period);
  if (history.filter((v) => v !== null).length < MIN_HISTORY) return null;
  try {
    const f = rollingForecast({ values: history, horizon: 1, levels: [95], frequency: periodsPerYear, seasonality: 0 });
    const lower = f.intervals[0].lower[0];
    const upper = f.intervals[0].upper[0];
    if (value >= lower && value <= upper) return null;
    const halfWidth = Math.max((upper - lower) / 2, 1e-12);
    const evidence = (1.96 * Math.abs(value - f.mean[0])) / halfWidth;
    const above = value > upper;
    const text = `It is also ${above ? 'above' : 'below'} the rolling forecast's 95% range of ${money(lower)} to ${money(upper)}.`;
    return {
      kind: above ? 'overspend' : 'underspend',
      evidence,
      amount: Math.abs(value - (above ? upper : lower)),
      text,
    };
  } catch (error) {
    if (isFpaError(error)) return null;
    throw error;
  }
}
