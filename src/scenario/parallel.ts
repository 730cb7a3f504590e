/**
 * A run spread over workers: one `scenario.block` job per block (src/scenario/jobs.ts), sent through
 * the job protocol without a route, so whichever worker is free takes the next block, and merged in
 * block order (src/scenario/merge.ts). Which worker ran which block does not matter: the result has
 * the same bits for any number of workers, and the same as the run on one thread
 * (test/scenario/parallel.test.ts). The CLI (worker_threads), the task pane's scenario worker and the
 * scenario cells (Web Workers) run their large scenarios through this.
 *
 * Statistics are computed here, on the coordinating thread, once every block is in. With a
 * convergence rule, blocks are checked in block order and the run stops at the first block after
 * which the rule holds, whatever the workers had finished beyond it.
 */
import { BlockResult, BlockSlot, blockLayout, simulateBlock } from './block';
import { ScenarioErrors } from './errors';
import { SimulationMerger } from './merge';
import type { Progress, Simulation } from './simulate';
import { summarise } from './run';
import type { DescribedOutputs, ScenarioRun } from './run';
import { prepareScenario, PreparedScenario, ScenarioSpec } from './spec';

/** One block to run: the spec (each worker prepares and caches its plan) and the block's slot. */
export interface ScenarioBlockJob {
  spec: ScenarioSpec;
  slot: BlockSlot;
  /**
   * Columns to write the outputs into (one per output, `slot.trials` long): an earlier block's,
   * merged and sent back with `recycle`, so a worker does not allocate its outputs for every block.
   */
  into?: Float64Array[];
}

/** Runs one block somewhere (a worker of a job pool, or this thread). */
export type RunBlock = (job: ScenarioBlockJob, signal: AbortSignal) => Promise<BlockResult>;

/**
 * Describes the outputs of a finished simulation (`describeOutput` of each, e.g. spread over
 * workers). It may move the output columns away while it works; it puts each one back in
 * `simulation.outputColumns`, with the same values.
 */
export type DescribeOutputs = (plan: PreparedScenario, simulation: Simulation) => Promise<DescribedOutputs>;

export interface BlockRunOptions {
  /** Blocks in flight at once on `runBlock` (bounds the memory of finished, unmerged blocks). @default 4 */
  concurrency?: number;
  /**
   * Also run blocks on this thread, one at a time between the workers' answers (writing straight
   * into the run's columns), so the coordinating thread is a core too, not a thread waiting for
   * others. @default false
   */
  runHere?: boolean;
  signal?: AbortSignal;
  /** Called as blocks finish, with trials done so far. */
  onProgress?: (progress: Progress) => void;
  /** Where the outputs' statistics are computed. @default this thread, one output after another */
  describe?: DescribeOutputs;
  /**
   * Send each worker's output columns, once merged, back with a later block of the same size to be
   * written into (`ScenarioBlockJob.into`). Only for a `runBlock` that moves them (a Web Worker's
   * transfer): one that copies them would copy more than it saves. @default false
   */
  recycle?: boolean;
}

const now = (): number => globalThis.performance.now();

/**
 * Trials a helper worker must have to pay for itself: a worker's start (loading the engine, its
 * code still cold) costs about as much as 50,000–100,000 trials on a warm thread (measured on the
 * standard model with the bundled CLI), so a run of 100,000 trials on two threads took longer, and
 * twice the CPU, than on one.
 */
export const TRIALS_PER_HELPER = 250_000;

/**
 * How many worker threads to add to this one for a run: none for a run of one block or under
 * `trialsPerHelper` trials, then one per `trialsPerHelper` trials, at most `threads − 1` (this
 * thread runs blocks too) and one fewer than the blocks. The result does not depend on it.
 * @example blockHelpers(100_000, 25_000, 2) // 0
 * @example blockHelpers(1_000_000, 25_000, 2) // 1
 */
export function blockHelpers(
  iterations: number,
  blockSize: number,
  threads: number,
  trialsPerHelper = TRIALS_PER_HELPER,
): number {
  const blocks = blockLayout(iterations, blockSize).length;
  return Math.max(0, Math.min(threads - 1, blocks - 1, Math.floor(iterations / trialsPerHelper)));
}

/**
 * Runs `callback` on a later turn of the event loop, after messages already waiting: setImmediate
 * (Node), else a message to itself (Web Workers: no 4 ms clamp of nested timers), else a timer.
 */
