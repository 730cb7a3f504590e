/**
 * Runs a scenario for the pane through the job protocol (src/jobs) and reports progress; `cancel()`
 * stops it between blocks. The same runner serves both places a run can happen: the scenario Web
 * Worker (taskpane/workers/scenario-worker.ts, which spreads the blocks over its own block workers,
 * one per core, so a 1,000,000-trial run never blocks the pane) and,
 * where no worker can start, the pane's own thread (the engine yields after every block). Either
 * way the job returns the same data and the outcome is built here, once.
 */
import type { JobPool } from '../../src/jobs/pool';
import { scenarioJobHandlers } from '../../src/scenario/jobs';
import type { ScenarioJobResult, ScenarioJobs } from '../../src/scenario/jobs';
import { createJobPool } from '../../src/jobs/pool';
import { estimateTimeLeft, finishRatio, type ProgressSample } from '../../src/jobs/time-left';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { histogram } from '../../src/stats/histogram';
import type { RunOutcome } from '../results/types';

export interface RunProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, ms, from the measured throughput (null until there is a rate). */
  remainingMs: number | null;
  /** The range of the estimate, ms: at the fastest and the slowest recent rate. */
  lowMs?: number;
  highMs?: number;
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  cancel(): void;
}

export interface ScenarioRunner {
  readonly where: 'worker' | 'pane thread';
  start(name: string, spec: ScenarioSpec, onProgress: (p: RunProgress) => void, keepTrials: boolean): RunHandle;
}

/** What the results view and the workbook writer get from a finished job. */
export function runOutcome(name: string, job: ScenarioJobResult, keepTrials: boolean, elapsedMs: number): RunOutcome {
  const columns = job.outputs.filter((o) => job.trials[o]).map((o) => [o, job.trials[o]] as const);
  return {
    scenarioName: name,
    iterations: job.iterations,
    seed: job.seed,
    result: job.result,
    histograms:
      job.histograms ?? Object.fromEntries(columns.map(([o, values]) => [o, histogram(values, HISTOGRAM_BINS)])),
    trials: keepTrials ? Object.fromEntries(columns) : undefined,
    elapsedMs,
  };
}

/** Bars of the results view's histograms. */
const HISTOGRAM_BINS = 30;

/** A runner over a job pool: its worker when it has one, this thread otherwise. */
export function createScenarioRunner(
  pool: JobPool<ScenarioJobs>,
  now: () => number = () => performance.now(),
): ScenarioRunner {
  // The work after the last trial (statistics, ranks, moving the trials back) as a share of the
  // trial phase, measured on the previous run and used by the next run's time left.
  let measuredFinish = 0;
  return {
    get where() {
      return pool.workers > 0 ? 'worker' : 'pane thread';
    },
    start(name, spec, onProgress, keepTrials) {
      const controller = new AbortController();
      const started = now();
      const samples: ProgressSample[] = [];
      // The histograms are drawn where the trials are; the trials come back (moved, not copied)
      // only when the user keeps them to write, so a 1M-trial answer costs the pane's thread nothing.
      const done = pool
        .run(
          'scenario.run',
          { spec: { ...spec, sensitivity: true }, trials: keepTrials ? '*' : [], histogramBins: HISTOGRAM_BINS },
          {
            signal: controller.signal,
            onProgress: ({ done: d, total }) => {
              const elapsedMs = now() - started;
              samples.push({ done: d, elapsedMs });
              const left = estimateTimeLeft(samples, total, { finishRatio: measuredFinish });
              onProgress({
                done: d,
                total,
                elapsedMs,
                remainingMs: left?.remainingMs ?? null,
                lowMs: left?.lowMs,
                highMs: left?.highMs,
              });
            },
          },
        )
        .then((job) => {
          const finishedMs = now() - started;
          const last = samples[samples.length - 1];
          if (last && last.done >= job.iterations) measuredFinish = finishRatio(last.elapsedMs, finishedMs);
          return runOutcome(name, job, keepTrials, finishedMs);
        });
      return { done, cancel: () => controller.abort() };
    },
  };
}

/** A runner on the pane's own thread (tests, hosts without workers, `?runner=thread`). */
export function createThreadRunner(): ScenarioRunner {
  return createScenarioRunner(createJobPool({ handlers: scenarioJobHandlers }));
}
