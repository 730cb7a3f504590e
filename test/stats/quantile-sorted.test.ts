import { interpolateOrderStatistics, quantileSorted } from '../../src/stats/quantile-sorted';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import R from './fixtures/r-stats.json';

const samples = [R['sample.ties'], R['sample.normal101'], R['sample.skewed57'], R['sample.two'], R['sample.one']];

describe('quantileSorted (R type 7 = Excel PERCENTILE.INC)', () => {
  test("equals R's quantile(s, probs, type = 7) on five samples (ties, n = 1, 2, 57, 101)", () => {
    // R: quantile(s, c(0, .01, .05, .1, .25, 1/3, .5, .75, .9, .95, .99, 1), type = 7)
    // R forms (1 − f)·a + f·b, we form a + f·(b − a): they may differ by an ulp of the operands.
    for (const s of samples) {
      const sorted = Float64Array.from(s.x).sort();
      const scale = Math.max(...s.x.map(Math.abs));
      s.probs.forEach((p, i) =>
        expect(Math.abs(quantileSorted(sorted, p) - s.quantile[i])).toBeLessThanOrEqual(4.5e-16 * scale),
      );
    }
  });
  test('Excel PERCENTILE.INC examples', () => {
    // Excel: PERCENTILE.INC({1,2,3,4}, 0.3) = 1.9; QUARTILE.INC({1,2,4,7,8,9,10,12}, 1) = 3.5
    expect(quantileSorted([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 14);
    expect(quantileSorted([1, 2, 4, 7, 8, 9, 10, 12], 0.25)).toBe(3.5);
  });
  test('empty gives NaN, one value gives that value, ends give min and max', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([7], 0.05)).toBe(7);
    expect(quantileSorted([1, 5, 9], 0)).toBe(1);
    expect(quantileSorted([1, 5, 9], 1)).toBe(9);
  });
  test('huge magnitudes do not overflow when interpolating', () => {
    // MAX_VALUE − (−MAX_VALUE) overflows; the step then weights the two ends instead.
    expect(quantileSorted([-Number.MAX_VALUE, Number.MAX_VALUE], 0.5)).toBe(0);
    const q75 = quantileSorted([-Number.MAX_VALUE, Number.MAX_VALUE], 0.75);
    expect(Math.abs(q75 - Number.MAX_VALUE / 2)).toBeLessThanOrEqual(2.3e-16 * Number.MAX_VALUE);
    expect(quantileSorted([Number.MAX_VALUE, Number.MAX_VALUE], 0.7)).toBe(Number.MAX_VALUE);
    expect(interpolateOrderStatistics(1, 2, 0.75)).toBe(1.75);
  });
  test('is increasing in p and stays inside its two order statistics (seeded property test)', () => {
    const g = new SeededGenerator(7, 'test:quantile');
    for (let t = 0; t < 50; t++) {
      const n = 1 + g.nextBelow(200);
      const sorted = Float64Array.from({ length: n }, () => Math.round(g.nextNormal() * 100)).sort();
      let previous = -Infinity;
      for (let k = 0; k <= 100; k++) {
        const p = k / 100;
        const q = quantileSorted(sorted, p);
        expect(q).toBeGreaterThanOrEqual(previous);
        previous = q;
        const h = p * (n - 1);
        expect(q).toBeGreaterThanOrEqual(sorted[Math.floor(h)]);
        expect(q).toBeLessThanOrEqual(sorted[Math.min(Math.ceil(h), n - 1)]);
      }
    }
  });
});
