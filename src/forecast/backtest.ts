import type { HistoryValue } from './types';
import { ForecastErrors } from './errors';
import { prepareHistory } from './prepare-history';
import { rollingForecast } from './rolling-forecast';
import { HORIZON, withinBounds } from '../model/limits';

export interface BacktestRequest {
  values: ReadonlyArray<HistoryValue>;
  /** Steps ahead scored at each origin. */
  horizon: number;
  /** Number of forecast origins (the last one leaves exactly `horizon` values to score). @default 5 */
  origins?: number;
  method?: string;
  seasonality?: number;
  frequency?: number;
  seed?: number;
  /** Weights of the "auto" combination at each origin, as in `ForecastRequest`. @default "equal" */
  combination?: 'equal' | 'accuracy';
  /**
   * Robust outlier adjustment of each origin's training history before fitting, as in
   * `ForecastRequest` ("keep" or "adjust"). Forecasts are always scored against the values as given.
   * @default "keep"
   */
  outliers?: 'keep' | 'adjust';
}

export interface HorizonAccuracy {
  /** Steps ahead (1-based). */
  step: number;
  /** Number of (origin, step) forecasts scored at this step. */
  count: number;
  /** Mean absolute scaled error (scale: in-sample MAE of the seasonal naive at each origin). */
  mase: number;
  /** Symmetric MAPE in percent, M4 definition (0/0 counts as 0). */
  smape: number;
  /** Share of actuals inside the 80% / 95% intervals. */
  coverage80: number;
  coverage95: number;
}

export interface BacktestResult {
  method: string;
  origins: number;
  byHorizon: HorizonAccuracy[];
  overall: Omit<HorizonAccuracy, 'step'>;
}

/**
 * Rolling-origin evaluation of a forecasting method: the method is refitted at `origins` successive
 * origins (the history ending 1, 2, … periods earlier) and its forecasts are compared with what
 * happened. Reports MASE, sMAPE and the 80/95% interval coverage for each step ahead and overall.
 * The MASE scale at an origin is the in-sample mean absolute seasonal-naive error (lag m, or 1 when
 * the history is shorter than a season); origins whose scale is 0 are left out of MASE.
 * @throws FORECAST_TOO_SHORT when the first origin leaves less history than the method needs.
 * @example backtest({ values: sales, horizon: 6, origins: 4, method: 'auto' }).overall.mase
 */
export function backtest(request: BacktestRequest): BacktestResult {
  const y = prepareHistory(request.values).values;
  const h = request.horizon;
  const origins = request.origins ?? 5;
  if (!withinBounds(h, HORIZON)) throw ForecastErrors.badHorizon(h);
  if (!Number.isInteger(origins) || origins < 1) throw ForecastErrors.badOrigins(origins);
  const n = y.length;
  const firstEnd = n - h - origins + 1;
  if (firstEnd < 2)
    throw ForecastErrors.tooShort(`backtest of ${origins} origin(s) × ${h} step(s)`, h + origins + 1, n);
  const m = request.seasonality && request.seasonality > 1 ? request.seasonality : (request.frequency ?? 12);
  const acc = Array.from({ length: h }, () => ({ count: 0, ase: 0, aseCount: 0, smape: 0, in80: 0, in95: 0 }));
  let method = request.method ?? 'auto';
  for (let o = 0; o < origins; o++) {
    const end = firstEnd + o;
    const train = Array.from(y.subarray(0, end));
    const r = rollingForecast({
      values: train,
      horizon: h,
      method: request.method,
      seasonality: request.seasonality,
      frequency: request.frequency,
      levels: [80, 95],
      seed: request.seed,
      combination: request.combination,
      outliers: request.outliers,
    });
    method = r.method;
    const lag = end > m ? m : 1;
    let scale = 0;
    for (let t = lag; t < end; t++) scale += Math.abs(train[t] - train[t - lag]) / (end - lag);
    for (let k = 0; k < h && end + k < n; k++) {
      const actual = y[end + k];
      const f = r.mean[k];
      const a = acc[k];
      a.count++;
      if (scale > 0) {
        a.ase += Math.abs(actual - f) / scale;
        a.aseCount++;
      }
      const denom = Math.abs(actual) + Math.abs(f);
      a.smape += denom === 0 ? 0 : (200 * Math.abs(actual - f)) / denom;
      if (actual >= r.intervals[0].lower[k] && actual <= r.intervals[0].upper[k]) a.in80++;
      if (actual >= r.intervals[1].lower[k] && actual <= r.intervals[1].upper[k]) a.in95++;
    }
  }
  const byHorizon = acc.map((a, k) => ({
    step: k + 1,
    count: a.count,
    mase: a.aseCount ? a.ase / a.aseCount : NaN,
    smape: a.smape / a.count,
    coverage80: a.in80 / a.count,
    coverage95: a.in95 / a.count,
  }));
  const sum = (f: (a: (typeof acc)[number]) => number): number => acc.reduce((s, a) => s + f(a), 0);
  const count = sum((a) => a.count);
  const aseCount = sum((a) => a.aseCount);
  return {
    method,
    origins,
    byHorizon,
    overall: {
      count,
      mase: aseCount ? sum((a) => a.ase) / aseCount : NaN,
      smape: sum((a) => a.smape) / count,
      coverage80: sum((a) => a.in80) / count,
      coverage95: sum((a) => a.in95) / count,
    },
  };
}