function nextTurn(callback: () => void): void {
  if (typeof setImmediate === 'function') {
    setImmediate(callback);
    return;
  }
  if (typeof MessageChannel !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/**
 * @throws a SCENARIO_* FpaError for an invalid spec (before any block is sent); SCENARIO_CANCELLED
 *   when the signal is aborted; the first block's failure otherwise
 */
export async function runScenarioOnBlocks(
  spec: ScenarioSpec,
  runBlock: RunBlock,
  options: BlockRunOptions = {},
): Promise<ScenarioRun> {
  const startedAt = now();
  const plan = prepareScenario(spec);
  const slots = blockLayout(plan.iterations, plan.blockSize);
  const merger = new SimulationMerger(plan);
  // With this thread running blocks, nothing need go out; otherwise at least one block must.
  const window = Math.max(options.runHere ? 0 : 1, options.concurrency ?? 4);
  const controller = new AbortController();
  const outer = options.signal;
  if (outer?.aborted) throw ScenarioErrors.cancelled();
  return new Promise<ScenarioRun>((resolve, reject) => {
    let settled = false;
    // Set once the blocks the result needs are in: no block is started or placed after it.
    let summarising = false;
    let next = 0;
    let inFlight = 0;
    let done = 0;
    let placed = 0;
    let ordered = 0;
    /** Merged workers' output columns, to send back with a later block (`recycle`). */
    const spare: Float64Array[][] = [];
    const finish = (error: unknown, run?: ScenarioRun): void => {
      if (settled) return;
      settled = true;
      outer?.removeEventListener('abort', onAbort);
      controller.abort();
      if (run) resolve(run);
      else reject(error);
    };
    const onAbort = (): void => finish(ScenarioErrors.cancelled());
    outer?.addEventListener('abort', onAbort, { once: true });
    const complete = (lastIndex: number, convergence?: { converged: boolean; precision: number }): void => {
      summarising = true;
      // Blocks still out (past a convergence rule's stop) are withdrawn, so the workers are free.
      controller.abort();
      const summary = async (): Promise<ScenarioRun> => {
        const simulation = merger.finish(lastIndex, convergence);
        const described = options.describe ? await options.describe(plan, simulation) : undefined;
        return { plan, simulation, result: summarise(plan, simulation, startedAt, described) };
      };
      summary().then(
        (run) => finish(null, run),
        (error: unknown) => finish(error),
      );
    };
    /** With a convergence rule: checks each block, in block order, as soon as all before it are in. */
    const checkConvergence = (): boolean => {
      const rule = plan.convergence!;
      while (ordered < slots.length && merger.hasPrefix(ordered)) {
        const slot = slots[ordered];
        const precision = merger.precision(slot.start + slot.trials);
        const converged = precision <= rule.target;
        if (converged || ordered === slots.length - 1) {
          complete(ordered, { converged, precision });
          return true;
        }
        ordered++;
      }
      return false;
    };
    const onBlock = (block: BlockResult): void => {
      if (settled || summarising) return;
      merger.place(block);
      if (options.recycle && block.outputs[0] !== merger.columns[0]) spare.push([...block.outputs]);
      placed++;
      done += block.trials;
      options.onProgress?.({ done, total: plan.iterations });
      if (plan.convergence ? checkConvergence() : placed === slots.length) {
        if (!plan.convergence) complete(slots.length - 1);
        return;
      }
      launch();
    };
    const launch = (): void => {
      while (!settled && !summarising && inFlight < window && next < slots.length) {
        const slot = slots[next++];
        inFlight++;
        const into = spare.length > 0 && spare[spare.length - 1][0]?.length === slot.trials ? spare.pop() : undefined;
        runBlock(into ? { spec, slot, into } : { spec, slot }, controller.signal).then(
          (block) => {
            inFlight--;
            onBlock(block);
          },
          (error: unknown) => !summarising && finish(error),
        );
      }
    };
    /** This thread's share: the next block nobody has taken, then a turn for the workers' answers. */
    const runLocal = (): void => {
      if (settled || summarising || next >= slots.length) return;
      const slot = slots[next++];
      let block: BlockResult;
      try {
        block = simulateBlock(plan, slot, merger.columns, slot.start);
      } catch (error) {
        finish(error);
        return;
      }
      onBlock(block);
      nextTurn(runLocal);
    };
    launch();
    if (options.runHere) nextTurn(runLocal);
  });
}
