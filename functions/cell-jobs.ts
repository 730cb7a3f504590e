/**
 * Where the custom functions compute: a pool of Web Workers when the entry point installed one
 * (functions/start-workers.ts in the built add-in), otherwise this thread (unit tests, hosts without
 * workers), through the one job protocol (src/jobs). A workbook recalculation calls every formula at
 * once; each is a pure function of its arguments, so they run in parallel on every core and the
 * add-in's thread (shared with the task pane) stays responsive. A forecast history always goes to the
 * same worker, so that worker's memoised fits answer an unchanged history; a Monte Carlo run goes to
 * whichever worker is free first.
 */
import { forecastJobHandlers } from '../src/forecast/jobs';
import type { ForecastJobs } from '../src/forecast/jobs';
import { createJobPool } from '../src/jobs/pool';
import type { JobPool, JobRunOptions } from '../src/jobs/pool';
import type { JobEndpoint } from '../src/jobs/endpoints';
import type { JobHandlers, JobKind } from '../src/jobs/protocol';
import { scenarioHandlersSpreading, scenarioJobHandlers } from '../src/scenario/jobs';
import type { ScenarioJobs } from '../src/scenario/jobs';

/** Every job a cell can run; functions/workers/cell-worker.ts serves the same handlers. */
export type CellJobs = ForecastJobs & ScenarioJobs;

export const cellJobHandlers: JobHandlers<CellJobs> = { ...forecastJobHandlers, ...scenarioJobHandlers };

/**
 * What a cell worker serves: every cell job, and a Monte Carlo run of two or more blocks spread over
 * block workers of its own (`start`, `size` of them, started on its first such run; they are more
 * cell workers that only get `scenario.block` jobs), merged on the cell worker, so neither Excel's
 * thread nor one core holds a large FPA.SCENARIO.MC. The spills are the same bits either way.
 */
export function cellWorkerHandlers(start: (() => JobEndpoint | null) | undefined, size: number): JobHandlers<CellJobs> {
  const blocks = () => createJobPool({ handlers: scenarioJobHandlers, start, size });
  return { ...forecastJobHandlers, ...scenarioHandlersSpreading(blocks) };
}

let pool: JobPool<CellJobs> = createJobPool({ handlers: cellJobHandlers });

/**
 * Starts `count` workers with `start` (which returns null where workers cannot run), replacing any
 * earlier pool (its unfinished jobs run on this thread). `count` 0 computes on this thread.
 * @returns the number of workers running
 */
export function useCellWorkers(start: () => JobEndpoint | null, count: number): number {
  pool.close();
  pool = createJobPool({ handlers: cellJobHandlers, start, size: count });
  return pool.workers;
}

/** Runs a cell's job on the pool (or on this thread when there is none). */
export function runCellJob<K extends JobKind<CellJobs>>(
  kind: K,
  payload: CellJobs[K]['payload'],
  options?: JobRunOptions,
): Promise<CellJobs[K]['result']> {
  return pool.run(kind, payload, options);
}
