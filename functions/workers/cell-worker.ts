/**
 * The custom functions' Web Worker: runs forecast and scenario jobs posted by functions/cell-jobs.ts.
 * A large Monte Carlo run spreads its blocks over block workers, which are more instances of this
 * script (started on the first such run, one per other core and at most 4; they only get block jobs).
 * All logic is in src/jobs, the engines' job handlers and functions/cell-jobs.ts; this file only
 * connects them to the worker's message port.
 */
import { serveWebWorker, tryWebWorker, workersForCores } from '../../src/jobs/endpoints';
import type { JobEndpoint, WebWorkerScopeLike } from '../../src/jobs/endpoints';
import { cellWorkerHandlers } from '../cell-jobs';

const startBlockWorker = (): JobEndpoint | null =>
  tryWebWorker(() => new Worker(new URL('./cell-worker.ts', import.meta.url)));

const start = typeof Worker === 'undefined' ? undefined : startBlockWorker;
// This worker runs blocks too while it coordinates: one block worker per other core.
serveWebWorker(self as unknown as WebWorkerScopeLike, cellWorkerHandlers(start, workersForCores(1)));
