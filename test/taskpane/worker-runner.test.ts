/**
 * The pane's Web Worker runner against the real worker protocol, wired in-process (the same handler
 * the worker file connects to its message port): results with a histogram per output, progress, and
 * Cancel stopping a large run within a block.
 */
import {
  createScenarioWorkerHandler,
  type ScenarioWorkerEvent,
  type ScenarioWorkerRequest,
} from '../../src/scenario/worker-protocol';
import type { ScenarioSpec } from '../../src/scenario/spec';
import { createWorkerRunner, type WorkerPort } from '../../taskpane/run/worker-runner';

function inProcessWorker(): WorkerPort {
  const listeners = new Set<(event: { data: ScenarioWorkerEvent }) => void>();
  const handle = createScenarioWorkerHandler((event) =>
    setTimeout(() => listeners.forEach((l) => l({ data: event })), 0),
  );
  return {
    postMessage: (message: ScenarioWorkerRequest) => void handle(message),
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
}

const spec: ScenarioSpec = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } },
    { name: 'volume', distribution: 'uniform', params: { min: 800, max: 1200 } },
  ],
  model: 'revenue = price * volume\nprofit = revenue - 60000',
  iterations: 20000,
  seed: 7,
};

it('runs a scenario through the worker protocol with a histogram per output', async () => {
  const progress: number[] = [];
  const outcome = await createWorkerRunner(inProcessWorker()).start(
    'Base',
    { ...spec, blockSize: 5000 } as ScenarioSpec,
    (p) => progress.push(p.done),
    true,
  ).done;
  expect(outcome.scenarioName).toBe('Base');
  expect(outcome.iterations).toBe(20000);
  expect(outcome.seed).toBe(7);
  expect(Object.keys(outcome.histograms).sort()).toEqual(['profit', 'revenue']);
  expect(outcome.trials?.revenue).toHaveLength(20000);
  // E[price × volume] = 100 × 1000 for independent drivers
  expect(outcome.result.outputs.revenue.mean).toBeCloseTo(100000, -3);
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress[progress.length - 1]).toBe(20000);
  expect(outcome.result.sensitivity?.revenue).toBeDefined();
});

it('drops the trial columns unless asked to keep them', async () => {
  const outcome = await createWorkerRunner(inProcessWorker()).start('Base', spec, () => {}, false).done;
  expect(outcome.trials).toBeUndefined();
  expect(Object.keys(outcome.histograms)).toHaveLength(2);
});

it('cancels a large run before its next block', async () => {
  const handle = createWorkerRunner(inProcessWorker()).start(
    'Big',
    { ...spec, iterations: 2_000_000, blockSize: 10000 } as ScenarioSpec,
    () => {},
    false,
  );
  setTimeout(() => handle.cancel(), 20);
  await expect(handle.done).rejects.toMatchObject({ code: 'SCENARIO_CANCELLED' });
});

it('passes engine errors through with their message', async () => {
  const bad = { ...spec, model: 'revenue = price * colume' };
  await expect(createWorkerRunner(inProcessWorker()).start('Bad', bad, () => {}, false).done).rejects.toMatchObject({
    message: expect.stringMatching(/colume/),
  });
});
