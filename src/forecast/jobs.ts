/**
 * The forecast engine's jobs for the job protocol (src/jobs): what the custom functions and the CLI
 * hand to a worker. Each is a pure function of its request, so it gives the same answer on any
 * thread; an FpaError crosses as its fields and is rebuilt, so a cell shows the same message.
 */
import type { JobHandlers } from '../jobs/protocol';
import { fnv1a } from '../stats/fnv1a';
import { backtest } from './backtest';
import type { BacktestRequest, BacktestResult } from './backtest';
import { describeModel } from './describe-model';
import type { ModelDescriptionRequest, ModelFact } from './describe-model';
import { rollingForecast } from './rolling-forecast';
import type { ForecastRequest, ForecastResult, HistoryValue } from './types';

export type ForecastJobs = {
  'forecast.rolling': { payload: ForecastRequest; result: ForecastResult };
  'forecast.describe': { payload: ModelDescriptionRequest; result: ModelFact[] };
  'forecast.backtest': { payload: BacktestRequest; result: BacktestResult };
};

export const forecastJobHandlers: JobHandlers<ForecastJobs> = {
  'forecast.rolling': (request) => rollingForecast(request),
  'forecast.describe': (request) => describeModel(request),
  'forecast.backtest': (request) => backtest(request),
};

/**
 * The route of a forecast job: a hash of the history, so the same history always goes to the same
 * worker and that worker's memoised fits answer it (FORECAST.MODEL and BACKTEST reuse ROLLING's fits).
 */
export function forecastRoute(values: ReadonlyArray<HistoryValue>): number {
  return fnv1a(values.join(','));
}
