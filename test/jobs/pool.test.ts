/**
 * The pool every caller runs its jobs through: routing, queueing in the pool, progress and
 * cancellation end to end (client → worker's runner → handler → reply), the fallback to this
 * thread, and splitting a job in blocks whose merged answer does not depend on the worker count.
 */
import { FpaError } from '../../src/errors';
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import { createJobPool } from '../../src/jobs/pool';
import type { JobPool } from '../../src/jobs/pool';
import { fakeWorker } from './fake-worker';
import type { FakeWorker } from './fake-worker';
import { badField, testHandlers } from './handlers';
import { expectSameFpaError } from './same-error';
import type { TestJobs } from './handlers';

function poolOf(
  count: number,
  options: { broken?: boolean[]; pipeline?: number } = {},
): { pool: JobPool<TestJobs>; fakes: FakeWorker[] } {
  const fakes: FakeWorker[] = [];
  const pool = createJobPool<TestJobs>({
    handlers: testHandlers,
    size: count,
    pipeline: options.pipeline,
    start: () => {
      const fake = fakeWorker(testHandlers, { broken: options.broken?.[fakes.length] });
      fakes.push(fake);
      return webWorkerEndpoint(fake);
    },
  });
  return { pool, fakes };
}

const runsOn = (fakes: FakeWorker[]): number[] => fakes.map((f) => f.seen.filter((m) => m.type === 'run').length);

