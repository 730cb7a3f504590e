/**
 * The scenario engine's job for the job protocol (src/jobs): a Monte Carlo run, block by block, with
 * progress after every block and cancellation between blocks (so within one block's time: blockSize
 * trials, default 100,000, about a second for the standard model). FPA.SCENARIO.MC and its companions,
 * the task pane and the CLI run it; the numbers are the same on every thread.
 */
import type { JobHandlers } from '../jobs/protocol';
import { runScenarioAsync } from './run';
import type { ScenarioResult } from './run';
import type { ScenarioSpec } from './spec';

export interface ScenarioJob {
  spec: ScenarioSpec;
  /** Outputs whose trial values to send back ('*' = every output; names match case-insensitively). */
  trials?: readonly string[] | '*';
}

export interface ScenarioJobResult {
  result: ScenarioResult;
  /** The model's outputs, in the order it defines them. */
  outputs: string[];
  /** The seed used (the spec's, or the default). */
  seed: number;
  /** Trials run (fewer than asked when a convergence rule stopped early). */
  iterations: number;
  /** The trial values of the outputs asked for, by output name. */
  trials: Record<string, Float64Array>;
}

export type ScenarioJobs = {
  'scenario.run': { payload: ScenarioJob; result: ScenarioJobResult };
};

/**
 * How a run gives the event loop a turn between blocks, so progress goes out and a cancel comes in:
 * setImmediate where there is one (Node: no 1 ms timer clamp per block), otherwise the engine's
 * default, setTimeout 0 (browsers and Web Workers).
 */
const yieldControl =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;

export const scenarioJobHandlers: JobHandlers<ScenarioJobs> = {
  'scenario.run': async (job, context) => {
    const run = await runScenarioAsync(job.spec, {
      signal: context.signal,
      onProgress: ({ done, total }) => context.progress(done, total),
      yieldControl,
    });
    const outputs = run.plan.program.outputs;
    const wanted = job.trials === '*' ? outputs : (job.trials ?? []);
    const trials: Record<string, Float64Array> = {};
    for (const name of wanted) {
      const index = outputs.findIndex((o) => o.toLowerCase() === name.toLowerCase());
      if (index >= 0) trials[outputs[index]] = run.simulation.outputColumns[index];
    }
    // A 1,000,000-trial column is 8 MB: move it rather than copy it.
    context.transfer([...new Set(Object.values(trials).map((column) => column.buffer as ArrayBuffer))]);
    return { result: run.result, outputs, seed: run.plan.seed, iterations: run.simulation.trials, trials };
  },
};
