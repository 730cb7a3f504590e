import { accuracyWeights } from '../../src/forecast/accuracy-weights';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { loadFixtures } from './fixtures';

const constant = (name: string, v: number, h: number) => ({
  name,
  mean: new Float64Array(h).fill(v),
  lower: [],
  upper: [],
});

test('weights are 1 / mean MASE per role over the origins', () => {
  // y = 0..19 (lag-1 naive MAE = 1). Role 0 forecasts the last value (error k+1 at step k),
  // role 1 forecasts the truth exactly except one unit off (error 1); role 2 is missing at one origin.
  const y = Float64Array.from({ length: 20 }, (_, t) => t);
  const w = accuracyWeights(y, 1, 2, 2, 5, (x) => [
    constant('last', x[x.length - 1], 2),
    { ...constant('near', 0, 2), mean: Float64Array.of(x.length + 1, x.length + 2) },
    x.length === 17 ? undefined : constant('zero', 0, 2),
  ]);
  expect(w).toBeDefined();
  expect(w![0]).toBeCloseTo(1 / 1.5, 12); // errors 1, 2 at each origin
  expect(w![1]).toBeCloseTo(1, 12);
  expect(w![2]).toBeCloseTo(1 / 18.5, 12); // origin end 18 only: actuals 18, 19
});

test('too little history or an unscored role gives undefined (equal weights)', () => {
  const y = Float64Array.from({ length: 10 }, (_, t) => t);
  expect(accuracyWeights(y, 1, 3, 3, 8, () => [constant('a', 0, 3)])).toBeUndefined();
  expect(accuracyWeights(y, 1, 2, 2, 4, () => [constant('a', 0, 2), undefined])).toBeUndefined();
});

describe('rollingForecast combination "accuracy"', () => {
  const monthly = loadFixtures().find((f) => f.name === 'usaccdeaths')!;
  const base = { values: monthly.values, horizon: 12, seasonality: 12, method: 'auto' };

  test('is off by default and changes the weights, with a note, when asked', () => {
    const equal = rollingForecast(base);
    const explicit = rollingForecast({ ...base, combination: 'equal' });
    expect(explicit.mean).toEqual(equal.mean);
    const weighted = rollingForecast({ ...base, combination: 'accuracy' });
    expect(weighted.notes.some((n) => n.startsWith('Combination weights from 3 rolling origins'))).toBe(true);
    expect(weighted.mean).not.toEqual(equal.mean);
    // The weights are the three scored members' (ETS, Theta, AR); the equal pool adds ARIMA.
    expect(equal.method).toMatch(/^auto\(ANA\+theta\+ARIMA\(.*\+ar\d\)$/);
    expect(weighted.method).toBe(equal.method.replace(/\+ARIMA\(.*\+ar/, '+ar'));
    expect(rollingForecast({ ...base, combination: 'accuracy' })).toEqual(weighted);
    weighted.intervals[0].lower.forEach((lo, k) => {
      expect(lo).toBeGreaterThanOrEqual(weighted.intervals[1].lower[k]);
      expect(weighted.intervals[0].upper[k]).toBeLessThanOrEqual(weighted.intervals[1].upper[k]);
    });
  });

  test('short history falls back to equal weights with a note', () => {
    const short = { values: monthly.values.slice(0, 30), horizon: 12, seasonality: 12, method: 'auto' };
    const r = rollingForecast({ ...short, combination: 'accuracy' });
    expect(r.notes).toContain('Too little history to score the members on rolling origins: equal weights used.');
    expect(r.mean).toEqual(rollingForecast(short).mean);
  });
});
