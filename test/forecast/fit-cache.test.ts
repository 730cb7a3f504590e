import { cachedFitEts, cachedSelectEts, clearFitCache } from '../../src/forecast/fit-cache';
import { selectEts } from '../../src/forecast/ets-select';
import { fitEts } from '../../src/forecast/ets-fit';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { describeModel } from '../../src/forecast/describe-model';

const seasonal = (n: number, shift = 0): number[] =>
  Array.from({ length: n }, (_, t) => 200 + 2 * t + 30 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 11) + shift);

describe('memoised ETS fits', () => {
  beforeEach(() => clearFitCache());

  test('a cached selection is the fit an uncached selection gives', () => {
    const y = Float64Array.from(seasonal(48));
    const cached = cachedSelectEts(y, 12)!;
    const fresh = selectEts(y, 12)!;
    expect(cached.spec).toEqual(fresh.spec);
    expect(cached.aicc).toBe(fresh.aicc);
    expect(Array.from(cached.finalState)).toEqual(Array.from(fresh.finalState));
    // The second call returns the stored object: no refit.
    expect(cachedSelectEts(Float64Array.from(seasonal(48)), 12)).toBe(cached);
  });

  test('a changed actual, another season length or another model is a different key', () => {
    const y = Float64Array.from(seasonal(48));
    const first = cachedSelectEts(y, 12);
    const changed = y.slice();
    changed[47] += 1e-9;
    expect(cachedSelectEts(changed, 12)).not.toBe(first);
    expect(cachedSelectEts(y, 1)).not.toBe(first);
    const ann = cachedFitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 }, 'fast')!;
    expect(ann.aicc).toBe(fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 }, {}, 'fast')!.aicc);
    expect(cachedFitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 }, 'full')).not.toBe(ann);
  });

  test('a month-end close gives the fresh fit: what the worker fitted before does not matter', () => {
    // A finance user reopening the workbook after the close (fresh fits), or reading two cells over the
    // same history, must see the same figure: a warm start from last month's fit was tried and reverted.
    const values = seasonal(62);
    const grown = Float64Array.from(values.slice(0, 61));
    const moved = Float64Array.from(values.slice(2, 62));
    const fresh = [selectEts(grown, 12)!, selectEts(moved, 12)!];
    cachedSelectEts(Float64Array.from(values.slice(0, 60)), 12); // last month's growing history
    cachedSelectEts(Float64Array.from(values.slice(1, 61)), 12); // last month's 60-value window
    const afterClose = [cachedSelectEts(grown, 12)!, cachedSelectEts(moved, 12)!];
    afterClose.forEach((fit, i) => {
      expect(fit.spec).toEqual(fresh[i].spec);
      expect(fit.aicc).toBe(fresh[i].aicc);
      expect(fit.params).toEqual(fresh[i].params);
      expect(Array.from(fit.finalState)).toEqual(Array.from(fresh[i].finalState));
    });
  });

  test('a history no model can fit is remembered as such', () => {
    expect(cachedSelectEts(Float64Array.of(1, 2), 1)).toBeUndefined();
    expect(cachedSelectEts(Float64Array.of(1, 2), 1)).toBeUndefined();
  });

  test('forecasts are the same from a cold and a warm cache, and the cache is never mutated', () => {
    const values = seasonal(60);
    const cold = rollingForecast({ values, horizon: 12, method: 'auto' });
    const warm = rollingForecast({ values, horizon: 12, method: 'auto' });
    expect(warm).toEqual(cold);
    warm.mean[0] = -1;
    expect(rollingForecast({ values, horizon: 12, method: 'auto' }).mean[0]).toBe(cold.mean[0]);
    clearFitCache();
    expect(rollingForecast({ values, horizon: 12, method: 'auto' })).toEqual(cold);
  });

  test('FORECAST.MODEL describes the very fit FORECAST.ROLLING used', () => {
    const values = seasonal(60, 5);
    const forecast = rollingForecast({ values, horizon: 6, method: 'ets' });
    const facts = describeModel({ values, method: 'ets' });
    expect(facts.find((f) => f.label === 'model')?.value).toBe(
      `ETS(${forecast.method.split('').join(',').replace('A,d', 'Ad')})`,
    );
  });
});
