/**
 * The scenario job: progress after every block, the same statistics as the synchronous run,
 * cancellation within one block through the runner, trial columns moved on request, and input
 * errors with their code and message.
 */
import { readFileSync } from 'node:fs';
import { createJobRunner } from '../../src/jobs/runner';
import type { JobReply } from '../../src/jobs/protocol';
import { runScenario } from '../../src/scenario/run';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { scenarioHandlersSpreading, scenarioJobHandlers } from '../../src/scenario/jobs';
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import { histogram } from '../../src/stats/histogram';
import { fakeWorker } from '../jobs/fake-worker';
import type { FakeWorker } from '../jobs/fake-worker';
import type { ScenarioJobResult } from '../../src/scenario/jobs';
import { createJobPool } from '../../src/jobs/pool';

const standard = JSON.parse(
  readFileSync(`${__dirname}/../../../shared/bench/mc-standard.json`, 'utf8'),
) as ScenarioSpec;
const spec: ScenarioSpec = { ...standard, iterations: 6000, blockSize: 2000 };
const strip = (r: object): string => JSON.stringify({ ...r, timings: undefined });

function runner(): { replies: JobReply[]; transfers: ArrayBuffer[][]; receive: ReturnType<typeof createJobRunner> } {
  const replies: JobReply[] = [];
  const transfers: ArrayBuffer[][] = [];
  const receive = createJobRunner(scenarioJobHandlers, (reply, transfer) => {
    replies.push(reply);
    transfers.push(transfer);
  });
  return { replies, transfers, receive };
}

