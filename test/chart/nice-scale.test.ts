import { niceScale } from '../../src/chart/nice-scale';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('niceScale', () => {
  // Each row: R 4's pretty(c(min, max)) (n = 5), quoted.
  const R: [number, number, number[]][] = [
    [0, 97, [0, 20, 40, 60, 80, 100]], // pretty(c(0,97))
    [34963, 52348, [30000, 35000, 40000, 45000, 50000, 55000]], // pretty(c(34963, 52348))
    [-0.94, 0.94, [-1, -0.5, 0, 0.5, 1]], // pretty(c(-0.94, 0.94))
    [0.001, 0.0093, [0, 0.002, 0.004, 0.006, 0.008, 0.01]], // pretty(c(0.001, 0.0093))
    [18010, 72868, [10000, 20000, 30000, 40000, 50000, 60000, 70000, 80000]], // pretty(c(18010, 72868))
    [-3.2e6, 1.1e6, [-4e6, -3e6, -2e6, -1e6, 0, 1e6, 2e6]], // pretty(c(-3.2e6, 1.1e6))
    [0.1, 0.3, [0.1, 0.15, 0.2, 0.25, 0.3]], // pretty(c(0.1, 0.3))
    [-120, 3400, [-1000, 0, 1000, 2000, 3000, 4000]], // pretty(c(-120, 3400))
    [1e-9, 3e-9, [1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9]], // pretty(c(1e-9, 3e-9))
    [1e300, 1.5e300, [1e300, 1.1e300, 1.2e300, 1.3e300, 1.4e300, 1.5e300]], // pretty(c(1e300, 1.5e300))
  ];
  it.each(R)('pretty(c(%d, %d)) as R gives it', (lo, hi, ticks) => {
    const scale = niceScale(lo, hi);
    expect(scale.ticks).toHaveLength(ticks.length);
    scale.ticks.forEach((t, i) => expect(t).toBeCloseTo(ticks[i], 12 - Math.log10(Math.abs(ticks[i]) || 1)));
  });

  it('takes the bounds in either order and frames one value from zero', () => {
    expect(niceScale(97, 0).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceScale(5, 5).ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceScale(-5, -5).ticks).toEqual([-5, -4, -3, -2, -1, 0]);
    expect(niceScale(0, 0).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('gives a unit axis for values that are not finite', () => {
    expect(niceScale(NaN, 1).ticks).toEqual([0, 1]);
    expect(niceScale(-Infinity, 3).ticks).toEqual([0, 1]);
  });

  it('always frames the data with 1-2-5 steps and 2 to 11 intervals (seeded, 500 ranges)', () => {
    const g = new SeededGenerator(4, 'ticks');
    for (let i = 0; i < 500; i++) {
      const a = (g.nextOpen01() - 0.5) * 10 ** ((i % 12) - 4);
      const b = a + g.nextOpen01() * 10 ** ((i % 7) - 2);
      const s = niceScale(a, b);
      // Framed to within a billionth of a step (what rounding may leave out is invisible).
      expect(s.lo).toBeLessThanOrEqual(a + s.step * 1e-9);
      expect(s.hi).toBeGreaterThanOrEqual(b - s.step * 1e-9);
      const mantissa = s.step / 10 ** Math.floor(Math.log10(s.step) + 1e-12);
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      expect(s.ticks.length - 1).toBeGreaterThanOrEqual(2);
      expect(s.ticks.length - 1).toBeLessThanOrEqual(11);
    }
  });
});
