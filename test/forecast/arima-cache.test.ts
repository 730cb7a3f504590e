import { clearArimaCache, cachedAutoArima } from '../../src/forecast/arima-cache';
import { fixedOrderFits } from './arima-fixtures';

const usa = Float64Array.from(fixedOrderFits().find((f) => f.name === 'usaccdeaths-011-011')!.values);

describe('cachedAutoArima', () => {
  test('the cache returns the same fit for the same values, a new one when a value changes', () => {
    clearArimaCache();
    const a = cachedAutoArima(usa, 12);
    expect(cachedAutoArima(Float64Array.from(usa), 12)).toBe(a);
    const changed = Float64Array.from(usa);
    changed[5] += 1;
    expect(cachedAutoArima(changed, 12)).not.toBe(a);
    expect(cachedAutoArima(usa, 1)).not.toBe(a);
  });

  test('an unfittable history is remembered as such', () => {
    clearArimaCache();
    expect(cachedAutoArima(new Float64Array(0), 12)).toBeUndefined();
    expect(cachedAutoArima(new Float64Array(0), 12)).toBeUndefined();
  });
});
