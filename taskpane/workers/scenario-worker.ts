/**
 * The pane's Web Worker: runs large Monte Carlo scenarios and the Cash view's plans (`cash.plan`,
 * whose solver is glpk.js's browser entry, itself in its own worker) off the task pane's thread. All
 * logic lives in src/jobs, src/scenario/jobs.ts and src/cash/jobs.ts; this file only connects them to
 * the worker's message port. The pane starts it with taskpane/run/start-worker.ts and runs jobs
 * through a job pool.
 */
import { createCashJobHandlers } from '../../src/cash/jobs';
import type { CashJobs } from '../../src/cash/jobs';
import { serveWebWorker } from '../../src/jobs/endpoints';
import type { WebWorkerScopeLike } from '../../src/jobs/endpoints';
import { scenarioJobHandlers } from '../../src/scenario/jobs';
import type { ScenarioJobs } from '../../src/scenario/jobs';
import { glpkBrowserSolver } from '../../src/solver/glpk-browser';

serveWebWorker<ScenarioJobs & CashJobs>(self as unknown as WebWorkerScopeLike, {
  ...scenarioJobHandlers,
  ...createCashJobHandlers(glpkBrowserSolver),
});
