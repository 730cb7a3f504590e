/**
 * The scenario engine's jobs for the job protocol (src/jobs):
 * - `scenario.run`: a whole Monte Carlo run, with progress after every block and cancellation between
 *   blocks. FPA.SCENARIO.MC and its companions, the task pane and the CLI run it. Given a way to run
 *   blocks elsewhere (`createScenarioJobHandlers(runBlock)`: the pane's scenario worker hands its
 *   blocks to its own block workers), it spreads the blocks and merges them (src/scenario/parallel.ts);
 *   otherwise it runs them on its own thread. The numbers are the same either way.
 * - `scenario.block`: one block of a run (src/scenario/block.ts), for a coordinator that spreads a
 *   run over workers; its output columns are moved, not copied.
 * - `scenario.describe`: one output's statistics (and histogram) once a spread run's trials are in,
 *   so the block workers share that work too; the column is moved there and back.
 */
import type { JobPool } from '../jobs/pool';
import type { JobContext, JobHandlers } from '../jobs/protocol';
import { histogram } from '../stats/histogram';
import type { Histogram } from '../stats/histogram';
import { BlockResult, simulateBlock } from './block';
import { runScenarioOnBlocks } from './parallel';
import type { RunBlock, ScenarioBlockJob } from './parallel';
import { describeHere, describeSpread } from './describe-outputs';
import type { DescribeElsewhere, DescribeJob, DescribeResult } from './describe-outputs';
import { runScenarioAsync } from './run';
import type { ScenarioResult, ScenarioRun } from './run';
import { prepareScenario } from './spec';
import type { PreparedScenario, ScenarioSpec } from './spec';

export interface ScenarioJob {
  spec: ScenarioSpec;
  /** Outputs whose trial values to send back ('*' = every output; names match case-insensitively). */
  trials?: readonly string[] | '*';
  /**
   * Bins of an equal-width histogram of every output, drawn where the trials are (the pane's charts
   * need no trial column on its thread). None when left out.
   */
  histogramBins?: number;
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
  /** Every output's histogram, with `histogramBins`. */
  histograms?: Record<string, Histogram>;
}

export type ScenarioJobs = {
  'scenario.run': { payload: ScenarioJob; result: ScenarioJobResult };
  'scenario.block': { payload: ScenarioBlockJob; result: BlockResult };
  'scenario.describe': { payload: DescribeJob; result: DescribeResult };
};

/**
 * How a run gives the event loop a turn between blocks, so progress goes out and a cancel comes in:
 * setImmediate where there is one (Node: no 1 ms timer clamp per block), otherwise the engine's
 * default, setTimeout 0 (browsers and Web Workers).
 */
const yieldControl =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;

/**
 * The job's answer for a finished run: statistics and the trial columns asked for (moved).
 * @param histograms every output's histogram when they were drawn already (with `job.histogramBins`)
 */
export function scenarioJobResult(
  run: ScenarioRun,
  job: ScenarioJob,
  context: JobContext,
  histograms?: Record<string, Histogram>,
): ScenarioJobResult {
  const outputs = run.plan.program.outputs;
  const wanted = job.trials === '*' ? outputs : (job.trials ?? []);
  const trials: Record<string, Float64Array> = {};
  for (const name of wanted) {
    const index = outputs.findIndex((o) => o.toLowerCase() === name.toLowerCase());
    if (index >= 0) trials[outputs[index]] = run.simulation.outputColumns[index];
  }
  // A 1,000,000-trial column is 8 MB: move it rather than copy it.
  context.transfer([...new Set(Object.values(trials).map((column) => column.buffer as ArrayBuffer))]);
  const answer: ScenarioJobResult = {
    result: run.result,
    outputs,
    seed: run.plan.seed,
    iterations: run.simulation.trials,
    trials,
  };
  const bins = job.histogramBins;
  if (bins !== undefined && histograms) answer.histograms = histograms;
  else if (bins !== undefined)
    answer.histograms = Object.fromEntries(
      outputs.map((name, i) => [
        name,
        histogram(run.simulation.outputColumns[i].subarray(0, run.simulation.trials), bins),
      ]),
    );
  return answer;
}

/** The last plan a block worker prepared, by its spec's text: the blocks of one run share it. */
let cachedPlan: { key: string; plan: PreparedScenario } | undefined;

