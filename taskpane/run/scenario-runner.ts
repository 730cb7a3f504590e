/**
 * Runs a scenario for the pane and reports progress; `cancel()` stops it between blocks. This
 * implementation runs the engine's cooperative `runScenarioAsync` on the pane's thread, yielding
 * to the UI after every block; a Web Worker runner (taskpane/workers/scenario-worker.ts, owned by
 * the scenario engine) can implement the same interface.
 */
import { runScenarioAsync } from '../../src/scenario/run';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { binValues } from '../results/histogram';
import type { RunOutcome } from '../results/types';

export interface RunProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, ms (null until the first block is done). */
  remainingMs: number | null;
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  cancel(): void;
}

export interface ScenarioRunner {
  readonly where: 'worker' | 'pane thread';
  start(name: string, spec: ScenarioSpec, onProgress: (p: RunProgress) => void, keepTrials: boolean): RunHandle;
}

/** Time left by linear extrapolation of the rate so far. */
export function remainingTime(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0) return null;
  return Math.max(0, (elapsedMs / done) * (total - done));
}

export function createThreadRunner(): ScenarioRunner {
  return {
    where: 'pane thread',
    start(name, spec, onProgress, keepTrials) {
      const controller = new AbortController();
      const started = performance.now();
      const done = runScenarioAsync(
        { ...spec, sensitivity: true },
        {
          signal: controller.signal,
          onProgress: ({ done: d, total }) => {
            const elapsedMs = performance.now() - started;
            onProgress({ done: d, total, elapsedMs, remainingMs: remainingTime(d, total, elapsedMs) });
          },
        },
      ).then(({ result, plan, simulation }) => {
        const histograms = Object.fromEntries(
          plan.program.outputs.map((o, i) => [o, binValues(simulation.outputColumns[i], 30)]),
        );
        const trials = keepTrials
          ? Object.fromEntries(plan.program.outputs.map((o, i) => [o, simulation.outputColumns[i]]))
          : undefined;
        return {
          scenarioName: name,
          iterations: simulation.trials,
          seed: plan.seed,
          result,
          histograms,
          trials,
          elapsedMs: performance.now() - started,
        } satisfies RunOutcome;
      });
      return { done, cancel: () => controller.abort() };
    },
  };
}
