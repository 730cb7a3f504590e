/**
 * The scenario engine's jobs for the job protocol (src/jobs):
 * - `scenario.run`: a whole Monte Carlo run, with progress after every block and cancellation between
 *   blocks. FPA.SCENARIO.MC and its companions, the task pane and the CLI run it. Given a way to run
 *   blocks elsewhere (`createScenarioJobHandlers(runBlock)`: the pane's scenario worker hands its
 *   blocks to its own block workers), it spreads the blocks and merges them (src/scenario/parallel.ts);
 *   otherwise it runs them on its own thread. The numbers are the same either way.
 * - `scenario.block`: one block of a run (src/scenario/block.ts), for a coordinator that spreads a
 *   run over workers; its output columns are moved, not copied.
 */
import type { JobContext, JobHandlers } from '../jobs/protocol';
import { BlockResult, simulateBlock } from './block';
import { runScenarioOnBlocks } from './parallel';
import type { RunBlock, ScenarioBlockJob } from './parallel';
import { runScenarioAsync } from './run';
import type { ScenarioResult, ScenarioRun } from './run';
import { prepareScenario } from './spec';
import type { PreparedScenario, ScenarioSpec } from './spec';

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
  'scenario.block': { payload: ScenarioBlockJob; result: BlockResult };
};

/**
 * How a run gives the event loop a turn between blocks, so progress goes out and a cancel comes in:
 * setImmediate where there is one (Node: no 1 ms timer clamp per block), otherwise the engine's
 * default, setTimeout 0 (browsers and Web Workers).
 */
const yieldControl =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;

/** The job's answer for a finished run: statistics and the trial columns asked for (moved). */
export function scenarioJobResult(run: ScenarioRun, job: ScenarioJob, context: JobContext): ScenarioJobResult {
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
}

/** The last plan a block worker prepared, by its spec's text: the blocks of one run share it. */
let cachedPlan: { key: string; plan: PreparedScenario } | undefined;

function planFor(spec: ScenarioSpec): PreparedScenario {
  const key = JSON.stringify(spec);
  if (cachedPlan?.key !== key) cachedPlan = { key, plan: prepareScenario(spec) };
  return cachedPlan.plan;
}

/** Runs one block on this thread (what a block worker does with a `scenario.block` job). */
export function runBlockHere(job: ScenarioBlockJob): BlockResult {
  return simulateBlock(planFor(job.spec), job.slot);
}

/**
 * The handlers, with `scenario.run` spreading its blocks through `runBlock` when one is given.
 * @param concurrency blocks in flight at once with `runBlock` (e.g. twice the workers)
 */
export function createScenarioJobHandlers(runBlock?: RunBlock, concurrency?: number): JobHandlers<ScenarioJobs> {
  return {
    'scenario.run': async (job, context) => {
      const options = {
        signal: context.signal,
        onProgress: ({ done, total }: { done: number; total: number }) => context.progress(done, total),
      };
      const run = runBlock
        ? await runScenarioOnBlocks(job.spec, runBlock, { ...options, concurrency })
        : await runScenarioAsync(job.spec, { ...options, yieldControl });
      return scenarioJobResult(run, job, context);
    },
    'scenario.block': (job, context) => {
      const block = runBlockHere(job);
      context.transfer(block.outputs.map((column) => column.buffer as ArrayBuffer));
      return block;
    },
  };
}

/** The handlers that run everything on the thread that serves them. */
export const scenarioJobHandlers: JobHandlers<ScenarioJobs> = createScenarioJobHandlers();
