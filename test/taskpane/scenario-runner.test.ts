/**
 * The pane's one scenario runner, over a job pool whose worker is an in-process stand-in answering
 * through the real protocol, and over this thread: the same outcome either way (one builder), a
 * histogram per output, progress, and Cancel stopping a large run within a block.
 */
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import { createJobPool } from '../../src/jobs/pool';
import { scenarioJobHandlers } from '../../src/scenario/jobs';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { createScenarioRunner, createThreadRunner } from '../../taskpane/run/scenario-runner';
import type { RunOutcome } from '../../taskpane/results/types';
import { fakeWorker } from '../jobs/fake-worker';

const workerRunner = () =>
  createScenarioRunner(
    createJobPool({
      handlers: scenarioJobHandlers,
      size: 1,
      start: () => webWorkerEndpoint(fakeWorker(scenarioJobHandlers)),
    }),
  );

const spec: ScenarioSpec = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } },
    { name: 'volume', distribution: 'uniform', params: { min: 800, max: 1200 } },
  ],
  model: 'revenue = price * volume\nprofit = revenue - 60000',
  iterations: 20000,
  seed: 7,
};

// Each test runs 20,000-trial scenarios in jsdom; on a loaded machine that outlasts jest's 5 s default.
jest.setTimeout(30_000);

const withoutTime = (o: RunOutcome) => ({ ...o, elapsedMs: 0, result: { ...o.result, timings: null } });

it('says where it runs', () => {
  expect(workerRunner().where).toBe('worker');
  expect(createThreadRunner().where).toBe('pane thread');
});

it('runs a scenario on the worker with a histogram per output and progress after each block', async () => {
  const progress: number[] = [];
  const outcome = await workerRunner().start('Base', { ...spec, blockSize: 5000 }, (p) => progress.push(p.done), true)
    .done;
  expect(outcome.scenarioName).toBe('Base');
  expect(outcome.iterations).toBe(20000);
  expect(outcome.seed).toBe(7);
  expect(Object.keys(outcome.histograms).sort()).toEqual(['profit', 'revenue']);
  expect(outcome.trials?.revenue).toHaveLength(20000);
  // E[price × volume] = 100 × 1000 for independent drivers
  expect(outcome.result.outputs.revenue.mean).toBeCloseTo(100000, -3);
  expect(progress).toEqual([5000, 10000, 15000, 20000]);
  expect(outcome.result.sensitivity?.revenue).toBeDefined();
});

it('builds the same outcome on the worker and on the pane thread', async () => {
  const onWorker = await workerRunner().start('Base', spec, () => {}, true).done;
  const onThread = await createThreadRunner().start('Base', spec, () => {}, true).done;
  expect(withoutTime(onWorker)).toEqual(withoutTime(onThread));
  // The seed the engine used, also when the spec leaves it out.
  const { seed: _seed, ...unseeded } = spec;
  expect((await createThreadRunner().start('Base', unseeded, () => {}, false).done).seed).toBe(1);
});

it('drops the trial columns unless asked to keep them', async () => {
  const outcome = await workerRunner().start('Base', spec, () => {}, false).done;
  expect(outcome.trials).toBeUndefined();
  expect(Object.keys(outcome.histograms)).toHaveLength(2);
});

it.each([
  ['the worker', workerRunner],
  ['the pane thread', createThreadRunner],
])(
  'cancels a large run on %s within a few of its 200 blocks',
  async (_, make) => {
    const progress: number[] = [];
    const handle = make().start(
      'Big',
      { ...spec, iterations: 2_000_000, blockSize: 10000 },
      (p) => {
        progress.push(p.done);
        if (p.done === 20000) handle.cancel();
      },
      false,
    );
    await expect(handle.done).rejects.toMatchObject({
      code: 'SCENARIO_CANCELLED',
      message: 'The scenario run was cancelled.',
    });
    // The cancel reaches the runner between blocks; a worker may finish a block or two more while the
    // progress message and the cancel cross the port.
    expect(progress.length).toBeLessThanOrEqual(5);
  },
  30_000,
); // Correctness, not speed: on a loaded machine a few blocks can outlast jest's 5 s default.

it('passes engine errors through with their message and hint', async () => {
  const bad = { ...spec, model: 'revenue = price * colume' };
  const error = await workerRunner()
    .start('Bad', bad, () => {}, false)
    .done.catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'SCENARIO_UNKNOWN_NAME', message: expect.stringMatching(/colume/) });
  expect((error as { hint: string }).hint.length).toBeGreaterThan(0);
});

it('gives the time left from the measured throughput and learns the finishing work for the next run', async () => {
  // A clock that advances 100 ms whenever it is read: the start, each block's report and the end.
  let t = 0;
  const clock = () => (t += 100);
  const runner = createScenarioRunner(createJobPool({ handlers: scenarioJobHandlers }), clock);
  const first: (number | null)[] = [];
  await runner.start('Base', { ...spec, blockSize: 5000 }, (p) => first.push(p.remainingMs), false).done;
  // Reports at 100, 200, 300, 400 ms after the start for 5000 trials each: 50 trials/ms.
  expect(first).toEqual([null, 200, 100, 0]);
  const second: (number | null)[] = [];
  await runner.start('Base', { ...spec, blockSize: 5000 }, (p) => second.push(p.remainingMs), false).done;
  // The first run finished 100 ms after its last trial, a quarter of its 400 ms trial phase: the
  // second run's estimates add that quarter of (time so far + time left).
  expect(second[1]).toBeCloseTo(200 + 0.25 * 400, 9);
  expect(second[3]).toBeCloseTo(0.25 * 400, 9);
});
