import { normalCdf } from '../../src/stats/normal-cdf';
import R from './fixtures/r-stats.json';

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('normalCdf', () => {
  test("equals R's pnorm(z) within 1e-13 relative, from z = −37.5 to 10", () => {
    // R: pnorm(c(-37.5, -30, ..., 10)); measured worst 5e-14 at z = −37.5 (Φ = 4.6e-308).
    R.pnorm.z.forEach((z, i) => expect(relative(normalCdf(z), R.pnorm.value[i])).toBeLessThan(1e-13));
  });
  test('the upper tail by symmetry, Φ(−z) = 1 − Φ(z), is as accurate as the lower', () => {
    // R: pnorm(z, lower.tail = FALSE); Φ(−10) = 7.619853024160527e-24, never 1 − (1 − tiny).
    R.pnormUpper.z.forEach((z, i) => expect(relative(normalCdf(-z), R.pnormUpper.value[i])).toBeLessThan(1e-13));
    expect(normalCdf(-10)).toBeCloseTo(7.619853024160527e-24, 36);
  });
  test('edges: 0 and 1 at ±∞, NaN for NaN, a subnormal below R’s underflow point', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalCdf(0)).toBe(0.5);
    // R: pnorm(-38) = 0 (R underflows below −37.5193); ours is a subnormal number, still ≤ 1e-307.
    expect(normalCdf(-38)).toBeGreaterThanOrEqual(0);
    expect(normalCdf(-38)).toBeLessThan(1e-307);
    expect(normalCdf(-Number.MAX_VALUE)).toBe(0);
    expect(normalCdf(Number.MAX_VALUE)).toBe(1);
  });
  test('is increasing on a fine grid', () => {
    let previous = 0;
    for (let z = -12; z <= 12; z += 0.01) {
      const p = normalCdf(z);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
});
