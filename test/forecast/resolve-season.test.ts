import { etsSeason, memberSeason, resolveSeason } from '../../src/forecast/resolve-season';

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

  test('the other members follow a seasonal ETS model, else the detected season', () => {
    expect(memberSeason({ error: 'M', trend: 'N', season: 'M', period: 12 }, 1)).toBe(12);
    expect(memberSeason({ error: 'A', trend: 'A', season: 'N', period: 1 }, 12)).toBe(12);
    expect(memberSeason({ error: 'A', trend: 'N', season: 'N', period: 1 }, 1)).toBe(1);
  });

  test('the detection notes say what was assumed, not which model was fitted', () => {
    const flat = Float64Array.from({ length: 48 }, (_, t) => 100 + ((t * 37) % 11));
    expect(resolveSeason(flat, 0, 12)).toEqual({
      period: 1,
      notes: ['No seasonality at lag 12 detected: no season assumed.'],
    });
    expect(resolveSeason(flat.subarray(0, 30), 0, 12).notes).toEqual([
      'Too short to test for seasonality (needs 36 values, has 30): no season assumed.',
    ]);
    expect(() => resolveSeason(flat, -1, 12)).toThrow(/seasonality/);
  });
});
