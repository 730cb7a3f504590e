/**
 * The one job protocol: how the custom functions, the task pane and the CLI hand heavy work to a
 * runner on another thread (a Web Worker, a worker_threads Worker) or on their own thread, with
 * progress, cancellation and errors that keep their code, kind, message, hint and field.
 *
 * Every message is plain data, safe to structured-clone (numbers, strings, arrays, records, typed
 * arrays). The client sends `run` and may send `cancel` with the same id; the runner answers with any
 * number of `progress` messages, then exactly one `result` or `error`.
 *
 *   client ── { type: 'run', id, kind, payload } ───────────► runner
 *   client ◄── { type: 'progress', id, done, total } ──────── runner   (0..n times)
 *   client ── { type: 'cancel', id } ─────────────────────► runner   (optional)
 *   client ◄── { type: 'result', id, value } | { type: 'error', id, error } ── runner
 *
 * What a kind of job takes and returns is declared in a catalogue type next to its engine (e.g.
 * src/forecast/jobs.ts, src/scenario/jobs.ts), with the handlers a runner runs.
 */
import { FpaError, isFpaError } from '../errors';
import type { FpaErrorKind } from '../errors';

/** Kinds of job and what each takes and returns. */
export type JobCatalogue = Record<string, { payload: unknown; result: unknown }>;

export type JobKind<C extends JobCatalogue> = keyof C & string;

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Aborted when the client cancels the job; long handlers check it between steps. */
  readonly signal: AbortSignal;
  /** Reports progress to the client (e.g. trials done out of total). */
  progress(done: number, total: number): void;
  /** Buffers of the result to move rather than copy (they become unusable here). */
  transfer(buffers: readonly ArrayBuffer[]): void;
}

/** The code that runs each kind of job. */
export type JobHandlers<C extends JobCatalogue> = {
  [K in JobKind<C>]: (payload: C[K]['payload'], context: JobContext) => C[K]['result'] | Promise<C[K]['result']>;
};

/** A failure as data: an FpaError's fields, or an unexpected exception's message. */
export interface JobErrorData {
  code: string;
  kind: FpaErrorKind;
  message: string;
  hint: string;
  field?: string;
  period?: number;
  data?: Record<string, unknown>;
  /** Not an FpaError: a bug or a host failure, rebuilt as a plain Error. */
  unexpected?: true;
}

/** Client → runner. */
export type JobRequest = { type: 'run'; id: number; kind: string; payload: unknown } | { type: 'cancel'; id: number };

/** Runner → client. */
export type JobReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: JobErrorData };

/** Progress as a client sees it. */
export interface JobProgress {
  done: number;
  total: number;
}

/** The data of any thrown value, ready to cross a port. */
export function jobErrorData(error: unknown): JobErrorData {
  if (isFpaError(error)) {
    const out: JobErrorData = { code: error.code, kind: error.kind, message: error.message, hint: error.hint };
    if (error.field !== undefined) out.field = error.field;
    if (error.period !== undefined) out.period = error.period;
    if (error.data !== undefined) out.data = error.data;
    return out;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', kind: 'internal', message, hint: '', unexpected: true };
}

/** The error a client throws for a runner's `error` reply: the same FpaError, or a plain Error. */
export function errorFromJob(data: JobErrorData): Error {
  if (data.unexpected) return new Error(data.message);
  return new FpaError(data.code, data.kind, data.message, data.hint, {
    field: data.field,
    period: data.period,
    data: data.data,
  });
}
