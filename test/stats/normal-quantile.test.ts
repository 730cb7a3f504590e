import { normalCdf } from '../../src/stats/normal-cdf';
import { normalQuantile, normalQuantiles } from '../../src/stats/normal-quantile';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import R from './fixtures/r-stats.json';

const EPS = 2.220446049250313e-16;

describe('normalQuantile (AS 241)', () => {
  test("equals R's qnorm(p) to 2 ulp from p = 1e-300 to 1 − 1e-15, tails included", () => {
    // R: qnorm(c(1e-300, 1e-100, ..., 0.975, ..., 1 - 1e-15)), scripts/r/make-stats-fixtures.R.
    // Measured: identical to the last bit at every point; 2 ulp leaves room for another libm.
    R.qnorm.p.forEach((p, i) => {
      const want = R.qnorm.value[i];
      expect(Math.abs(normalQuantile(p) - want)).toBeLessThanOrEqual(2 * EPS * Math.abs(want));
    });
  });
  test('the familiar critical values', () => {
    // R: sprintf('%.17g', qnorm(c(0.975, 0.95, 0.5))) = 1.9599639845400536, 1.6448536269514715, 0
    expect(normalQuantile(0.975)).toBe(1.9599639845400536);
    expect(normalQuantile(0.95)).toBe(1.6448536269514715);
    expect(normalQuantile(0.5)).toBe(0);
  });
  test('edges: ±∞ at 0 and 1, NaN outside [0, 1] and for NaN', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
    expect(normalQuantile(Number.MIN_VALUE)).toBeCloseTo(-38.4674056, 6); // R: qnorm(4.9e-324) = -38.4674056
  });
  test('is odd around ½ and increasing, and inverts Φ (seeded property test)', () => {
    const g = new SeededGenerator(13, 'test:qnorm');
    let previous = -Infinity;
    const ps = Array.from({ length: 2000 }, () => g.nextOpen01()).sort((a, b) => a - b);
    for (const p of ps) {
      const z = normalQuantile(p);
      expect(z).toBeGreaterThanOrEqual(previous);
      previous = z;
      expect(Math.abs(normalQuantile(1 - p) + z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
      expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(1e-14 * Math.min(p, 1) + 1e-300);
    }
  });
});

describe('normalQuantiles (the loop form)', () => {
  test('location + scale·normalQuantile(u) bit for bit, into another array or in place', () => {
    const g = new SeededGenerator(5, 'test:normal-quantiles');
    const edges = [0, 1, NaN, -0.5, 1.5, 0.075, 0.925, 0.07499999999999999, 0.9250000000000002, 1e-300, 1 - 1e-16, 0.5];
    const u = Float64Array.from([...edges, ...Array.from({ length: 5000 }, () => g.nextOpen01())]);
    const want = Array.from(u, (p) => 130 + 10 * normalQuantile(p));
    expect(Array.from(normalQuantiles(u, new Float64Array(u.length), 130, 10))).toEqual(want);
    expect(Array.from(normalQuantiles(u, new Float64Array(u.length)))).toEqual(Array.from(u, normalQuantile));
    const inPlace = Float64Array.from(u);
    expect(normalQuantiles(inPlace, inPlace, 130, 10)).toBe(inPlace);
    expect(Array.from(inPlace)).toEqual(want);
    expect(Array.from(normalQuantiles(new Float64Array(0), new Float64Array(0)))).toEqual([]);
  });
  test('a block longer than the kept index buffer', () => {
    const u = Float64Array.from({ length: (1 << 18) + 5 }, (_, i) => (i + 0.5) / ((1 << 18) + 5));
    const out = normalQuantiles(u, new Float64Array(u.length), -1, 2);
    for (const i of [0, 1, 1000, 131_000, (1 << 18) + 4]) expect(out[i]).toBe(-1 + 2 * normalQuantile(u[i]));
  });
});
