/**
 * The forecast engine behind a message port: the custom functions post jobs to a pool of Web
 * Workers (one per core) so that a workbook's forecast formulas fit in parallel and Excel's
 * add-in thread stays free. Jobs and replies are plain data (structured-clone safe); an FpaError
 * crosses the port as its fields and is rebuilt on the other side, so the cell shows the same
 * message as when the engine runs in-thread.
 */
import { FpaError, isFpaError } from '../errors';
import type { FpaErrorKind } from '../errors';
import { backtest } from './backtest';
import type { BacktestRequest, BacktestResult } from './backtest';
import { describeModel } from './describe-model';
import type { ModelDescriptionRequest, ModelFact } from './describe-model';
import { rollingForecast } from './rolling-forecast';
import type { ForecastRequest, ForecastResult } from './types';

/** One computation: what the custom function would have called in-thread. */
export type ForecastJob =
  | { kind: 'rolling'; request: ForecastRequest }
  | { kind: 'describe'; request: ModelDescriptionRequest }
  | { kind: 'backtest'; request: BacktestRequest };

/** What each job kind returns. */
export interface ForecastJobResults {
  rolling: ForecastResult;
  describe: ModelFact[];
  backtest: BacktestResult;
}

export interface ForecastJobMessage {
  id: number;
  job: ForecastJob;
}

export type ForecastJobReply =
  | { id: number; ok: true; value: ForecastJobResults[ForecastJob['kind']] }
  | {
      id: number;
      ok: false;
      error: { code: string; kind: FpaErrorKind; message: string; hint: string; field?: string };
    };

/**
 * Runs a job in this thread.
 * @throws whatever the engine throws (FpaErrors for bad input).
 */
export function runForecastJob<K extends ForecastJob['kind']>(
  job: Extract<ForecastJob, { kind: K }>,
): ForecastJobResults[K];
export function runForecastJob(job: ForecastJob): ForecastJobResults[ForecastJob['kind']] {
  switch (job.kind) {
    case 'rolling':
      return rollingForecast(job.request);
    case 'describe':
      return describeModel(job.request);
    case 'backtest':
      return backtest(job.request);
  }
}

/** The worker's side: runs the job and shapes the reply, never throws. */
export function answerForecastJob(message: ForecastJobMessage): ForecastJobReply {
  try {
    return { id: message.id, ok: true, value: runForecastJob(message.job) };
  } catch (error) {
    if (isFpaError(error)) {
      return {
        id: message.id,
        ok: false,
        error: { code: error.code, kind: error.kind, message: error.message, hint: error.hint, field: error.field },
      };
    }
    const text = error instanceof Error ? error.message : String(error);
    return { id: message.id, ok: false, error: { code: 'INTERNAL', kind: 'internal', message: text, hint: '' } };
  }
}

/** The caller's side: the job's value, or the engine's error rebuilt. */
export function settleForecastReply(reply: ForecastJobReply): ForecastJobResults[ForecastJob['kind']] {
  if (reply.ok) return reply.value;
  const e = reply.error;
  if (e.code === 'INTERNAL') throw new Error(e.message);
  throw new FpaError(e.code, e.kind, e.message, e.hint, { field: e.field });
}
