/**
 * The custom functions' Web Worker: runs forecast and scenario jobs posted by functions/cell-jobs.ts.
 * All logic is in src/jobs and the engines' job handlers; this file only connects them to the
 * worker's message port.
 */
import { serveWebWorker } from '../../src/jobs/endpoints';
import type { WebWorkerScopeLike } from '../../src/jobs/endpoints';
import { cellJobHandlers } from '../cell-jobs';

serveWebWorker(self as unknown as WebWorkerScopeLike, cellJobHandlers);
