import { etsSeason, resolveSeason } from '../../src/forecast/resolve-season';
import { loadFixtures } from './fixtures';

const usAccDeaths = Float64Array.from(loadFixtures().find((f) => f.name === 'usaccdeaths')!.values);

/** Seeded noise in [-1, 1) (a fixed linear congruential sequence): the tests' own data. */
function noise(n: number, seed: number): Float64Array {
  let x = seed;
  return Float64Array.from({ length: n }, () => {
    x = (1103515245 * x + 12345) % 2147483648;
    return (2 * x) / 2147483648 - 1;
  });
}

describe('season lengths', () => {
  test('ETS is offered the nominal season from two full seasons on, when the season is to be detected', () => {
    expect(etsSeason(24, 0, 12, 1)).toBe(12);
    expect(etsSeason(23, 0, 12, 1)).toBe(1);
    expect(etsSeason(60, 0, 12, 12)).toBe(12);
    expect(etsSeason(60, 0, 1, 1)).toBe(1);
    // An explicit choice stands: none, or a given period when two seasons of it exist.
    expect(etsSeason(60, 1, 12, 1)).toBe(1);
    expect(etsSeason(60, 4, 12, 4)).toBe(4);
    expect(etsSeason(7, 4, 12, 4)).toBe(1);
  });

  test('the detection notes say what was assumed, not which model was fitted', () => {
    const flat = Float64Array.from({ length: 48 }, (_, t) => 100 + ((t * 37) % 11));
    expect(resolveSeason(flat, 0, 12)).toEqual({
      period: 1,
      nominal: 12,
      notes: ['No seasonality at lag 12 detected: no season assumed.'],
    });
    expect(resolveSeason(flat.subarray(0, 30), 0, 12).notes).toEqual([
      'Too short to test for seasonality (needs 36 values, has 30): no season assumed.',
    ]);
    expect(() => resolveSeason(flat, -1, 12)).toThrow(/seasonality/);
  });

  test('a known frequency tests that lag only; "nominal" is what ETS is offered', () => {
    expect(resolveSeason(usAccDeaths, 0, 12)).toEqual({
      period: 12,
      nominal: 12,
      notes: ['Seasonality of 12 periods detected.'],
    });
    const flat = Float64Array.from({ length: 48 }, (_, t) => 100 + ((t * 37) % 11));
    expect(resolveSeason(flat, 0, 4).nominal).toBe(4);
    expect(resolveSeason(flat, 4, 12)).toEqual({ period: 4, nominal: 4, notes: [] });
    expect(resolveSeason(flat, 1)).toEqual({ period: 1, nominal: 1, notes: [] });
  });

  test('an unknown frequency tries 12 and 4 and keeps the lag at which the series repeats best', () => {
    // Quarterly: trend + season of 4 + noise, 40 quarters; it correlates at lag 12 as well.
    const e = noise(40, 7);
    const quarterly = Float64Array.from({ length: 40 }, (_, t) => 100 + 2 * t + [15, -5, -20, 10][t % 4] + 3 * e[t]);
    expect(resolveSeason(quarterly, 0)).toEqual({
      period: 4,
      nominal: 4,
      notes: ['Seasonality of 4 periods detected.'],
    });
    // Monthly: USAccDeaths (72 months) has its annual season found, as with frequency 12.
    expect(resolveSeason(usAccDeaths, 0).period).toBe(12);
    // A trending monthly series without a season: lag 4 correlates on the levels, not on the
    // first differences, so no season is taken; ETS would be offered the monthly default.
    const u = noise(60, 3);
    const trend = Float64Array.from({ length: 60 }, (_, t) => 50 + t + 2 * u[t]);
    expect(resolveSeason(trend, 0)).toEqual({
      period: 1,
      nominal: 12,
      notes: ['No seasonality at lag 12 or 4 detected: no season assumed.'],
    });
    // Too short for lag 12 (36 values), long enough for lag 4 (12 values).
    expect(resolveSeason(quarterly.subarray(0, 20), 0).period).toBe(4);
    expect(resolveSeason(quarterly.subarray(0, 11), 0).notes).toEqual([
      'Too short to test for seasonality (needs 12 values, has 11): no season assumed.',
    ]);
  });
});
