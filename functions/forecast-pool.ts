/**
 * Where the forecast custom functions compute: a pool of Web Workers when the entry point installed
 * one (functions/functions.ts in the built add-in), otherwise this thread (unit tests, hosts without
 * workers). A workbook recalculation calls every forecast formula at once; each is a pure function of
 * its arguments, so they fit in parallel on every core and the add-in's thread (shared with the task
 * pane) stays responsive. A history always goes to the same worker, so that worker's memoised fits
 * answer an unchanged history, and FORECAST.MODEL/BACKTEST on the same range reuse ROLLING's fits.
 */
import { runForecastJob, settleForecastReply } from '../src/forecast/worker-protocol';
import { fnv1a } from '../src/stats/fnv1a';
import type {
  ForecastJob,
  ForecastJobMessage,
  ForecastJobReply,
  ForecastJobResults,
} from '../src/forecast/worker-protocol';

/** The part of a Web Worker the pool uses. */
export interface ForecastWorker {
  postMessage(message: ForecastJobMessage): void;
  onmessage: ((event: { data: ForecastJobReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

interface Pending {
  job: ForecastJob;
  worker: ForecastWorker;
  resolve: (value: ForecastJobResults[ForecastJob['kind']]) => void;
  reject: (error: unknown) => void;
}

let workers: ForecastWorker[] = [];
const pending = new Map<number, Pending>();
let nextId = 1;

/** FNV-1a of the history's values: the same history always maps to the same worker. */
function historyHash(job: ForecastJob): number {
  return fnv1a(job.request.values.join(','));
}

function runHere<K extends ForecastJob['kind']>(
  job: Extract<ForecastJob, { kind: K }>,
): Promise<ForecastJobResults[K]> {
  try {
    return Promise.resolve(runForecastJob<K>(job));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A worker that fails (its script did not load, or it crashed) is dropped; its jobs run here. */
function retire(worker: ForecastWorker): void {
  workers = workers.filter((w) => w !== worker);
  worker.terminate();
  for (const [id, p] of [...pending]) {
    if (p.worker !== worker) continue;
    pending.delete(id);
    runHere(p.job).then(p.resolve, p.reject);
  }
}

/**
 * Starts `count` workers with `start` (which returns null where workers cannot run). Replaces any
 * earlier pool; `count` 0 computes in this thread.
 */
export function useForecastWorkers(start: () => ForecastWorker | null, count: number): number {
  // Jobs still pending on the old pool run here rather than never settling.
  for (const w of [...workers]) retire(w);
  for (let i = 0; i < count; i++) {
    const worker = start();
    if (!worker) break;
    worker.onmessage = (event) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      try {
        p.resolve(settleForecastReply(event.data));
      } catch (error) {
        p.reject(error);
      }
    };
    worker.onerror = () => retire(worker);
    workers.push(worker);
  }
  return workers.length;
}

/** Runs a forecast job on the history's worker, or in this thread when there is no pool. */
export function computeForecast<K extends ForecastJob['kind']>(
  job: Extract<ForecastJob, { kind: K }>,
): Promise<ForecastJobResults[K]> {
  if (workers.length === 0) return runHere<K>(job);
  const worker = workers[historyHash(job) % workers.length];
  const id = nextId++;
  return new Promise<ForecastJobResults[K]>((resolve, reject) => {
    pending.set(id, { job, worker, resolve: resolve as Pending['resolve'], reject });
    worker.postMessage({ id, job });
  });
}
