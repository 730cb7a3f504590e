/**
 * What a CLI worker thread runs: the forecast and scenario job handlers on its parentPort, through
 * the one job protocol (src/jobs). cli/jobs.ts starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forecastJobHandlers } from '../src/forecast/jobs';
import type { ForecastJobs } from '../src/forecast/jobs';
import { serveNodePort } from '../src/jobs/endpoints';
import type { JobHandlers } from '../src/jobs/protocol';
import { scenarioJobHandlers } from '../src/scenario/jobs';
import type { ScenarioJobs } from '../src/scenario/jobs';

export type CliJobs = ForecastJobs & ScenarioJobs;

export const cliJobHandlers: JobHandlers<CliJobs> = { ...forecastJobHandlers, ...scenarioJobHandlers };

/** What cli/jobs.ts puts in a worker's workerData, so the bundle knows to serve jobs. */
export const CLI_WORKER_MARK = 'openfpa-cli-jobs';

/** True inside a worker thread started by cli/jobs.ts. */
export function isCliWorker(): boolean {
  return parentPort !== null && (workerData as { mark?: unknown } | null)?.mark === CLI_WORKER_MARK;
}

export function serveCliJobs(): void {
  if (!parentPort) throw new Error('serveCliJobs runs inside a worker thread');
  serveNodePort(parentPort, cliJobHandlers);
}
