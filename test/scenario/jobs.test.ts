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
import { scenarioJobHandlers } from '../../src/scenario/jobs';
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
});