describe('createJobPool', () => {
  test('without workers, jobs run on this thread through the same runner', async () => {
    const pool = createJobPool<TestJobs>({ handlers: testHandlers });
    expect(pool.workers).toBe(0);
    const progress: number[] = [];
    expect(await pool.run('count', { to: 9, block: 3 }, { onProgress: (p) => progress.push(p.done) })).toEqual({
      counted: 9,
      blocks: 3,
    });
    expect(progress).toEqual([3, 6, 9]);
    expect(await pool.run('double', 5)).toBe(10);
  });

  test('a route always reaches the same worker; other jobs go to whichever is free', async () => {
    const { pool, fakes } = poolOf(3);
    expect(pool.workers).toBe(3);
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run('double', n, { route: 7 })));
    expect(answers).toEqual([2, 4, 6, 8, 10, 12]);
    expect(runsOn(fakes)).toEqual([0, 6, 0]); // 7 mod 3 = 1
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run('double', n)));
    expect(runsOn(fakes).every((n) => n >= 2)).toBe(true);
    pool.close();
  });

  test('each worker runs one job at a time; the rest wait in the pool', async () => {
    const { pool, fakes } = poolOf(1);
    const jobs = [1, 2, 3].map((n) => pool.run('count', { to: 4 * n, block: 2 }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runsOn(fakes)).toEqual([1]);
    expect((await Promise.all(jobs)).map((r) => r.counted)).toEqual([4, 8, 12]);
    expect(runsOn(fakes)).toEqual([3]);
    pool.close();
  });

  /** A pool whose sends are counted as they are made (the pool sends synchronously in `run`). */
  const countingPool = (count: number, pipeline: number) => {
    const sent: number[] = [];
    const fakes: FakeWorker[] = [];
    const pool = createJobPool<TestJobs>({
      handlers: testHandlers,
      size: count,
      pipeline,
      start: () => {
        const fake = fakeWorker(testHandlers);
        const endpoint = webWorkerEndpoint(fake);
        const at = fakes.push(fake) - 1;
        sent.push(0);
        return {
          ...endpoint,
          send: (request, transfer) => (request.type === 'run' && sent[at]++, endpoint.send(request, transfer)),
        };
      },
    });
    return { pool, fakes, sent };
  };

  test('with a pipeline of 2, a worker holds the next job before it answers the first', async () => {
    const { pool, sent } = countingPool(1, 2);
    const jobs = [1, 2, 3].map((n) => pool.run('count', { to: 4 * n, block: 2 }));
    expect(sent).toEqual([2]);
    expect((await Promise.all(jobs)).map((r) => r.counted)).toEqual([4, 8, 12]);
    expect(sent).toEqual([3]);
    pool.close();
  });

  test('a pipeline spreads jobs over free workers before it stacks them', async () => {
    const { pool, sent } = countingPool(3, 2);
    const two = [1, 2].map((n) => pool.run('count', { to: 4 * n, block: 2 }));
    expect(sent).toEqual([1, 1, 0]);
    const more = [3, 4, 5, 6, 7].map((n) => pool.run('count', { to: 4 * n, block: 2 }));
    expect(sent).toEqual([2, 2, 2]);
    const all = await Promise.all([...two, ...more]);
    expect(all.map((r) => r.counted)).toEqual([4, 8, 12, 16, 20, 24, 28]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(7);
    pool.close();
  });

  test('a job sent ahead is cancelled through its worker; a failing worker’s sent jobs run here', async () => {
    const { pool, fakes, sent } = countingPool(1, 2);
    const first = pool.run('count', { to: 200, block: 10 });
    const controller = new AbortController();
    const ahead = pool.run('count', { to: 1_000_000, block: 10 }, { signal: controller.signal });
    const third = pool.run('double', 21);
    expect(sent).toEqual([2]);
    controller.abort();
    await expect(ahead).rejects.toMatchObject({ code: 'TEST_CANCELLED' });
    expect(fakes[0].seen.filter((m) => m.type === 'cancel')).toHaveLength(1);
    // The worker crashes: the jobs it had not answered settle on this thread.
    fakes[0].crash();
    expect(await third).toBe(42);
    expect(await first).toEqual({ counted: 200, blocks: 20 });
    expect(pool.workers).toBe(0);
  });

  test('errors keep their code, kind, message, hint and field across the worker', async () => {
    const { pool } = poolOf(2);
    const error = await pool.run('fail', 'seasonality').catch((e: unknown) => e);
    expectSameFpaError(error, badField('seasonality'));
    expect((error as FpaError).fullMessage).toBe('seasonality is wrong. Fix seasonality.');
    const crash = await pool.run('crash', null).catch((e: unknown) => e);
    expect(crash).not.toBeInstanceOf(FpaError);
    expect((crash as Error).message).toBe('boom');
    pool.close();
  });

  test('cancelling a running job stops its worker within a block, and the worker takes the next job', async () => {
    const { pool, fakes } = poolOf(1);
    const controller = new AbortController();
    const progress: number[] = [];
    const big = pool.run(
      'count',
      { to: 1_000_000, block: 10 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.done);
          if (p.done === 30) controller.abort();
        },
      },
    );
    const next = pool.run('double', 8);
    await expect(big).rejects.toMatchObject({ code: 'TEST_CANCELLED' });
    expect(progress.length).toBeLessThan(10);
    expect(fakes[0].seen.some((m) => m.type === 'cancel')).toBe(true);
    expect(await next).toBe(16);
    pool.close();
  });

  test('cancelling a queued job rejects it at once, and it never reaches a worker', async () => {
    const { pool, fakes } = poolOf(1);
    const first = pool.run('count', { to: 6, block: 2 });
    const controller = new AbortController();
    const queued = pool.run('double', 1, { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'JOB_CANCELLED', message: 'The run was cancelled.' });
    await first;
    expect(runsOn(fakes)).toEqual([1]);
    // Already aborted: never queued.
    await expect(pool.run('double', 1, { signal: controller.signal })).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    pool.close();
  });

  test('on this thread, cancel and progress work the same', async () => {
    const pool = createJobPool<TestJobs>({ handlers: testHandlers });
    const controller = new AbortController();
    const run = pool.run(
      'count',
      { to: 1_000_000, block: 100 },
      { signal: controller.signal, onProgress: (p) => p.done >= 300 && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'TEST_CANCELLED' });
  });

  test('a worker that fails is dropped: its jobs run here, later jobs on the others', async () => {
    const { pool, fakes } = poolOf(2, { broken: [true, false] });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => pool.run('double', n, { route: n })));
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(fakes[0].terminated).toBe(true);
    expect(pool.workers).toBe(1);
    expect(await pool.run('double', 50, { route: 0 })).toBe(100);
    expect(runsOn(fakes)[1]).toBeGreaterThan(0);
    // The last worker crashing mid-run: its job still settles, here.
    const running = pool.run('count', { to: 40, block: 2 });
    fakes[1].crash();
    expect(await running).toEqual({ counted: 40, blocks: 20 });
    expect(pool.workers).toBe(0);
  });

  test('closing the pool settles its unfinished jobs on this thread', async () => {
    const { pool, fakes } = poolOf(2);
    const pending = [1, 2, 3, 4, 5].map((n) => pool.run('double', n));
    pool.close();
    expect(await Promise.all(pending)).toEqual([2, 4, 6, 8, 10]);
    expect(fakes.every((f) => f.terminated)).toBe(true);
    expect(pool.workers).toBe(0);
  });

  test('a job split in blocks merges to the same bits for any number of workers', async () => {
    const blocks = Array.from({ length: 12 }, (_, b) => ({ from: b * 1000, to: (b + 1) * 1000 }));
    const merged = async (count: number): Promise<number> => {
      const { pool } = poolOf(count);
      const parts = await Promise.all(blocks.map((block) => pool.run('blockSum', block)));
      pool.close();
      return parts.reduce((sum, part) => sum + part, 0); // in block order, whichever worker ran each
    };
    const here = await merged(0);
    for (const count of [1, 2, 3, 5]) expect(Object.is(await merged(count), here)).toBe(true);
  });
});
