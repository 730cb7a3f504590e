/**
 * The scenario Web Worker: runs large Monte Carlo scenarios off the task pane's thread. All logic
 * lives in src/jobs and src/scenario/jobs.ts; this file only connects them to the worker's message
 * port. The pane starts it with taskpane/run/start-worker.ts and runs jobs through a job pool.
 */
import { serveWebWorker } from '../../src/jobs/endpoints';
import type { WebWorkerScopeLike } from '../../src/jobs/endpoints';
import { scenarioJobHandlers } from '../../src/scenario/jobs';

serveWebWorker(self as unknown as WebWorkerScopeLike, scenarioJobHandlers);
