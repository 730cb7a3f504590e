/**
 * The forecast engine's jobs: each handler answers what the engine computes in-thread, through a
 * structured clone and the real runner, engine errors included; the route keeps a history on one worker.
 */
import { backtest } from '../../src/forecast/backtest';
import { describeModel } from '../../src/forecast/describe-model';
import { forecastJobHandlers, forecastRoute } from '../../src/forecast/jobs';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { FpaError } from '../../src/errors';
import { createJobPool } from '../../src/jobs/pool';
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import { fakeWorker } from '../jobs/fake-worker';

const values = Array.from({ length: 36 }, (_, t) => 50 + t + 8 * Math.cos((2 * Math.PI * t) / 12));
const clone = <T>(value: T): T => structuredClone(value);

describe('forecast jobs', () => {
  const pool = createJobPool({
    handlers: forecastJobHandlers,
    size: 2,
    start: () => webWorkerEndpoint(fakeWorker(forecastJobHandlers)),
  });
  afterAll(() => pool.close());

  test('each kind answers what the engine computes in-thread', async () => {
    const rolling = { values, horizon: 4, method: 'hw', seasonality: 12 };
    const describe = { values, method: 'ets', seasonality: 12 };
    const check = { values, horizon: 3, origins: 2, method: 'snaive' };
    expect(await pool.run('forecast.rolling', rolling)).toEqual(clone(rollingForecast(rolling)));
    expect(await pool.run('forecast.describe', describe)).toEqual(clone(describeModel(describe)));
    expect(await pool.run('forecast.backtest', check)).toEqual(clone(backtest(check)));
  });

  test('an engine error crosses as its fields and is rebuilt with code, kind, message and hint', async () => {
    const error = await pool
      .run('forecast.rolling', { values: [1, 2], horizon: 3, method: 'hw' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FpaError);
    expect(error).toMatchObject({ code: 'FORECAST_TOO_SHORT', kind: 'input', field: 'values' });
    expect((error as FpaError).fullMessage).toMatch(/needs at least \d+ values/);
  });

  test('the route is a hash of the history: equal histories, equal routes', () => {
    expect(forecastRoute([1, null, 3])).toBe(forecastRoute([1, null, 3]));
    expect(forecastRoute([1, 2, 3])).not.toBe(forecastRoute([1, 2, 4]));
    expect(Number.isInteger(forecastRoute([]))).toBe(true);
    expect(forecastRoute(values)).toBeGreaterThanOrEqual(0);
  });
});
