import { mad, MAD_TO_SD } from '../../src/stats/mad';
import { normalQuantile } from '../../src/stats/normal-quantile';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import R from './fixtures/r-stats.json';

describe('mad (scaled by 1.4826, as R)', () => {
  test("matches R's mad on the JSDoc example and the fixture samples", () => {
    // R: mad(c(1, 2, 3, 4, 100)) = 1.4826
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
    for (const s of [R['sample.ties'], R['sample.normal101'], R['sample.skewed57'], R['sample.two'], R['sample.one']])
      expect(Math.abs(mad(s.x) - s.mad[0])).toBeLessThanOrEqual(1e-15 * Math.abs(s.mad[0]));
  });
  test('the constant is 1/Φ⁻¹(¾) to R’s four decimals', () => {
    expect(MAD_TO_SD).toBeCloseTo(1 / normalQuantile(0.75), 4);
  });
  test('no spread, one value, blanks, empty', () => {
    expect(mad([5, 5, 5])).toBe(0);
    expect(mad([9])).toBe(0);
    expect(mad([1, NaN, 2, 3, Infinity])).toBeCloseTo(1.4826, 12);
    expect(mad([])).toBeNaN();
  });
  test('estimates σ of normal data and ignores a wild value (seeded property test)', () => {
    const g = new SeededGenerator(8, 'test:mad');
    const x = Array.from({ length: 5000 }, () => 3 * g.nextNormal());
    expect(mad(x)).toBeGreaterThan(2.85);
    expect(mad(x)).toBeLessThan(3.15);
    expect(Math.abs(mad([...x, 1e12]) - mad(x))).toBeLessThan(0.01);
  });
});
