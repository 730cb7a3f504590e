/**
 * Starts the Web Workers of the built add-in's custom functions. Kept apart from the pool because
 * `import.meta.url` is how the bundler finds and emits the worker's own chunk, and tests import the
 * pool without it. One worker per core, at most 4 and at least 1; none when the page asks for
 * `?workers=0` (benchmarks compare both; `?forecastWorkers=` is the older spelling) or the host
 * cannot start workers.
 */
import { tryWebWorker, workersForCores } from '../src/jobs/endpoints';
import type { JobEndpoint } from '../src/jobs/endpoints';
import { useCellWorkers } from './cell-jobs';

const start = (): JobEndpoint | null =>
  tryWebWorker(() => new Worker(new URL('./workers/cell-worker.ts', import.meta.url)));

export function startCellWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  const query = new URLSearchParams(globalThis.location?.search ?? '');
  const asked = query.get('workers') ?? query.get('forecastWorkers');
  const count = asked !== null && /^\d+$/.test(asked) ? Math.min(Number(asked), 8) : workersForCores();
  return useCellWorkers(start, count);
}
