/**
 * Starts the Web Workers of the built add-in's custom functions. Kept apart from the pool because
 * `import.meta.url` is how the bundler finds and emits the worker's own chunk, and tests import the
 * pool without it. One worker per core, at most 4 and at least 1; none when the page asks for
 * `?workers=0` (benchmarks compare both; `?forecastWorkers=` is the older spelling) or the host
 * cannot start workers.
 */
import { webWorkerEndpoint } from '../src/jobs/endpoints';
import type { JobEndpoint, WebWorkerLike } from '../src/jobs/endpoints';
import { useCellWorkers } from './cell-jobs';

function start(): JobEndpoint | null {
  try {
    const worker = new Worker(new URL('./workers/cell-worker.ts', import.meta.url));
    return webWorkerEndpoint(worker as unknown as WebWorkerLike);
  } catch {
    return null;
  }
}

export function startCellWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  const query = new URLSearchParams(globalThis.location?.search ?? '');
  const asked = query.get('workers') ?? query.get('forecastWorkers');
  const cores = globalThis.navigator?.hardwareConcurrency || 2;
  const count = asked !== null && /^\d+$/.test(asked) ? Math.min(Number(asked), 8) : Math.max(1, Math.min(4, cores));
  return useCellWorkers(start, count);
}
