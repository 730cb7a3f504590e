/**
 * Starts the scenario Web Worker. Kept apart from the runner because `import.meta.url` is how the
 * bundler finds and emits the worker's own chunk, and tests import the runner without it.
 * @returns the worker, or null where the host cannot start one (the pane then runs on its thread).
 */
export function startScenarioWorker(): Worker | null {
  try {
    return new Worker(new URL('../workers/scenario-worker.ts', import.meta.url));
  } catch {
    return null;
  }
}
