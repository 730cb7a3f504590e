/**
 * Runs scenarios in a Web Worker (taskpane/workers/scenario-worker.ts) so a 1,000,000-trial run never
 * blocks the pane: progress arrives after every block, Cancel stops the worker's run before its next
 * block, and the trial columns come back transferred (not copied) for the histograms.
 */
import { ScenarioErrors } from '../../src/scenario/errors';
import { FpaError, type FpaErrorKind } from '../../src/errors';
import type { ScenarioSpec } from '../../src/scenario/spec';
import type { ScenarioWorkerEvent, ScenarioWorkerRequest } from '../../src/scenario/worker-protocol';
import { binValues } from '../results/histogram';
import type { RunOutcome } from '../results/types';
import { remainingTime, type ScenarioRunner } from './scenario-runner';

/** The part of a Worker the runner uses, so tests can pass a stand-in. */
export interface WorkerPort {
  postMessage(message: ScenarioWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ScenarioWorkerEvent }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: ScenarioWorkerEvent }) => void): void;
}

let nextId = 0;

export function createWorkerRunner(worker: WorkerPort, now: () => number = () => performance.now()): ScenarioRunner {
  return {
    where: 'worker',
    start(name, spec: ScenarioSpec, onProgress, keepTrials) {
      const id = `run-${++nextId}`;
      const started = now();
      let listener: ((event: { data: ScenarioWorkerEvent }) => void) | null = null;
      const done = new Promise<RunOutcome>((resolve, reject) => {
        listener = ({ data }) => {
          if (data.id !== id) return;
          if (data.type === 'progress') {
            const elapsedMs = now() - started;
            onProgress({
              done: data.done,
              total: data.total,
              elapsedMs,
              remainingMs: remainingTime(data.done, data.total, elapsedMs),
            });
            return;
          }
          worker.removeEventListener('message', listener!);
          if (data.type === 'cancelled') reject(ScenarioErrors.cancelled());
          else if (data.type === 'error') reject(new FpaError(data.code, data.kind as FpaErrorKind, data.message, ''));
          else {
            const columns = data.trials ?? {};
            const histograms = Object.fromEntries(
              Object.entries(columns).map(([output, values]) => [output, binValues(values, 30)]),
            );
            resolve({
              scenarioName: name,
              iterations: data.result.trials ?? spec.iterations ?? 0,
              seed: spec.seed ?? 1,
              result: data.result,
              histograms,
              trials: keepTrials ? columns : undefined,
              elapsedMs: now() - started,
            });
          }
        };
        worker.addEventListener('message', listener);
      });
      // Every output's trials come back: the pane draws a histogram of each.
      worker.postMessage({ type: 'run', id, spec: { ...spec, sensitivity: true }, trials: ['*'] });
      return { done, cancel: () => worker.postMessage({ type: 'cancel', id }) };
    },
  };
}
