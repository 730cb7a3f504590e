/**
 * How a CLI worker thread knows it is one: cli/jobs.ts puts this mark in its workerData. Kept apart
 * from cli/worker.ts so the bundle's entry can check it without loading the engines.
 */
import { parentPort, workerData } from 'node:worker_threads';

export const CLI_WORKER_MARK = 'openfpa-cli-jobs';

/** True inside a worker thread started by cli/jobs.ts. */
export function isCliWorker(): boolean {
  return parentPort !== null && (workerData as { mark?: unknown } | null)?.mark === CLI_WORKER_MARK;
}
