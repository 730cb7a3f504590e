import { ForecastErrors } from './errors';
import { isSeasonal } from './seasonality-test';

export interface SeasonChoice {
  period: number;
  notes: string[];
}

/**
 * The season length to use: `seasonality` 1 → none; n ≥ 2 → n; 0 → `frequency` when the M4 90%
 * autocorrelation test finds seasonality at that lag (needs 3 full seasons), none otherwise.
 * @throws FORECAST_BAD_SEASONALITY for negative, fractional or absurd values.
 */
export function resolveSeason(y: Float64Array, seasonality: number, frequency: number): SeasonChoice {
  if (!Number.isInteger(seasonality) || seasonality < 0 || seasonality > 366) throw ForecastErrors.badSeasonality(seasonality);
  if (!Number.isInteger(frequency) || frequency < 1 || frequency > 366) throw ForecastErrors.badSeasonality(frequency);
  if (seasonality === 1) return { period: 1, notes: [] };
  if (seasonality >= 2) return { period: seasonality, notes: [] };
  if (frequency === 1) return { period: 1, notes: [] };
  if (y.length < 3 * frequency) {
    return { period: 1, notes: [`Too short to detect seasonality (needs ${3 * frequency} values, has ${y.length}): non-seasonal model used.`] };
  }
  if (isSeasonal(y, frequency)) return { period: frequency, notes: [`Seasonality of ${frequency} periods detected.`] };
  return { period: 1, notes: [`No seasonality at lag ${frequency} detected: non-seasonal model used.`] };
}
