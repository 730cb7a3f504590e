/**
 * Error catalogue of the forecast engine. Every failure the engine can report to a user is an
 * entry here (codes prefixed `FORECAST_`); adapters turn `kind: 'input'` into #VALUE! with the text.
 */
import { defineError } from '../errors';
import { boundsText, HORIZON, SEASONALITY } from '../model/limits';

/** A method that can run on `given` values, for the too-short hint: ses needs 4, naive 2; none below 2. */
function simplerMethod(given: number): string {
  if (given >= 4) return ', or choose a simpler method (ses needs 4)';
  return given >= 2 ? ', or choose naive (needs 2)' : '';
}

export const ForecastErrors = {
  tooShort: defineError('FORECAST_TOO_SHORT', 'input', (method: string, needed: number, given: number) => ({
    message: `Method "${method}" needs at least ${needed} values of history; got ${given}.`,
    hint:
      given < needed
        ? `Give ${needed - given} more period(s) of history${simplerMethod(given)}.`
        : 'Give more history.',
    details: { field: 'values', data: { needed, given } },
  })),
  noData: defineError('FORECAST_NO_DATA', 'input', () => ({
    message: 'values holds no numbers: every cell is blank.',
    hint: 'Select the range with the history to forecast.',
    details: { field: 'values' },
  })),
  notFinite: defineError('FORECAST_NOT_FINITE', 'input', (position: number, got: string) => ({
    message: `values: item ${position} is ${got}, not a finite number.`,
    hint: 'Replace it with a number, or clear it to mark a blank.',
    details: { field: 'values' },
  })),
  badHorizon: defineError('FORECAST_BAD_HORIZON', 'input', (got: number) => ({
    message: `horizon must be a whole number ${boundsText(HORIZON)}; got ${got}.`,
    hint: 'Change horizon.',
    details: { field: 'horizon' },
  })),
  badSeasonality: defineError('FORECAST_BAD_SEASONALITY', 'input', (got: number) => ({
    message: `seasonality must be 0 (detect), 1 (none) or a whole season length from 2 to ${SEASONALITY.max}; got ${got}.`,
    hint: 'Change seasonality.',
    details: { field: 'seasonality' },
  })),
  badLevel: defineError('FORECAST_BAD_LEVEL', 'input', (got: number) => ({
    message: `Interval levels must be percentages strictly between 0 and 100; got ${got}.`,
    hint: 'Use for example 80 or 95 (or a confidence of 0.95).',
    details: { field: 'levels' },
  })),
  unknownMethod: defineError('FORECAST_UNKNOWN_METHOD', 'input', (got: string, allowed: readonly string[]) => ({
    message: `method "${got}" is not known.`,
    hint: `Use one of: ${allowed.join(', ')}, or an ETS code such as "AAdA".`,
    details: { field: 'method' },
  })),
  notPositive: defineError('FORECAST_NOT_POSITIVE', 'input', (method: string) => ({
    message: `Method "${method}" has multiplicative parts and needs strictly positive history.`,
    hint: 'Use an additive method (e.g. "AAA" or "hw"), or "auto", which skips multiplicative models here.',
    details: { field: 'method' },
  })),
  badOrigins: defineError('FORECAST_BAD_ORIGINS', 'input', (got: number) => ({
    message: `origins must be a whole number of at least 1; got ${got}.`,
    hint: 'Change origins.',
    details: { field: 'origins' },
  })),
  badOutliers: defineError('FORECAST_BAD_OUTLIERS', 'input', (got: string, allowed: readonly string[]) => ({
    message: `outliers "${got}" is not known.`,
    hint: `Use one of: ${allowed.join(', ')}.`,
    details: { field: 'outliers' },
  })),
  noModel: defineError('FORECAST_NO_MODEL', 'numeric', (method: string) => ({
    message: `No admissible "${method}" model could be fitted to this history.`,
    hint: 'Try another method.',
    details: { field: 'method' },
  })),
};
