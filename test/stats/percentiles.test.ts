import { BUCKETED_FROM, percentiles } from '../../src/stats/percentiles';
import { interpolateOrderStatistics, quantileSorted } from '../../src/stats/quantile-sorted';
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

describe('percentiles of large samples (bucket counts, then a selection within the buckets)', () => {
  /** Type 7 read off a sorted copy, with h computed as `percentiles` computes it: the same bits expected. */
  const bySorting = (x: Float64Array, ps: number[]): number[] => {
    const sorted = Float64Array.from(x).sort();
    const n = x.length;
    return ps.map((p) => {
      const h = ((n - 1) * p) / 100;
      const k = Math.floor(h);
      return h > k ? interpolateOrderStatistics(sorted[k], sorted[k + 1], h - k) : sorted[k];
    });
  };
  const ps = [0, 0.1, 1, 5, 10, 25, 33.3, 50, 75, 90, 95, 99.9, 100];
  const g = new SeededGenerator(7, 'test:percentiles:large');
  const samples: Record<string, Float64Array> = {
    normal: Float64Array.from({ length: BUCKETED_FROM * 5 + 3 }, () => g.nextNormal() * 1e6 + 5e5),
    'three values (a discrete output)': Float64Array.from({ length: 20_000 }, () => [0, 250_000, 1e6][g.nextBelow(3)]),
    'one huge outlier (nearly all in the first bucket)': Float64Array.from({ length: 10_000 }, (_, i) =>
      i === 5000 ? 1e300 : g.nextNormal(),
    ),
    'ties and a long right tail': Float64Array.from({ length: 30_000 }, () => Math.round(Math.exp(3 * g.nextNormal()))),
    'a range that overflows (selection instead)': Float64Array.from({ length: 5000 }, (_, i) =>
      i % 2 ? Number.MAX_VALUE / (1 + i) : -Number.MAX_VALUE / (1 + i),
    ),
    'a subnormal range (selection instead)': Float64Array.from({ length: 5000 }, (_, i) => (i % 7) * 5e-324),
    'all equal': new Float64Array(BUCKETED_FROM).fill(-3.5),
    'exactly BUCKETED_FROM values': Float64Array.from({ length: BUCKETED_FROM }, () => g.nextOpen01()),
  };
  test.each(Object.keys(samples))('%s: the same bits as a sort, with and without scratch', (name) => {
    const x = samples[name];
    const copy = Float64Array.from(x);
    const want = bySorting(x, ps);
    expect(percentiles(x, ps)).toEqual(want);
    expect(percentiles(x, [...ps].reverse())).toEqual([...want].reverse());
    expect(percentiles(x, ps, new Float64Array(x.length))).toEqual(want);
    expect(percentiles(x, ps, new Float64Array(3))).toEqual(want);
    expect(x).toEqual(copy);
  });
  test('seeded property: random sizes and shapes give the same bits as a sort', () => {
    const r = new SeededGenerator(99, 'test:percentiles:property');
    for (let t = 0; t < 20; t++) {
      const n = BUCKETED_FROM + r.nextBelow(40_000);
      const shape = r.nextBelow(3);
      const x = Float64Array.from({ length: n }, () =>
        shape === 0 ? r.nextNormal() : shape === 1 ? Math.exp(2 * r.nextNormal()) : r.nextBelow(50) - 25,
      );
      const some = [r.nextOpen01() * 100, 5, 50, 95, r.nextOpen01() * 100];
      expect(percentiles(x, some)).toEqual(bySorting(x, some));
    }
  }, 30_000);
});
