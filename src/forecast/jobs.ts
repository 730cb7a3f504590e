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
 * The route of a forecast job: a hash of the history's largest value, so the same history always goes
 * to the same worker and that worker's memoised fits answer it (FORECAST.MODEL and BACKTEST reuse
 * ROLLING's fits), and so does the history after its next actual, whether the range grew by one value
 * or moved one value along, unless the new actual is a new largest value or the moved window dropped
 * the largest: that worker starts automatic ETS from last month's fits (fit-cache.ts). A hash of the
 * whole history sent every new history to any worker (half of them elsewhere with two workers).
 * Blanks are skipped; a history without a number routes as 0.
 * @example forecastRoute([3, 9, 4]) === forecastRoute([9, 4, 5]) // true: the window moved, 9 stayed
 */
export function forecastRoute(values: ReadonlyArray<HistoryValue>): number {
  let largest = -Infinity;
  for (const v of values) if (typeof v === 'number' && v > largest) largest = v;
  return largest === -Infinity ? 0 : fnv1a(String(largest));
}
