import { kpiWithoutMove, recentAttainment, targetOver, weightedAttainment } from '../../src/loop/kpi-state';

describe('recentAttainment', () => {
  test('mean of actual ÷ target over the last three periods with both', () => {
    expect(recentAttainment({ target: [10, 10, 10], actual: [9, 10, 11] }, 2)).toBeCloseTo(1, 14);
    // period 3 has no target and period 1 no actual: periods 2, 0 and nothing before
    expect(recentAttainment({ target: [10, 20, 20, null, 5], actual: [5, null, 30, 8, 5] }, 3)).toBeCloseTo(
      (0.5 + 1.5) / 2,
      14,
    );
    // only the three most recent count
    expect(recentAttainment({ target: [1, 1, 1, 1], actual: [100, 1, 1, 1] }, 3)).toBe(1);
  });
  test('lower is better: target ÷ actual', () => {
    expect(recentAttainment({ target: [10], actual: [20], direction: 'lower' }, 0)).toBe(0.5);
  });
  test('nothing known, a zero target, or before the first period: null', () => {
    expect(recentAttainment({ target: [0, null], actual: [5, 5] }, 1)).toBeNull();
    expect(recentAttainment({ target: [], actual: [] }, -1)).toBeNull();
  });
});

describe('kpiWithoutMove and targetOver', () => {
  test('the recent mean carried over the months', () => {
    expect(kpiWithoutMove({ target: [], actual: [4, 6, 8] }, 2, 2)).toBe(12);
    expect(kpiWithoutMove({ target: [], actual: [100, 4, null, 8] }, 3, 3)).toBe(18);
    expect(kpiWithoutMove({ target: [], actual: [null, null] }, 1, 2)).toBeNull();
    expect(kpiWithoutMove({ target: [], actual: [1e300, 1e300] }, 1, 1)).toBe(1e300);
  });
  test('Σ target over the months, null when one is missing or beyond the series', () => {
    expect(targetOver({ target: [1, 2, 3], actual: [] }, 1, 2)).toBe(5);
    expect(targetOver({ target: [1, null, 3], actual: [] }, 0, 3)).toBeNull();
    expect(targetOver({ target: [1, 2], actual: [] }, 1, 2)).toBeNull();
  });
});

describe('weightedAttainment', () => {
  const leads = { target: [100, 100, 100], actual: [90, 90, 90], priority: 3 };
  const revenue = { target: [1000, 1000, 1000], actual: [1300, 1300, 1300], priority: 1 };

  test('a line with several KPIs: the priority-weighted attainment, 0.75 × 0.9 + 0.25 × 1.3 = 1', () => {
    expect(weightedAttainment([leads, revenue], 2)).toBeCloseTo(1, 14);
    expect(weightedAttainment([{ ...leads, priority: undefined }, revenue], 2)).toBeCloseTo(1.1, 14);
  });

  test('one KPI: exactly its own attainment; a KPI without actuals does not weigh; none: null', () => {
    expect(weightedAttainment([leads], 2)).toBe(recentAttainment(leads, 2));
    expect(weightedAttainment([leads, { ...revenue, actual: [] }], 2)).toBe(recentAttainment(leads, 2));
    expect(weightedAttainment([], 2)).toBeNull();
  });
});
