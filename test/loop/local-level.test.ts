import { localLevel } from '../../src/loop/local-level';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const prior = { level: 1, variance: 0.01 };

describe('localLevel', () => {
  test('no observations: the prior', () => {
    expect(localLevel([], prior)).toEqual({ level: 1, variance: 0.01, q: 0, r: 1e-8 });
  });

  test('one observation moves the level by the Kalman gain P/(P + r)', () => {
    // With fewer than 4 points r is the prior variance; P = 0.01 + q.
    const e = localLevel([1.2], prior);
    expect(e.r).toBe(0.01);
    expect(e.level).toBeCloseTo(1 + (0.2 * (0.01 + e.q)) / (0.02 + e.q), 12);
  });

  test('follows a level shift within a few periods, and a one-off spike moves it boundedly', () => {
    const rng = new SeededGenerator(30, 'level');
    const y = Array.from({ length: 24 }, (_, t) => (t < 12 ? 1 : 1.3) + 0.02 * rng.nextNormal());
    expect(localLevel(y, prior).level).toBeGreaterThan(1.2);
    const spike = Array.from({ length: 24 }, () => 1 + 0.02 * rng.nextNormal());
    spike[23] = 5;
    const e = localLevel(spike, prior);
    expect(e.level).toBeLessThan(1.1); // clipped innovation: at most 2.5 sd
  });

  test('a flat series keeps a floor on the noise and a finite answer', () => {
    const e = localLevel(Array(10).fill(1.05), prior);
    expect(e.r).toBeGreaterThan(0);
    expect(Number.isFinite(e.level)).toBe(true);
    expect(e.level).toBeGreaterThan(1.04);
  });

  test('huge and tiny scales give the same relative answer', () => {
    const y = [1, 1.1, 0.95, 1.05, 1.2, 1.15];
    const a = localLevel(y, prior);
    const b = localLevel(
      y.map((v) => v * 1e9),
      { level: 1e9, variance: 0.01 * 1e18 },
      1e-8 * 1e18,
    );
    expect(b.level / 1e9).toBeCloseTo(a.level, 8);
  });
});
