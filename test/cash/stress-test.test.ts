import { stressTest } from '../../src/cash/stress-test';

describe('stressTest', () => {
  const base = { openingCash: 100, minCash: 50, flows: [-20, 30, -40], inflows: [40, 60, 20], daysInPeriod: 30 };

  it('reports the base case: cash 80, 110, 70, no breach', () => {
    const [result] = stressTest(base, []);
    expect(result).toEqual({ name: 'base', minCash: 70, minPeriod: 3, breaches: [], closingCash: [80, 110, 70] });
  });

  it('applies revenue −50%: collections 20, 30, 10 → cash 60, 60, 10, breach in period 3', () => {
    const [, result] = stressTest(base, [{ name: 'revenue -50%', kind: 'revenue', pct: -0.5 }]);
    expect(result.closingCash).toEqual([60, 60, 10]);
    expect(result.breaches).toEqual([3]);
  });

  it('delays collections by 15 days: half of each period slips to the next', () => {
    // Collections 40, 60, 20 become 20, 50, 40 (10 of period 3 slips past the horizon).
    // Flows: −20 − 40 + 20 = −40; 30 − 60 + 50 = 20; −40 − 20 + 40 = −20 → cash 60, 80, 60.
    const [, result] = stressTest(base, [{ name: 'late', kind: 'delay', days: 15 }]);
    expect(result.closingCash.map((c) => Math.round(c * 1e9) / 1e9)).toEqual([60, 80, 60]);
    expect(result.breaches).toEqual([]);
  });

  it('adds a one-off outflow and rejects a bad period', () => {
    const [, result] = stressTest(base, [{ name: 'fine', kind: 'outflow', amount: 45, period: 2 }]);
    expect(result.closingCash).toEqual([80, 65, 25]);
    expect(result.breaches).toEqual([3]);
    expect(() => stressTest(base, [{ name: 'x', kind: 'outflow', amount: 1, period: 9 }])).toThrow(/period/);
  });
});
