/**
 * The CLI's job pool: worker_threads Workers running the same job protocol (src/jobs) and the same
 * handlers as the add-in's Web Workers, or this thread when one worker is asked for. Under the
 * bundled CLI (dist-cli/openfpa.cjs) a worker runs the bundle itself; from the TypeScript sources
 * (tests, the tsx fallback) it registers tsx and loads cli/worker.ts.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { nodeWorkerEndpoint } from '../src/jobs/endpoints';
import type { JobEndpoint } from '../src/jobs/endpoints';
import { createJobPool } from '../src/jobs/pool';
import type { JobPool } from '../src/jobs/pool';
import { cliJobHandlers } from './worker';
import { CLI_WORKER_MARK } from './worker-mark';
import type { CliJobs } from './worker';

/** Set to true by the bundler (scripts/build-cli.cjs) in dist-cli/openfpa.cjs. */
declare const OPENFPA_BUNDLED: boolean | undefined;

const bundled = typeof OPENFPA_BUNDLED !== 'undefined' && OPENFPA_BUNDLED;

function startWorker(): JobEndpoint {
  const workerData = { mark: CLI_WORKER_MARK, entry: path.join(__dirname, 'worker.ts') };
  const worker = bundled
    ? new Worker(__filename, { workerData })
    : new Worker(
        "const { workerData } = require('node:worker_threads'); require('tsx/cjs/api').register(); require(workerData.entry).serveCliJobs();",
        { eval: true, workerData },
      );
  return nodeWorkerEndpoint(worker);
}

/**
 * A pool of `workers` worker threads (this thread alone when `workers` is 1 or less). Close it when
 * done: its workers keep the process alive.
 */
export function cliJobPool(workers: number): JobPool<CliJobs> {
  return createJobPool({ handlers: cliJobHandlers, start: startWorker, size: workers > 1 ? workers : 0 });
}

/**
 * A pool of exactly `helpers` worker threads (none: this thread), for a coordinator that runs work on
 * its own thread too (a scenario's blocks: src/scenario/parallel.ts). Close it when done.
 */
export function cliHelperPool(helpers: number): JobPool<CliJobs> {
  return createJobPool({ handlers: cliJobHandlers, start: startWorker, size: Math.max(0, helpers) });
}
