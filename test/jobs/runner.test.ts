/**
 * The runner side: every run gets progress messages and then exactly one result or error; cancel
 * aborts the handler's signal; a failure never escapes as an exception.
 */
import { createJobRunner } from '../../src/jobs/runner';
import type { JobReply } from '../../src/jobs/protocol';
import { testHandlers } from './handlers';

function recorder(): { replies: JobReply[]; transfers: ArrayBuffer[][]; settled: (id: number) => Promise<JobReply> } {
  const replies: JobReply[] = [];
  const transfers: ArrayBuffer[][] = [];
  return {
    replies,
    transfers,
    settled: async (id) => {
      for (;;) {
        const last = replies.find((r) => r.id === id && r.type !== 'progress');
        if (last) return last;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
  };
}

describe('createJobRunner', () => {
  test('answers a run with its result', async () => {
    const seen = recorder();
    const receive = createJobRunner(testHandlers, (reply, transfer) => {
      seen.replies.push(reply);
      seen.transfers.push(transfer);
    });
    receive({ type: 'run', id: 1, kind: 'double', payload: 21 });
    expect(await seen.settled(1)).toEqual({ type: 'result', id: 1, value: 42 });
    expect(seen.replies).toHaveLength(1);
  });

  test('reports progress after each block, then the result', async () => {
    const seen = recorder();
    const receive = createJobRunner(testHandlers, (reply) => seen.replies.push(reply));
    receive({ type: 'run', id: 2, kind: 'count', payload: { to: 10, block: 4 } });
    await seen.settled(2);
    expect(seen.replies).toEqual([
      { type: 'progress', id: 2, done: 4, total: 10 },
      { type: 'progress', id: 2, done: 8, total: 10 },
      { type: 'progress', id: 2, done: 10, total: 10 },
      { type: 'result', id: 2, value: { counted: 10, blocks: 3 } },
    ]);
  });

  test('cancel aborts the running job: its own cancellation error is the answer', async () => {
    const seen = recorder();
    let receive: ReturnType<typeof createJobRunner> = () => undefined;
    receive = createJobRunner(testHandlers, (reply) => {
      seen.replies.push(reply);
      if (reply.type === 'progress' && reply.done === 20) receive({ type: 'cancel', id: 3 });
    });
    receive({ type: 'run', id: 3, kind: 'count', payload: { to: 1_000_000, block: 10 } });
    const answer = await seen.settled(3);
    expect(answer).toMatchObject({ type: 'error', error: { code: 'TEST_CANCELLED' } });
    // It stopped within one block of the cancel.
    expect(seen.replies.filter((r) => r.type === 'progress').length).toBeLessThanOrEqual(3);
    // A cancel for a job that is not running is ignored.
    receive({ type: 'cancel', id: 99 });
  });

  test('failures become error replies with their fields', async () => {
    const seen = recorder();
    const receive = createJobRunner(testHandlers, (reply) => seen.replies.push(reply));
    receive({ type: 'run', id: 4, kind: 'fail', payload: 'horizon' });
    receive({ type: 'run', id: 5, kind: 'crash', payload: null });
    receive({ type: 'run', id: 6, kind: 'nope', payload: null });
    expect(await seen.settled(4)).toEqual({
      type: 'error',
      id: 4,
      error: {
        code: 'TEST_BAD',
        kind: 'missing',
        message: 'horizon is wrong.',
        hint: 'Fix horizon.',
        field: 'horizon',
        period: 3,
        data: { needed: 4, given: 2 },
      },
    });
    expect(await seen.settled(5)).toMatchObject({ error: { code: 'INTERNAL', message: 'boom', unexpected: true } });
    expect(await seen.settled(6)).toMatchObject({
      error: { code: 'JOB_UNKNOWN_KIND', kind: 'internal', message: expect.stringContaining('"nope"') },
    });
  });

  test('a handler names the buffers to move with its result', async () => {
    const seen = recorder();
    const receive = createJobRunner(testHandlers, (reply, transfer) => {
      seen.replies.push(structuredClone(reply, { transfer }));
      seen.transfers.push(transfer);
    });
    receive({ type: 'run', id: 7, kind: 'column', payload: { n: 1000 } });
    const answer = await seen.settled(7);
    expect(seen.transfers[0]).toHaveLength(1);
    expect(seen.transfers[0][0].byteLength).toBe(0); // moved: detached here
    expect((answer as { value: { values: Float64Array } }).value.values[999]).toBe(499.5);
  });

  test('a result that cannot cross a port becomes an error rather than silence', async () => {
    const seen = recorder();
    const receive = createJobRunner({ odd: () => ({ callback: () => 1 }) }, (reply) =>
      seen.replies.push(structuredClone(reply)),
    );
    receive({ type: 'run', id: 8, kind: 'odd', payload: null });
    expect(await seen.settled(8)).toMatchObject({ type: 'error', error: { unexpected: true } });
  });
});
