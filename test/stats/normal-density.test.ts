import { normalDensity } from '../../src/stats/normal-density';
import R from './fixtures/r-stats.json';

describe('normalDensity', () => {
  test("equals R's dnorm(z) within 1e-15 relative, z = −37.5 to 10", () => {
    // R: dnorm(c(-37.5, ..., 10)); dnorm(0) = 0.3989422804014327
    R.dnorm.z.forEach((z, i) => {
      const want = R.dnorm.value[i];
      expect(Math.abs(normalDensity(z) - want)).toBeLessThanOrEqual(1e-15 * want);
    });
    expect(normalDensity(0)).toBe(0.3989422804014327);
  });
  test('is even, 0 at ±∞ and underflows to 0 far out', () => {
    expect(normalDensity(1.7)).toBe(normalDensity(-1.7));
    expect(normalDensity(Infinity)).toBe(0);
    expect(normalDensity(-Infinity)).toBe(0);
    expect(normalDensity(40)).toBe(0); // R: dnorm(40) = 0
    expect(normalDensity(NaN)).toBe(0);
  });
});
