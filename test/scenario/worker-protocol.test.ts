import { readFileSync } from 'node:fs';
import { runScenario } from '../../src/scenario/run';
import { ScenarioSpec } from '../../src/scenario/spec';
import {
  createScenarioWorkerHandler,
  runScenarioChunks,
  ScenarioWorkerEvent,
} from '../../src/scenario/worker-protocol';

const standard = JSON.parse(
  readFileSync(`${__dirname}/../../../shared/bench/mc-standard.json`, 'utf8'),
) as ScenarioSpec;
const spec: ScenarioSpec = { ...standard, iterations: 6000, blockSize: 2000 };
const strip = (r: object): string => JSON.stringify({ ...r, timings: undefined });

describe('worker protocol', () => {
  test('reports progress after each block and gives the same result as the synchronous run', async () => {
    const progress: number[] = [];
    const { result, trials } = await runScenarioChunks(spec, {
      onProgress: (p) => progress.push(p.done),
      trials: ['CASH'],
    });
    expect(progress).toEqual([2000, 4000, 6000]);
    expect(strip(result)).toBe(strip(runScenario(spec)));
    expect(trials.cash).toHaveLength(6000);
  });

  test('cancel stops the run within one block', async () => {
    const events: ScenarioWorkerEvent[] = [];
    const handle: ReturnType<typeof createScenarioWorkerHandler> = createScenarioWorkerHandler((e) => {
      events.push(e);
      if (e.type === 'progress' && e.done === 2000) void handle({ type: 'cancel', id: 'a' });
    });
    await handle({ type: 'run', id: 'a', spec: { ...spec, iterations: 20000 } });
    expect(events.map((e) => e.type)).toEqual(['progress', 'cancelled']);
  });

  test('a bad spec becomes an error event with code and message', async () => {
    const events: ScenarioWorkerEvent[] = [];
    await createScenarioWorkerHandler((e) => events.push(e))({
      type: 'run',
      id: 'b',
      spec: { ...spec, model: 'x = nope' },
    });
    expect(events).toEqual([
      {
        type: 'error',
        id: 'b',
        code: 'SCENARIO_UNKNOWN_NAME',
        kind: 'missing',
        message: expect.stringContaining('"nope" is not a driver'),
      },
    ]);
  });

  test('an already-aborted signal cancels before any work', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runScenarioChunks(spec, { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
