/**
 * What a CLI worker thread runs: the forecast and scenario job handlers on its parentPort, through
 * the one job protocol (src/jobs). cli/jobs.ts starts it.
 */
import { parentPort } from 'node:worker_threads';
import { forecastJobHandlers } from '../src/forecast/jobs';
import type { ForecastJobs } from '../src/forecast/jobs';
import { serveNodePort } from '../src/jobs/endpoints';
import type { JobHandlers } from '../src/jobs/protocol';
import { scenarioJobHandlers } from '../src/scenario/jobs';
import type { ScenarioJobs } from '../src/scenario/jobs';

export type CliJobs = ForecastJobs & ScenarioJobs;

export const cliJobHandlers: JobHandlers<CliJobs> = { ...forecastJobHandlers, ...scenarioJobHandlers };

export function serveCliJobs(): void {
  if (!parentPort) throw new Error('serveCliJobs runs inside a worker thread');
  serveNodePort(parentPort, cliJobHandlers);
}
