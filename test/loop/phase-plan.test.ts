import { phasePlan } from '../../src/loop/phase-plan';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('phasePlan', () => {
  test('the documented example', () => {
    const out = phasePlan([10, 10, 10], 36, [
      { lower: 5, upper: 11 },
      { lower: 5, upper: 20 },
      { lower: 5, upper: 20 },
    ]);
    expect(out).toEqual([11, 12.5, 12.5]);
  });

  test('keeps the shape when nothing binds, and an exact total', () => {
    const out = phasePlan(
      [1, 2, 3],
      12,
      [0, 1, 2].map(() => ({ lower: 0, upper: 100 })),
    );
    expect(out).toEqual([2, 4, 6]);
  });

  test('a zero current plan is spread evenly', () => {
    expect(
      phasePlan([0, 0], 10, [
        { lower: 0, upper: 10 },
        { lower: 0, upper: 10 },
      ]),
    ).toEqual([5, 5]);
  });

  test('seeded property: within limits and exactly the total (500 random cases, seed 31)', () => {
    const rng = new SeededGenerator(31, 'phase');
    for (let r = 0; r < 500; r++) {
      const n = 1 + rng.nextBelow(12);
      const ref = Array.from({ length: n }, () => 1000 + 1e6 * rng.nextOpen01());
      const limits = ref.map((v) => ({ lower: 0.5 * v, upper: 2 * v }));
      const current = ref.map((v) => v * (0.5 + 1.5 * rng.nextOpen01()));
      const lo = limits.reduce((s, l) => s + l.lower, 0);
      const hi = limits.reduce((s, l) => s + l.upper, 0);
      const total = lo + (hi - lo) * rng.nextOpen01();
      const out = phasePlan(current, total, limits);
      expect(Math.abs(out.reduce((s, v) => s + v, 0) - total)).toBeLessThanOrEqual(1e-9 * total);
      out.forEach((v, u) => {
        expect(v).toBeGreaterThanOrEqual(limits[u].lower * (1 - 1e-12));
        expect(v).toBeLessThanOrEqual(limits[u].upper * (1 + 1e-12));
      });
    }
  });
});
