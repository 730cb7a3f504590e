/**
 * The pane's Web Worker: runs large Monte Carlo scenarios and the Cash view's plans (`cash.plan`,
 * whose solver is glpk.js's browser entry, itself in its own worker) off the task pane's thread. A
 * scenario of two or more blocks is spread over this worker and block workers (more instances of
 * this same script, named `scenario-block`, one per other core and at most 4, started with this
 * worker; they only ever get `scenario.block` jobs), merged in block order here, with the statistics
 * and histograms computed here, so the pane's thread only receives the answer. The numbers are the same bits for any number of block workers,
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
import { warmUpEngine } from '../../src/scenario/warm-up';
import { glpkBrowserSolver } from '../../src/solver/glpk-browser';

/** The name block workers are started with: they serve `scenario.block` jobs and start no workers. */
const BLOCK_WORKER = 'scenario-block';

const startBlockWorker = (): JobEndpoint | null =>
  tryWebWorker(() => new Worker(new URL('./scenario-worker.ts', import.meta.url), { name: BLOCK_WORKER }));

const blockPool = () =>
  createJobPool({
    handlers: scenarioJobHandlers,
    start: typeof Worker === 'undefined' ? undefined : startBlockWorker,
    // The coordinating worker runs blocks too: one block worker per other core.
    size: workersForCores(1),
    // Each block worker holds its next block, so it does not wait for the coordinator to finish a
    // block of its own before it hears that the last one is in and gets another.
    pipeline: 2,
  });

// The pane's worker starts its block workers at once, while the pane is idle, not on the first large
// run: a worker started from a worker loads only when its parent's thread has a turn, and the
// coordinator's first turn in a run is a block of its own, so a block worker started then joined
// the run 0.2–0.6 s late, and the coordinator ran two blocks for each of the worker's.
const isBlockWorker = (self as unknown as { name?: string }).name === BLOCK_WORKER;
const blocks = isBlockWorker ? undefined : blockPool();

serveWebWorker<ScenarioJobs & CashJobs>(self as unknown as WebWorkerScopeLike, {
  // The outputs' statistics of a finished run (0.4 s of CPU at 1,000,000 trials) are shared with
  // the block workers too.
  ...(blocks ? scenarioHandlersSpreading(() => blocks, { describeOnWorkers: true }) : scenarioJobHandlers),
  ...createCashJobHandlers(glpkBrowserSolver),
});

// Every scenario worker (this one and its block workers) runs the engine once while the pane is idle,
// so the first blocks of the user's first run do not run cold (src/scenario/warm-up.ts). Blocks of
// 20,000 trials: the size of a large run's blocks in the pane (ScenariosView).
setTimeout(() => warmUpEngine(20_000, 2), 0);
