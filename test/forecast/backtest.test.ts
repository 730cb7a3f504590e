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

describe('outliers and combination are passed to every origin', () => {
  // USAccDeaths with a value tripled inside every training window.
  const spiked = y.map((v, i) => (i === 30 ? 3 * v : v));

  test('"adjust" refits each origin on the cleaned history; actuals are scored as given', () => {
    const keep = backtest({ values: spiked, horizon: 6, origins: 3, method: 'ses' });
    expect(backtest({ values: spiked, horizon: 6, origins: 3, method: 'ses', outliers: 'keep' })).toEqual(keep);
    const adjust = backtest({ values: spiked, horizon: 6, origins: 3, method: 'ses', outliers: 'adjust' });
    expect(adjust).not.toEqual(keep);
    // Scoring uses the values as given: a spike among the actuals still counts against the forecast.
    const late = y.map((v, i) => (i === y.length - 1 ? 3 * v : v));
    const lastMonth = { values: late, horizon: 1, origins: 1, method: 'snaive', seasonality: 12 } as const;
    const scoredKeep = backtest(lastMonth);
    const scoredAdjust = backtest({ ...lastMonth, outliers: 'adjust' });
    expect(scoredAdjust.overall.smape).toBe(scoredKeep.overall.smape);
  });

  test('"accuracy" combination reaches rollingForecast', () => {
    const auto = { values: y, horizon: 3, origins: 1, method: 'auto', seasonality: 12 } as const;
    const equal = backtest(auto);
    const weighted = backtest({ ...auto, combination: 'accuracy' });
    expect(weighted.overall.smape).not.toBe(equal.overall.smape);
  });

  test('an unknown outliers value is an FpaError', () => {
    expect(() =>
      backtest({ values: y, horizon: 3, origins: 1, method: 'ses', outliers: 'drop' as unknown as 'keep' }),
    ).toThrow(/outliers "drop"/);
  });
});

test('method "arima" is refitted at every origin and scored', () => {
  const r = backtest({ values: y, horizon: 6, origins: 3, method: 'arima' });
  expect(r.method).toMatch(/^ARIMA\(/);
  expect(r.overall.count).toBe(18);
  expect(r.overall.mase).toBeGreaterThan(0);
  expect(r.overall.mase).toBeLessThan(2);
});
