/**
 * The contract between the forecast engine and its callers (custom functions, CLI, benchmarks,
 * anomaly detection). Shaped after statsforecast: a request holds the series and the settings, a
 * result holds the mean path and one interval per requested level.
 */

import type { ForecastRecord } from '../model/kpi';

/** A history value: a number, or null for a blank (missing) observation. */
export type HistoryValue = number | null;

export interface ForecastRequest {
  /** Observations, oldest first. `null` marks a blank; blanks inside the history are interpolated. */
  values: ReadonlyArray<HistoryValue>;
  /** Number of periods ahead to forecast (≥ 1). */
  horizon: number;
  /** 0 = detect the season length, 1 = no seasonality, n ≥ 2 = season length in periods. @default 0 */
  seasonality?: number;
  /**
   * Frequency of the data (12 monthly, 4 quarterly; periods per year), when known: detection
   * (`seasonality` 0) then tests that lag only and automatic ETS is offered that season. Left out
   * (a bare cell range), detection tries 12 and 4 (resolve-season.ts).
   */
  frequency?: number;
  /** Interval levels in percent, each in (0, 100). @default [80, 95] */
  levels?: ReadonlyArray<number>;
  /** "auto" or a named method; see `FORECAST_METHODS`. @default "auto" */
  method?: string;
  /** Seed for any simulation inside the method (simulated intervals). @default 1 */
  seed?: number;
  /**
   * Weights of the "auto" combination: "equal" (default), or "accuracy" = 1 / MASE of each
   * member over 3 rolling origins of `horizon` steps (about four times the work; equal weights,
   * with a note, when the history is too short). Ignored by the other methods.
   * @default "equal"
   */
  combination?: 'equal' | 'accuracy';
  /**
   * The series' kept forecasts (track-record.ts), for `combination: "accuracy"`: the weights come
   * from the members' errors at the kept origins instead of refitting them at 3 past origins, and
   * the result's `kept` holds what to keep for the next calculation. Without a usable record the
   * origins are refitted once and kept (`kept` then holds them too). Ignored otherwise.
   */
  trackRecord?: { series: string; records: ReadonlyArray<ForecastRecord> };
  /**
   * Robust outlier adjustment before fitting: "keep" (default) fits the history as given;
   * "adjust" replaces values far outside the series' robust trend and seasonal pattern by what
   * that pattern expects, and lists them in `outliers` (see outliers.ts). Applies to every method.
   * @default "keep"
   */
  outliers?: 'keep' | 'adjust';
}

/** A history value the outlier adjustment replaced. */
export interface AdjustedOutlier {
  /** Position in the request's `values` (0-based, blanks counted). */
  index: number;
  /** The value given. */
  value: number;
  /** The value fitted in its place. */
  replacement: number;
}

export interface ForecastInterval {
  /** Level in percent, as requested. */
  level: number;
  lower: number[];
  upper: number[];
}

export interface ForecastResult {
  /** Point forecasts, `horizon` values. */
  mean: number[];
  /** One entry per requested level, in the order requested. */
  intervals: ForecastInterval[];
  /** The method actually used, e.g. "hw", "ses", "snaive", or an ETS code such as "AAA". */
  method: string;
  /** Season length used (1 = none). */
  seasonPeriod: number;
  /** Count of blanks inside the history that were interpolated. */
  interpolated: number;
  /** Values replaced by the outlier adjustment (empty unless `outliers` was "adjust"). */
  outliers: AdjustedOutlier[];
  /** Plain-language notes for the user (e.g. "too short for seasonality: non-seasonal model used"). */
  notes: string[];
  /** Forecasts to keep in the series' track record (only when the request gave `trackRecord`). */
  kept?: ForecastRecord[];
}

/** Named methods `rollingForecast` accepts (besides explicit ETS codes such as "MAdM"). */
export const FORECAST_METHODS = [
  'auto',
  'ets',
  'arima',
  'theta',
  'snaive',
  'naive',
  'ses',
  'holt',
  'damped',
  'hw',
  'hw-mult',
] as const;
