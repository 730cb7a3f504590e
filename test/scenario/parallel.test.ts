/**
 * A run spread over workers (src/scenario/parallel.ts): whatever order the blocks come back in and
 * however many are in flight, the merged trials and statistics have the same bits as the run on one
 * thread. Blocks "finish" in an order chosen by the test (no clocks): each runBlock call waits until
 * the test releases it.
 */
import { readFileSync } from 'node:fs';
import { BlockResult } from '../../src/scenario/block';
import { runBlockHere } from '../../src/scenario/jobs';
import { blockHelpers, runScenarioOnBlocks } from '../../src/scenario/parallel';
import type { RunBlock, ScenarioBlockJob } from '../../src/scenario/parallel';
import { runScenarioDetailed } from '../../src/scenario/run';
import type { ScenarioRun } from '../../src/scenario/run';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const standard = JSON.parse(
  readFileSync(`${__dirname}/../../../shared/bench/mc-standard.json`, 'utf8'),
) as ScenarioSpec;
const spec: ScenarioSpec = { ...standard, iterations: 9100, blockSize: 1000, sensitivity: true };

const bytes = (run: ScenarioRun): string =>
  run.simulation.outputColumns.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('base64')).join();
const summary = (run: ScenarioRun): string => JSON.stringify({ ...run.result, timings: undefined });

/**
 * A block runner whose blocks finish when `release` says: the pending ones are released in an order
 * drawn from `seed` (a stand-in for workers of different speeds), one at a time.
 */
function scrambled(seed: number): { runBlock: RunBlock; calls: number[]; maxInFlight: () => number } {
  const rng = new SeededGenerator(seed, 'release');
  const pending: { job: ScenarioBlockJob; resolve: (b: BlockResult) => void }[] = [];
  const calls: number[] = [];
  let inFlight = 0;
  let most = 0;
  const releaseOne = (): void => {
    if (pending.length === 0) return;
    const [next] = pending.splice(Math.floor(rng.nextOpen01() * pending.length), 1);
    inFlight--;
    next.resolve(runBlockHere(next.job));
  };
  const runBlock: RunBlock = (job) =>
    new Promise<BlockResult>((resolve) => {
      calls.push(job.slot.index);
      pending.push({ job, resolve });
      most = Math.max(most, ++inFlight);
      // Release after the coordinator has had the chance to launch more (a microtask later).
      queueMicrotask(() => queueMicrotask(releaseOne));
    });
  return { runBlock, calls, maxInFlight: () => most };
}

