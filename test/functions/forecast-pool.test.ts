/**
 * The forecast worker pool, with in-process stand-ins for Web Workers that answer through the real
 * protocol (src/forecast/worker-protocol.ts) on a later turn of the event loop, as a worker would.
 */
import { computeForecast, useForecastWorkers } from '../../functions/forecast-pool';
import type { ForecastWorker } from '../../functions/forecast-pool';
import { forecastModel, forecastRolling } from '../../functions/forecast';
import { answerForecastJob } from '../../src/forecast/worker-protocol';
import type { ForecastJobMessage, ForecastJobReply } from '../../src/forecast/worker-protocol';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { describeModel } from '../../src/forecast/describe-model';
import { FpaError } from '../../src/errors';
import { column, expectExcelError } from './excel-range';

class FakeWorker implements ForecastWorker {
  onmessage: ((event: { data: ForecastJobReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  seen: ForecastJobMessage[] = [];
  terminated = false;
  constructor(private readonly broken = false) {}
  postMessage(message: ForecastJobMessage): void {
    this.seen.push(message);
    // A structured clone, as the port would make, then the answer on a later turn.
    const copy = JSON.parse(JSON.stringify(message)) as ForecastJobMessage;
    setTimeout(() => {
      if (this.broken) this.onerror?.(new Error('worker script failed to load'));
      else this.onmessage?.({ data: JSON.parse(JSON.stringify(answerForecastJob(copy))) as ForecastJobReply });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const series = (shift: number): number[] =>
  Array.from({ length: 40 }, (_, t) => 100 + shift + 2 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 31) % 5));

afterEach(() => useForecastWorkers(() => null, 0));

describe('forecast worker pool', () => {
  test('answers equal the in-thread engine, and a history always goes to the same worker', async () => {
    const fakes: FakeWorker[] = [];
    expect(
      useForecastWorkers(() => {
        const w = new FakeWorker();
        fakes.push(w);
        return w;
      }, 3),
    ).toBe(3);
    const requests = Array.from({ length: 12 }, (_, i) => ({ values: series(i), horizon: 6, method: 'hw' }));
    const answers = await Promise.all(
      [...requests, ...requests].map((request) => computeForecast({ kind: 'rolling', request })),
    );
    answers.forEach((answer, i) => expect(answer).toEqual(rollingForecast(requests[i % 12])));
    // 24 jobs spread over the workers, each history's two jobs on one worker.
    expect(fakes.map((f) => f.seen.length).reduce((a, b) => a + b, 0)).toBe(24);
    expect(fakes.filter((f) => f.seen.length > 0).length).toBeGreaterThan(1);
    for (const request of requests) {
      const holders = fakes.filter((f) =>
        f.seen.some((m) => JSON.stringify(m.job.request.values) === JSON.stringify(request.values)),
      );
      expect(holders).toHaveLength(1);
      expect(
        holders[0].seen.filter((m) => JSON.stringify(m.job.request.values) === JSON.stringify(request.values)),
      ).toHaveLength(2);
    }
  });

  test('the functions spill the same through workers as in-thread, errors included', async () => {
    const inThread = await forecastRolling(column(series(3)), 6, 12, 0.9, 'madm');
    const model = await forecastModel(column(series(3)), 12, 'hw');
    useForecastWorkers(() => new FakeWorker(), 2);
    expect(await forecastRolling(column(series(3)), 6, 12, 0.9, 'madm')).toEqual(inThread);
    expect(await forecastModel(column(series(3)), 12, 'hw')).toEqual(model);
    // An engine error crosses the port with its message: 3 values are too few for Holt–Winters.
    expectExcelError(
      await forecastRolling(column([1, 2, 3]), 6, 12, 0.9, 'hw'),
      '#VALUE!',
      /needs at least \d+ values/,
    );
    await expect(
      computeForecast({ kind: 'describe', request: { values: [1, 2, 3], method: 'hw', seasonality: 12 } }),
    ).rejects.toBeInstanceOf(FpaError);
  });

  test('jobs of a worker that fails run in this thread, later jobs on the others', async () => {
    const broken = new FakeWorker(true);
    const healthy = new FakeWorker();
    const made = [broken, healthy];
    useForecastWorkers(() => made.shift() ?? null, 2);
    const requests = Array.from({ length: 6 }, (_, i) => ({ values: series(10 * i), seasonality: 12, method: 'hw' }));
    const answers = await Promise.all(requests.map((request) => computeForecast({ kind: 'describe', request })));
    answers.forEach((answer, i) => expect(answer).toEqual(describeModel(requests[i])));
    expect(broken.terminated).toBe(true);
    expect(broken.seen.length).toBeGreaterThan(0);
    const after = await computeForecast({ kind: 'rolling', request: { values: series(1), horizon: 3, method: 'ses' } });
    expect(after).toEqual(rollingForecast({ values: series(1), horizon: 3, method: 'ses' }));
  });

  test('replacing the pool settles the jobs still pending on it', async () => {
    const silent: ForecastWorker = {
      onmessage: null,
      onerror: null,
      postMessage: () => undefined,
      terminate: () => undefined,
    };
    useForecastWorkers(() => silent, 1);
    const request = { values: series(2), horizon: 3, method: 'ses' };
    const pending = computeForecast({ kind: 'rolling', request });
    useForecastWorkers(() => null, 0);
    expect(await pending).toEqual(rollingForecast(request));
  });

  test('without workers the jobs run in this thread', async () => {
    expect(useForecastWorkers(() => null, 4)).toBe(0);
    const request = { values: series(0), horizon: 4, method: 'holt' };
    expect(await computeForecast({ kind: 'rolling', request })).toEqual(rollingForecast(request));
  });
});
