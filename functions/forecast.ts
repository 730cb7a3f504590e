/**
 * Forecast custom functions: thin adapters from Excel ranges to src/forecast.
 * Numbers are decided in src/forecast; this file reads, validates, and spills.
 */
import type { ForecastRequest, ForecastResult } from '../src/forecast/types';
import { BACKTEST_HORIZON, BACKTEST_ORIGINS, HORIZON, SEASONALITY } from '../src/model/limits';
import { optionalNumber, optionalString, readOptions, readSeries, safelyAsync, columns, withHeader } from './adapter';
import { forecastRoute } from '../src/forecast/jobs';
import type { ForecastJobs } from '../src/forecast/jobs';
import type { JobKind } from '../src/jobs/protocol';
import { runCellJob } from './cell-jobs';
import type { SpillValue } from './adapter';
import { keptForecasts } from './kept-forecasts';
import { trackSeriesKey } from '../src/forecast/track-record';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

interface ForecastArgs {
  values: unknown;
  horizon?: unknown;
  seasonality?: unknown;
  confidence?: unknown;
  method?: unknown;
  options?: unknown;
}

/** The settings behind the `options` argument of the forecast functions. */
type ForecastOptions = Pick<ForecastRequest, 'combination' | 'outliers' | 'seed'>;

const OPTION_NAMES = ['weights', 'outliers', 'seed'] as const;

/**
 * Reads `options`: weights "equal" (default) or "accuracy" (the learning loop: members weighted by
 * their rolling-origin accuracy), outliers "keep" (default) or "adjust", seed for simulated intervals.
 */
function readForecastOptions(input: unknown): ForecastOptions {
  const pairs = readOptions(input, 'options', OPTION_NAMES);
  return {
    combination: optionalString(pairs.get('weights'), 'options weights', 'equal', [
      'equal',
      'accuracy',
    ]) as ForecastOptions['combination'],
    outliers: optionalString(pairs.get('outliers'), 'options outliers', 'keep', [
      'keep',
      'adjust',
    ]) as ForecastOptions['outliers'],
    seed: optionalNumber(pairs.get('seed'), 'options seed', 1, { integer: true, min: 1, max: 2 ** 31 - 1 }),
  };
}

/** Validates the arguments (in this thread, so a bad argument answers at once) into a request. */
function forecastRequest(args: ForecastArgs, defaultHorizon: number): ForecastRequest & ForecastOptions {
  const { values } = readSeries(args.values, 'values');
  const horizon = optionalNumber(args.horizon, 'horizon', defaultHorizon, { integer: true, ...HORIZON });
  const seasonality = optionalNumber(args.seasonality, 'seasonality', 0, { integer: true, ...SEASONALITY });
  const confidence = optionalNumber(args.confidence, 'confidence', 0.95, { above: 0, below: 1 });
  const method = optionalString(args.method, 'method', 'auto');
  return {
    values,
    horizon,
    seasonality,
    levels: [confidence * 100],
    method: method.toLowerCase(),
    ...readForecastOptions(args.options),
  };
}

/** Runs a forecast job on the history's worker (or on this thread without workers). */
function computeForecast<K extends JobKind<ForecastJobs>>(
  kind: K,
  request: ForecastJobs[K]['payload'],
): Promise<ForecastJobs[K]['result']> {
  return runCellJob(kind, request, { route: forecastRoute(request.values) });
}

/**
 * The forecast of a request, computed by the worker pool (or in this thread without one). With
 * weights=accuracy the auto combination reads its series' kept forecasts (the track record) and the
 * forecasts it returns are kept; a store that fails to keep them never fails the cell.
 */
async function runForecast(request: ForecastRequest): Promise<ForecastResult> {
  if (request.combination !== 'accuracy' || request.method !== 'auto')
    return computeForecast('forecast.rolling', request);
  const store = await keptForecasts();
  const series = trackSeriesKey(request.values);
  const { kept, ...result } = await computeForecast('forecast.rolling', {
    ...request,
    trackRecord: { series, records: await store.records(series) },
  });
  await store.keep(kept ?? []).catch(() => undefined);
  return result;
}

/**
 * Forecasts the next periods of a series, with a prediction interval, re-estimated from the whole
 * history on every recalculation. Blank cells inside the history are interpolated (see FPA.FORECAST.MODEL
 * for how many); blanks at the start or end are ignored.
 * @customfunction FORECAST.ROLLING
 * @helpurl https://localhost:3000/help/forecast-rolling.html
 * @param {any[][]} values History, oldest first, in one row or one column (for example monthly actuals).
 * @param {number} [horizon] Periods to forecast, 1 to 1000. Default 12.
 * @param {number} [seasonality] 0 = detect the season length, 1 = no seasonality, n = season length in periods (12 for monthly data). Default 0.
 * @param {number} [confidence] Coverage of the prediction interval, between 0 and 1. Default 0.95.
 * @param {string} [method] "auto" (default), "ets", "arima", "theta", "snaive", "ses", "holt", "hw", or another method name listed in the help.
 * @param {any[][]} [options] Settings as name/value pairs (two columns, or one text such as "weights=accuracy; outliers=adjust"): weights "equal" (default) or "accuracy" (weight the auto combination by each member's recent accuracy), outliers "keep" (default) or "adjust", seed (default 1).
 * @returns {Promise<any[][]>} One row per period ahead: forecast, lower bound, upper bound.
 */