describe('runScenarioOnBlocks', () => {
  const single = runScenarioDetailed(spec);

  test.each([1, 2, 3, 8, 20])('%i blocks in flight, any finishing order: the same bits as one thread', async (n) => {
    for (const seed of [1, 2]) {
      const { runBlock, calls, maxInFlight } = scrambled(seed + 10 * n);
      const run = await runScenarioOnBlocks(spec, runBlock, { concurrency: n });
      expect(bytes(run)).toBe(bytes(single));
      expect(summary(run)).toBe(summary(single));
      expect(calls.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(maxInFlight()).toBeLessThanOrEqual(n);
    }
  });

  test('progress counts trials as blocks come in, ending at the total', async () => {
    const done: number[] = [];
    await runScenarioOnBlocks(spec, scrambled(5).runBlock, { concurrency: 3, onProgress: (p) => done.push(p.done) });
    expect(done).toHaveLength(10);
    expect(done[done.length - 1]).toBe(9100);
    expect(done.every((d, i) => i === 0 || d > done[i - 1])).toBe(true);
  });

  test('convergence: stops at the same block as the run on one thread, whatever finished beyond it', async () => {
    const rule: ScenarioSpec = { ...standard, iterations: 200000, blockSize: 10000, convergence: { target: 0.01 } };
    const here = runScenarioDetailed(rule);
    expect(here.simulation.converged).toBe(true);
    const run = await runScenarioOnBlocks(rule, scrambled(3).runBlock, { concurrency: 4 });
    expect(run.simulation.trials).toBe(here.simulation.trials);
    expect(bytes(run)).toBe(bytes(here));
    expect(summary(run)).toBe(summary(here));
  });

  test('an invalid spec throws before any block is sent; a failing block rejects the run', async () => {
    const never: RunBlock = () => Promise.reject(new Error('not expected'));
    await expect(runScenarioOnBlocks({ ...spec, iterations: 1 }, never)).rejects.toMatchObject({
      code: 'SCENARIO_BAD_SPEC',
    });
    await expect(runScenarioOnBlocks(spec, () => Promise.reject(new Error('worker died')))).rejects.toThrow(
      'worker died',
    );
  });

  test('cancelling rejects with SCENARIO_CANCELLED and aborts the blocks in flight', async () => {
    const controller = new AbortController();
    const seen: AbortSignal[] = [];
    const hang: RunBlock = (_job, signal) => {
      seen.push(signal);
      if (seen.length === 2) queueMicrotask(() => controller.abort());
      return new Promise<BlockResult>(() => undefined);
    };
    await expect(runScenarioOnBlocks(spec, hang, { concurrency: 2, signal: controller.signal })).rejects.toMatchObject({
      code: 'SCENARIO_CANCELLED',
    });
    expect(seen.every((s) => s.aborted)).toBe(true);
  });

  test.each([1, 2, 4])(
    'this thread runs blocks too (%i in flight elsewhere, any finishing order): the same bits',
    async (n) => {
      const { runBlock, calls } = scrambled(40 + n);
      const run = await runScenarioOnBlocks(spec, runBlock, { concurrency: n, runHere: true });
      expect(bytes(run)).toBe(bytes(single));
      expect(summary(run)).toBe(summary(single));
      expect(new Set(calls).size).toBe(calls.length);
    },
  );

  test('blocks held elsewhere until this thread reports progress: both share the run, none runs twice', async () => {
    const held: { job: ScenarioBlockJob; resolve: (b: BlockResult) => void }[] = [];
    const calls: number[] = [];
    const runBlock: RunBlock = (job) =>
      new Promise<BlockResult>((resolve) => {
        calls.push(job.slot.index);
        held.push({ job, resolve });
      });
    // A held block is answered only after a block finishes, so this thread must have run some.
    const release = (): void => {
      const next = held.shift();
      if (next) next.resolve(runBlockHere(next.job));
    };
    const run = await runScenarioOnBlocks(spec, runBlock, { concurrency: 2, runHere: true, onProgress: release });
    expect(bytes(run)).toBe(bytes(single));
    expect(summary(run)).toBe(summary(single));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThan(10);
    expect(new Set(calls).size).toBe(calls.length);
  });

  test('recycle: merged columns go back out to be written over, only into blocks of their size; the same bits', async () => {
    for (const runHere of [false, true]) {
      const { runBlock } = scrambled(runHere ? 5 : 6);
      const brought: { index: number; trials: number; into?: number }[] = [];
      const recording: RunBlock = (job, signal) => {
        brought.push({ index: job.slot.index, trials: job.slot.trials, into: job.into?.[0].length });
        // The columns come back holding an earlier block's trials: the block must overwrite them.
        return runBlock(job, signal);
      };
      const run = await runScenarioOnBlocks(spec, recording, { concurrency: 2, runHere, recycle: true });
      expect(bytes(run)).toBe(bytes(single));
      expect(summary(run)).toBe(summary(single));
      const recycled = brought.filter((b) => b.into !== undefined);
      expect(recycled.length).toBeGreaterThan(0);
      for (const b of recycled) expect(b.into).toBe(b.trials);
      // Without `recycle` nothing goes back out.
      const plain: number[] = [];
      await runScenarioOnBlocks(spec, (job, signal) => (plain.push(job.into ? 1 : 0), runBlock(job, signal)), {
        concurrency: 2,
        runHere,
      });
      expect(plain.every((x) => x === 0)).toBe(true);
    }
  });

  test('this thread alone (nothing goes out) and with a convergence rule: the same bits', async () => {
    const never: RunBlock = () => new Promise<BlockResult>(() => undefined);
    const run = await runScenarioOnBlocks(spec, never, { concurrency: 0, runHere: true });
    expect(bytes(run)).toBe(bytes(single));
    const rule: ScenarioSpec = { ...standard, iterations: 200000, blockSize: 10000, convergence: { target: 0.01 } };
    const here = runScenarioDetailed(rule);
    const spread = await runScenarioOnBlocks(rule, scrambled(9).runBlock, { concurrency: 2, runHere: true });
    expect(spread.simulation.trials).toBe(here.simulation.trials);
    expect(summary(spread)).toBe(summary(here));
  });
});

describe('blockHelpers', () => {
  test('no worker for one block or a run under the threshold; then one per threshold, this thread included', () => {
    expect(blockHelpers(100_000, 25_000, 2)).toBe(0);
    expect(blockHelpers(249_999, 25_000, 8)).toBe(0);
    expect(blockHelpers(1_000_000, 25_000, 2)).toBe(1);
    expect(blockHelpers(1_000_000, 25_000, 8)).toBe(4);
    expect(blockHelpers(10_000_000, 25_000, 8)).toBe(7);
    expect(blockHelpers(10_000_000, 25_000, 1)).toBe(0);
    expect(blockHelpers(25_050, 25_000, 8, 1000)).toBe(0); // one block (a remainder under 100 joins it)
    expect(blockHelpers(6000, 1500, 3, 1000)).toBe(2);
  });
});
