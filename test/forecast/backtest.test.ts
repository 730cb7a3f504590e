import { backtest } from '../../src/forecast/backtest';
import { FpaError } from '../../src/errors';
import { loadFixtures } from './fixtures';

const y = loadFixtures().find((f) => f.name === 'usaccdeaths')!.values;

test('rolling origin: accuracy per step and overall', () => {
  const r = backtest({ values: y, horizon: 6, origins: 4, method: 'snaive', seasonality: 12 });
  expect(r.byHorizon).toHaveLength(6);
  expect(r.byHorizon.every((b) => b.count === 4)).toBe(true);
  expect(r.overall.count).toBe(24);
  for (const b of r.byHorizon) {
    expect(b.mase).toBeGreaterThan(0);
    expect(b.coverage80).toBeLessThanOrEqual(b.coverage95);
  }
});

test('a perfectly periodic series is forecast exactly by snaive', () => {
  const periodic = Array.from({ length: 48 }, (_, t) => 100 + (t % 12));
  const r = backtest({ values: periodic, horizon: 3, origins: 2, method: 'snaive', seasonality: 12 });
  expect(r.overall.smape).toBe(0);
  expect(r.overall.coverage95).toBe(1);
});

test('too short and bad origins are FpaErrors', () => {
  expect(() => backtest({ values: [1, 2, 3], horizon: 3, origins: 2 })).toThrow(FpaError);
  expect(() => backtest({ values: y, horizon: 3, origins: 0 })).toThrow(/origins/);
});

test('deterministic', () => {
  const a = backtest({ values: y, horizon: 3, origins: 2, method: 'ets', seasonality: 12 });
  expect(backtest({ values: y, horizon: 3, origins: 2, method: 'ets', seasonality: 12 })).toEqual(a);
});
