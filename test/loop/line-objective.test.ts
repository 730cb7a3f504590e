import { attainmentPoints, expectedAbsolute, lineValue, variancePoints } from '../../src/loop/line-objective';
import { context } from './contexts';

describe('expectedAbsolute: E|X| for X ~ Normal(m, s²)', () => {
  test('closed forms', () => {
    expect(expectedAbsolute(0, 1)).toBeCloseTo(Math.sqrt(2 / Math.PI), 14);
    // R: integrate(function(x) abs(x) * dnorm(x, 1, 2), -Inf, Inf) → 2.0842973...; by the formula
    // 2·(2·dnorm(0.5) + 0.5·(2·pnorm(0.5) − 1)) = 2.08429730...
    expect(expectedAbsolute(1, 2)).toBeCloseTo(2 * (2 * 0.3520653267642995 + 0.5 * (2 * 0.6914624612740131 - 1)), 12);
    expect(expectedAbsolute(-50, 1)).toBeCloseTo(50, 10);
    expect(expectedAbsolute(3, 0)).toBe(3);
  });
});

describe('the line objective', () => {
  test('V is least at the neutral plan and grows on both sides; A grows with the plan', () => {
    const c = context(2);
    const at = (p: number) => variancePoints(c, p);
    expect(at(c.landing.neutral)).toBeLessThan(at(c.landing.neutral + 100));
    expect(at(c.landing.neutral)).toBeLessThan(at(c.landing.neutral - 100));
    expect(attainmentPoints(c, 900)).toBeGreaterThan(attainmentPoints(c, 600));
  });

  test('A follows the saturating gain: (1/12)·Σ a_u·r·s·(1 − e^(−x_u/s)), x = w·P/6 + (1 − w)·need', () => {
    const c = context(2);
    const x = 0.5 * (720 / 6) + 0.5 * c.landing.need[0];
    expect(attainmentPoints(c, 720)).toBeCloseTo((6 * (1 / 1000) * 2 * 150 * (1 - Math.exp(-x / 150))) / 12, 12);
  });

  test('f is concave in the plan (seeded grid of second differences)', () => {
    const c = context(3);
    for (const lambda of [0, 0.1, 1, 10]) {
      for (let p = 320; p < 1180; p += 40) {
        const second = lineValue(c, p + 20, lambda) - 2 * lineValue(c, p, lambda) + lineValue(c, p - 20, lambda);
        expect(second).toBeLessThanOrEqual(1e-15);
      }
    }
  });

  test('a response that would lower attainment counts as none', () => {
    expect(attainmentPoints(context(-2), 900)).toBe(0);
    const lower = context(2, { attainmentPerUnit: Array(6).fill(-1 / 1000) });
    expect(attainmentPoints(lower, 900)).toBe(0);
  });
});
