/**
 * Starts the forecast worker pool of the built add-in. Kept apart from the pool because
 * `import.meta.url` is how the bundler finds and emits the worker's own chunk, and tests import the
 * pool without it. One worker per core, at most 4 and at least 1; none when the page asks for
 * `?forecastWorkers=0` (benchmarks compare both) or the host cannot start workers.
 */
import { useForecastWorkers } from './forecast-pool';
import type { ForecastWorker } from './forecast-pool';

function start(): ForecastWorker | null {
  try {
    return new Worker(new URL('./workers/forecast-worker.ts', import.meta.url)) as unknown as ForecastWorker;
  } catch {
    return null;
  }
}

export function startForecastWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('forecastWorkers');
  const cores = globalThis.navigator?.hardwareConcurrency || 2;
  const count = asked !== null && /^\d+$/.test(asked) ? Math.min(Number(asked), 8) : Math.max(1, Math.min(4, cores));
  return useForecastWorkers(start, count);
}
