import { percentiles } from '../../src/stats/percentiles';
import { quantileSorted } from '../../src/stats/quantile-sorted';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import R from './fixtures/r-stats.json';

describe('percentiles (the type-7 definition, by selection)', () => {
  test('R: quantile(1:10, c(0, .05, .5, .95, 1)) = 1, 1.45, 5.5, 9.55, 10; the input is untouched', () => {
    const x = Float64Array.from([7, 1, 10, 3, 2, 9, 4, 8, 6, 5]);
    const p = percentiles(x, [50, 0, 95, 5, 100]);
    [5.5, 1, 9.55, 1.45, 10].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 12));
    expect(Array.from(x)).toEqual([7, 1, 10, 3, 2, 9, 4, 8, 6, 5]);
  });
  test("equals R's quantile(s, probs, type = 7) on the fixture samples", () => {
    for (const s of [R['sample.ties'], R['sample.normal101'], R['sample.skewed57'], R['sample.two']]) {
      const got = percentiles(
        Float64Array.from(s.x),
        s.probs.map((p) => 100 * p),
      );
      // h carries one rounding (an ulp of n − 1), which moves the value by up to that times the range.
      const scale = Math.max(...s.x.map(Math.abs));
      const tolerance = 2.3e-16 * (s.x.length - 1) * 2 * scale + 4.5e-16 * scale;
      got.forEach((v, i) => expect(Math.abs(v - s.quantile[i])).toBeLessThanOrEqual(tolerance));
    }
  });
  test('P5 of 101 values is exactly the 6th smallest: h = ((n − 1)·5)/100 is computed in one rounding', () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(percentiles(x, [5, 95])).toEqual([5, 95]);
  });
  test('empty, one value, ties and huge magnitudes', () => {
    expect(percentiles(new Float64Array(0), [5, 50])).toEqual([NaN, NaN]);
    expect(percentiles(Float64Array.of(3), [5, 95])).toEqual([3, 3]);
    expect(percentiles(Float64Array.of(2, 2, 2, 2), [50])).toEqual([2]);
    expect(percentiles(Float64Array.of(Number.MAX_VALUE, -Number.MAX_VALUE, 0), [50])).toEqual([0]);
    expect(percentiles(Float64Array.of(Number.MAX_VALUE, -Number.MAX_VALUE), [50])).toEqual([0]);
  });
  test('agrees with quantileSorted on a sorted copy to an ulp of the data (seeded property test)', () => {
    const g = new SeededGenerator(21, 'test:percentiles');
    const scratch = new Float64Array(1000);
    for (let t = 0; t < 40; t++) {
      const n = 1 + g.nextBelow(1000);
      const x = Float64Array.from({ length: n }, () => Math.round(g.nextNormal() * 1000) / 10);
      const sorted = Float64Array.from(x).sort();
      const scale = Math.max(-sorted[0], sorted[n - 1]);
      const tolerance = 2.3e-16 * (n - 1) * 2 * scale + 4.5e-16 * scale;
      const ps = [0, 1, 2.5, 5, 10, 25, 50, 75, 90, 95, 97.5, 99, 100];
      percentiles(x, ps, scratch).forEach((v, i) => {
        const want = quantileSorted(sorted, ps[i] / 100);
        // h = ((n − 1)·P)/100 here and (n − 1)·(P/100) there may differ in the last bit.
        expect(Math.abs(v - want)).toBeLessThanOrEqual(tolerance);
      });
    }
  });
});