export function forecastRolling(
  values: any[][],
  horizon?: number,
  seasonality?: number,
  confidence?: number,
  method?: string,
  options?: any[][],
): Promise<any[][]> {
  return safelyAsync(async () => {
    const result = await runForecast(
      forecastRequest({ values, horizon, seasonality, confidence, method, options }, 12),
    );
    const interval = result.intervals[0];
    return columns([result.mean, interval.lower, interval.upper]);
  });
}

/**
 * Describes the model FPA.FORECAST.ROLLING fits to a series: the method chosen, the season length,
 * how many blanks were interpolated, the ETS model with its parameters, AICc and in-sample MASE
 * ("arima": the ARIMA orders, differencing, coefficients and AICc; snaive, naive and theta describe
 * the automatic ETS instead), and notes on what was decided and why.
 * @customfunction FORECAST.MODEL
 * @helpurl https://localhost:3000/help/forecast-model.html
 * @param {any[][]} values History, oldest first, in one row or one column.
 * @param {number} [seasonality] 0 = detect the season length, 1 = no seasonality, n = season length in periods. Default 0.
 * @param {string} [method] "auto" (default) or a method name, as in FPA.FORECAST.ROLLING.
 * @param {any[][]} [options] Settings as in FPA.FORECAST.ROLLING: weights "equal" or "accuracy", outliers "keep" or "adjust", seed.
 * @returns {Promise<any[][]>} A two-column table of property and value.
 */
export function forecastModel(
  values: any[][],
  seasonality?: number,
  method?: string,
  options?: any[][],
): Promise<any[][]> {
  return safelyAsync(async () => {
    const request = forecastRequest({ values, seasonality, method, options }, 1);
    const [result, facts] = await Promise.all([
      runForecast(request),
      computeForecast('forecast.describe', {
        values: request.values,
        seasonality: request.seasonality,
        method: request.method,
        outliers: request.outliers,
      }),
    ]);
    const rows: SpillValue[][] = [
      ['method', result.method],
      ['season length', result.seasonPeriod],
      ['blanks interpolated', result.interpolated],
      ...facts.filter((fact) => fact.label !== 'season length').map((fact): SpillValue[] => [fact.label, fact.value]),
      ...result.notes.map((note): SpillValue[] => ['note', note]),
    ];
    return withHeader(['property', 'value'], rows);
  });
}

/**
 * Backtests a forecasting method on the series' own history: refits it at several recent origins
 * (rolling origin) and scores what it would have forecast against what happened.
 * @customfunction FORECAST.BACKTEST
 * @helpurl https://localhost:3000/help/forecast-backtest.html
 * @param {any[][]} values History, oldest first, in one row or one column.
 * @param {number} [horizon] Periods ahead scored at each origin, 1 to 36. Default 6.
 * @param {string} [method] "auto" (default) or a method name, as in FPA.FORECAST.ROLLING.
 * @param {number} [origins] Number of forecast origins (refits), 1 to 36. Default 6.
 * @param {any[][]} [options] Settings as in FPA.FORECAST.ROLLING: weights "equal" or "accuracy", outliers "keep" or "adjust", seed.
 * @returns {Promise<any[][]>} One row per period ahead (and a final "all" row): MASE, sMAPE %, share inside the 80% and 95% intervals, forecasts scored.
 */
export function forecastBacktest(
  values: any[][],
  horizon?: number,
  method?: string,
  origins?: number,
  options?: any[][],
): Promise<any[][]> {
  return safelyAsync(async () => {
    const series = readSeries(values, 'values').values;
    const h = optionalNumber(horizon, 'horizon', 6, { integer: true, ...BACKTEST_HORIZON });
    const name = optionalString(method, 'method', 'auto');
    const k = optionalNumber(origins, 'origins', 6, { integer: true, ...BACKTEST_ORIGINS });
    const r = await computeForecast('forecast.backtest', {
      values: series,
      horizon: h,
      origins: k,
      method: name.toLowerCase(),
      ...readForecastOptions(options),
    });
    const row = (
      label: SpillValue,
      a: { mase: number; smape: number; coverage80: number; coverage95: number; count: number },
    ): SpillValue[] => [label, Number.isFinite(a.mase) ? a.mase : '', a.smape, a.coverage80, a.coverage95, a.count];
    return withHeader(
      ['step', 'MASE', 'sMAPE %', 'cover 80%', 'cover 95%', 'forecasts'],
      [...r.byHorizon.map((b) => row(b.step, b)), row('all', r.overall)],
    );
  });
}
