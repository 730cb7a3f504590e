/**
 * Starts the scenario Web Worker as a job endpoint. Kept apart from the runner because
 * `import.meta.url` is how the bundler finds and emits the worker's own chunk, and tests import the
 * runner without it.
 * @returns the endpoint, or null where the host cannot start a worker (the pane then runs on its thread).
 */
import { tryWebWorker } from '../../src/jobs/endpoints';
import type { JobEndpoint } from '../../src/jobs/endpoints';

export function startScenarioWorker(): JobEndpoint | null {
  return tryWebWorker(() => new Worker(new URL('../workers/scenario-worker.ts', import.meta.url)));
}