const settled = async (replies: JobReply[]): Promise<JobReply> => {
  for (;;) {
    const last = replies.find((r) => r.type !== 'progress');
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('scenario job', () => {
  test('progress after each block; the same result as the synchronous run; the columns asked for', async () => {
    const { replies, transfers, receive } = runner();
    receive({ type: 'run', id: 1, kind: 'scenario.run', payload: { spec, trials: ['CASH'] } });
    const last = await settled(replies);
    expect(replies.filter((r) => r.type === 'progress').map((r) => (r as { done: number }).done)).toEqual([
      2000, 4000, 6000,
    ]);
    const job = (last as { value: ScenarioJobResult }).value;
    expect(strip(job.result)).toBe(strip(runScenario(spec)));
    expect(job.outputs).toEqual(Object.keys(job.result.outputs));
    expect(job.iterations).toBe(6000);
    expect(job.seed).toBe(spec.seed ?? 1);
    expect(Object.keys(job.trials)).toEqual(['cash']);
    expect(job.trials.cash).toHaveLength(6000);
    // The column's buffer is named for moving, once.
    expect(transfers[transfers.length - 1]).toEqual([job.trials.cash.buffer]);
  });

  test('"*" sends every output; none by default', async () => {
    const pool = createJobPool({ handlers: scenarioJobHandlers });
    const all = await pool.run('scenario.run', { spec: { ...spec, iterations: 500 }, trials: '*' });
    expect(Object.keys(all.trials)).toEqual(all.outputs);
    const none = await pool.run('scenario.run', { spec: { ...spec, iterations: 500 } });
    expect(none.trials).toEqual({});
  });

  test('cancel stops the run within one block', async () => {
    const { replies, receive } = runner();
    const watch = setInterval(() => {
      if (replies.some((r) => r.type === 'progress')) receive({ type: 'cancel', id: 2 });
    }, 0);
    receive({
      type: 'run',
      id: 2,
      kind: 'scenario.run',
      payload: { spec: { ...spec, iterations: 200_000, blockSize: 10_000 } },
    });
    const last = await settled(replies);
    clearInterval(watch);
    expect(last).toMatchObject({ type: 'error', error: { code: 'SCENARIO_CANCELLED' } });
    // Twenty blocks: the cancel lands at a block boundary within a turn or two of the first progress.
    expect(replies.filter((r) => r.type === 'progress').length).toBeLessThanOrEqual(4);
  });

  test('a bad spec becomes an error reply with code, kind and message', async () => {
    const { replies, receive } = runner();
    receive({ type: 'run', id: 3, kind: 'scenario.run', payload: { spec: { ...spec, model: 'x = nope' } } });
    expect(await settled(replies)).toEqual({
      type: 'error',
      id: 3,
      error: expect.objectContaining({
        code: 'SCENARIO_UNKNOWN_NAME',
        kind: 'missing',
        message: expect.stringContaining('"nope" is not a driver'),
      }),
    });
  });

  test('histogramBins: every output’s histogram drawn beside its trials, with or without the columns', async () => {
    const pool = createJobPool({ handlers: scenarioJobHandlers });
    const small = { ...spec, iterations: 3000 };
    const withColumns = await pool.run('scenario.run', { spec: small, trials: '*', histogramBins: 12 });
    expect(Object.keys(withColumns.histograms!)).toEqual(withColumns.outputs);
    for (const name of withColumns.outputs)
      expect(withColumns.histograms![name]).toEqual(histogram(withColumns.trials[name], 12));
    const bare = await pool.run('scenario.run', { spec: small, histogramBins: 12 });
    expect(bare.trials).toEqual({});
    expect(bare.histograms).toEqual(withColumns.histograms);
    expect((await pool.run('scenario.run', { spec: small })).histograms).toBeUndefined();
  });
});

describe('scenarioHandlersSpreading: a coordinator spreading its blocks over block workers', () => {
  const blockPool = (count: number) => {
    const fakes: FakeWorker[] = [];
    const pool = createJobPool({
      handlers: scenarioJobHandlers,
      size: count,
      start: () => {
        const fake = fakeWorker(scenarioJobHandlers);
        fakes.push(fake);
        return webWorkerEndpoint(fake);
      },
    });
    return { pool, fakes };
  };
  const big = { ...spec, iterations: 12_000, blockSize: 1000 };
  const everything = { spec: big, trials: '*' as const, histogramBins: 30 };
  /** Checks a spread run against the run on one thread (returned): statistics, trials, histograms. */
  const expectOneThreadBits = async (spread: ScenarioJobResult): Promise<ScenarioJobResult> => {
    const here = await createJobPool({ handlers: scenarioJobHandlers }).run('scenario.run', everything);
    expect(strip(spread.result)).toBe(strip(here.result));
    for (const name of here.outputs) expect(spread.trials[name]).toEqual(here.trials[name]);
    expect(spread.histograms).toEqual(here.histograms);
    return here;
  };

  test.each([1, 2, 3])(
    'the same bits with %i block workers and the coordinator as on one thread; every worker ran blocks',
    async (n) => {
      const { pool, fakes } = blockPool(n);
      const coordinator = createJobPool({ handlers: scenarioHandlersSpreading(() => pool) });
      const progress: number[] = [];
      const spread = await coordinator.run('scenario.run', everything, { onProgress: (p) => progress.push(p.done) });
      await expectOneThreadBits(spread);
      expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 1000));
      // Every block worker ran blocks; the coordinator ran the rest itself.
      const blocksRun = fakes.map((f) => f.seen.filter((m) => m.type === 'run' && m.kind === 'scenario.block').length);
      expect(blocksRun.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12);
      expect(blocksRun.every((b) => b > 0)).toBe(true);
      pool.close();
    },
  );

  test.each([1, 2, 3])(
    'describeOnWorkers with %i block workers: they describe n of every n + 1 outputs; the same bits, histograms and trials',
    async (n) => {
      const { pool, fakes } = blockPool(n);
      const coordinator = createJobPool({
        handlers: scenarioHandlersSpreading(() => pool, { describeOnWorkers: true }),
      });
      const here = await expectOneThreadBits(await coordinator.run('scenario.run', everything));
      const described = fakes.flatMap((f) => f.seen.filter((m) => m.type === 'run' && m.kind === 'scenario.describe'));
      expect(described).toHaveLength(here.outputs.filter((_, i) => i % (n + 1) !== 0).length);
      // Without histograms or trials asked for, none come back.
      const bare = await coordinator.run('scenario.run', { spec: big });
      expect(strip(bare.result)).toBe(strip(here.result));
      expect(bare.histograms).toBeUndefined();
      expect(bare.trials).toEqual({});
      pool.close();
    },
  );

  test('describeOnWorkers with a convergence rule: stops at the same block, the same bits as one thread', async () => {
    const rule: ScenarioSpec = { ...standard, iterations: 200000, blockSize: 10000, convergence: { target: 0.01 } };
    const here = await createJobPool({ handlers: scenarioJobHandlers }).run('scenario.run', {
      spec: rule,
      trials: ['cash'],
    });
    const { pool } = blockPool(2);
    const coordinator = createJobPool({ handlers: scenarioHandlersSpreading(() => pool, { describeOnWorkers: true }) });
    const spread = await coordinator.run('scenario.run', { spec: rule, trials: ['cash'] });
    expect(here.result.trials).toBeLessThan(200000);
    expect(strip(spread.result)).toBe(strip(here.result));
    expect(spread.trials.cash).toEqual(here.trials.cash);
    pool.close();
    // Two runs of up to 200,000 trials: on a loaded machine they outlast jest's 5 s default.
  }, 60_000);

  test('describeOnWorkers: an output a worker finds non-finite fails the run with its code', async () => {
    const { pool } = blockPool(1);
    const coordinator = createJobPool({ handlers: scenarioHandlersSpreading(() => pool, { describeOnWorkers: true }) });
    const broken = { ...big, model: 'fine = price\nbad = price / 0' };
    await expect(coordinator.run('scenario.run', { spec: broken })).rejects.toMatchObject({
      code: 'SCENARIO_NON_FINITE',
    });
    pool.close();
  });

  test('a one-block run, or no block worker: the coordinator runs it itself, starting no pool for one block', async () => {
    const started: number[] = [];
    const handlers = scenarioHandlersSpreading(() => {
      started.push(1);
      return createJobPool({ handlers: scenarioJobHandlers });
    });
    const coordinator = createJobPool({ handlers });
    const one = await coordinator.run('scenario.run', { spec: { ...spec, iterations: 1000, blockSize: 1000 } });
    expect(started).toEqual([]);
    expect(strip(one.result)).toBe(strip(runScenario({ ...spec, iterations: 1000, blockSize: 1000 })));
    const two = await coordinator.run('scenario.run', { spec: { ...spec, iterations: 2000, blockSize: 1000 } });
    expect(started).toEqual([1]);
    expect(strip(two.result)).toBe(strip(runScenario({ ...spec, iterations: 2000, blockSize: 1000 })));
  });

  test('cancelling the run stops it and withdraws the blocks not yet started', async () => {
    const { pool, fakes } = blockPool(2);
    const coordinator = createJobPool({ handlers: scenarioHandlersSpreading(() => pool) });
    const controller = new AbortController();
    const run = coordinator.run(
      'scenario.run',
      { spec: { ...spec, iterations: 400_000, blockSize: 2000 } },
      // Cancelled as the first block comes back: 200 blocks, at most 4 in flight.
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'SCENARIO_CANCELLED' });
    const sent = fakes.flatMap((f) => f.seen.filter((m) => m.type === 'run'));
    expect(sent.length).toBeLessThanOrEqual(8);
    pool.close();
  });
});
