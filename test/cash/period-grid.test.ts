import { checkGrid, equalPeriods, periodOfDay } from '../../src/cash/period-grid';

describe('period grid', () => {
  it('lays out equal periods from the as-of day', () => {
    expect(equalPeriods(45000, 3, 7)).toEqual({ asOf: 45000, ends: [45007, 45014, 45021] });
  });

  it('puts a day in (end[p−1], end[p]]: the as-of day is history, a period end belongs to its period', () => {
    const grid = { asOf: 0, ends: [7, 14] };
    expect([-3, 0, 1, 7, 8, 14, 15, 1e9].map((d) => periodOfDay(grid, d))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('rejects period ends out of order, naming the first one', () => {
    expect(() => checkGrid({ asOf: 10, ends: [12, 12] })).toThrow(/periods end 2/);
    expect(() => checkGrid({ asOf: 10, ends: [9] })).toThrow(/after the as-of date/);
    expect(() => checkGrid({ asOf: 10, ends: [] })).toThrow(/at least one period/);
    expect(() => equalPeriods(0, 0, 7)).toThrow(/periods/);
    expect(() => equalPeriods(0, 2, 0)).toThrow(/period_days/);
    expect(() => equalPeriods(NaN, 2, 7)).toThrow(/as_of/);
  });
});