function planFor(spec: ScenarioSpec): PreparedScenario {
  const key = JSON.stringify(spec);
  if (cachedPlan?.key !== key) cachedPlan = { key, plan: prepareScenario(spec) };
  return cachedPlan.plan;
}

/**
 * Runs one block on this thread (what a block worker does with a `scenario.block` job), into the
 * job's columns when it brings some.
 */
export function runBlockHere(job: ScenarioBlockJob): BlockResult {
  return simulateBlock(planFor(job.spec), job.slot, job.into);
}

/**
 * The handlers, with `scenario.run` spreading its blocks through `runBlock` when one is given (and
 * running blocks on its own thread too, between the answers), and its outputs' statistics through
 * `describe` when one is given.
 * @param concurrency blocks in flight at once with `runBlock` (e.g. twice the workers)
 * @param recycle whether `runBlock` moves a job's `into` columns, so merged ones can go back out
 */
export function createScenarioJobHandlers(
  runBlock?: RunBlock,
  concurrency?: number,
  describe?: DescribeElsewhere,
  recycle = false,
): JobHandlers<ScenarioJobs> {
  return {
    'scenario.run': async (job, context) => {
      const options = {
        signal: context.signal,
        onProgress: ({ done, total }: { done: number; total: number }) => context.progress(done, total),
      };
      if (!runBlock)
        return scenarioJobResult(await runScenarioAsync(job.spec, { ...options, yieldControl }), job, context);
      const histograms: Record<string, Histogram> = {};
      const run = await runScenarioOnBlocks(job.spec, runBlock, {
        ...options,
        concurrency,
        runHere: true,
        recycle,
        describe: describe && describeSpread(describe.run, describe.workers, job.histogramBins, histograms),
      });
      return scenarioJobResult(run, job, context, describe ? histograms : undefined);
    },
    'scenario.block': (job, context) => {
      const block = runBlockHere(job);
      context.transfer(block.outputs.map((column) => column.buffer as ArrayBuffer));
      return block;
    },
    'scenario.describe': (job, context) => {
      const answer = describeHere(job);
      context.transfer([answer.column.buffer as ArrayBuffer]);
      return answer;
    },
  };
}

/** The handlers that run everything on the thread that serves them. */
export const scenarioJobHandlers: JobHandlers<ScenarioJobs> = createScenarioJobHandlers();

/**
 * The handlers of a coordinator: `scenario.run` of two or more blocks spreads its blocks over this
 * thread and the workers of `blockPool()` (two blocks in flight per worker, so none waits for the
 * next), merges them and computes the statistics here (with `describeOnWorkers`, shared with the
 * workers: `away` of every `away + 1` outputs, where `away` is the number of workers); a one-block
 * run, or a pool without workers, runs here alone. `blockPool` is called on the first run that
 * spreads and kept, so a coordinator that never sees a large run starts no worker, and one that does
 * pays for their start once (unlike the CLI, whose workers live one run: there `blockHelpers` keeps
 * small runs on one thread). The task pane's scenario worker and the cells' workers serve these.
 */
export function scenarioHandlersSpreading(
  blockPool: () => JobPool<ScenarioJobs>,
  options: { describeOnWorkers?: boolean } = {},
): JobHandlers<ScenarioJobs> {
  let pool: JobPool<ScenarioJobs> | undefined;
  let spreading: JobHandlers<ScenarioJobs> | undefined;
  return {
    ...scenarioJobHandlers,
    'scenario.run': (job, context) => {
      const plan = planFor(job.spec);
      if (plan.iterations <= plan.blockSize) return scenarioJobHandlers['scenario.run'](job, context);
      pool ??= blockPool();
      if (pool.workers === 0) return scenarioJobHandlers['scenario.run'](job, context);
      const blocks = pool;
      spreading ??= createScenarioJobHandlers(
        // A block that brings columns to write into moves them (and gets them back, moved, with its answer).
        (block, signal) =>
          blocks.run('scenario.block', block, {
            signal,
            transfer: block.into?.map((column) => column.buffer as ArrayBuffer),
          }),
        2 * blocks.workers,
        options.describeOnWorkers
          ? {
              run: (describe) =>
                blocks.run('scenario.describe', describe, { transfer: [describe.column.buffer as ArrayBuffer] }),
              workers: blocks.workers,
            }
          : undefined,
        true,
      );
      return spreading['scenario.run'](job, context);
    },
  };
}
