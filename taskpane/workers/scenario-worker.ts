/**
 * The pane's Web Worker: runs large Monte Carlo scenarios and the Cash view's plans (`cash.plan`,
 * whose solver is glpk.js's browser entry, itself in its own worker) off the task pane's thread. A
 * scenario of two or more blocks is spread over this worker and block workers (more instances of
 * this same script, one per other core and at most 4, started on the first such run; they only ever
 * get `scenario.block` jobs), merged in block order here, with the statistics and histograms computed here, so the pane's
 * thread only receives the answer. The numbers are the same bits for any number of block workers,
 * and where a worker cannot start one it runs the blocks itself. All logic lives in src/jobs,
 * src/scenario/jobs.ts and src/cash/jobs.ts; this file only connects them to the ports. The pane
 * starts it with taskpane/run/start-worker.ts and runs jobs through a job pool.
 */
import { createCashJobHandlers } from '../../src/cash/jobs';
import type { CashJobs } from '../../src/cash/jobs';
import { serveWebWorker, tryWebWorker, workersForCores } from '../../src/jobs/endpoints';
import type { JobEndpoint, WebWorkerScopeLike } from '../../src/jobs/endpoints';
import { createJobPool } from '../../src/jobs/pool';
import { scenarioHandlersSpreading, scenarioJobHandlers } from '../../src/scenario/jobs';
import type { ScenarioJobs } from '../../src/scenario/jobs';
import { glpkBrowserSolver } from '../../src/solver/glpk-browser';

const startBlockWorker = (): JobEndpoint | null =>
  tryWebWorker(() => new Worker(new URL('./scenario-worker.ts', import.meta.url)));

const blockPool = () =>
  createJobPool({
    handlers: scenarioJobHandlers,
    start: typeof Worker === 'undefined' ? undefined : startBlockWorker,
    // The coordinating worker runs blocks too: one block worker per other core.
    size: workersForCores(1),
  });

serveWebWorker<ScenarioJobs & CashJobs>(self as unknown as WebWorkerScopeLike, {
  ...scenarioHandlersSpreading(blockPool),
  ...createCashJobHandlers(glpkBrowserSolver),
});
