import { percentiles, selectInPlace } from '../../src/scenario/select';
import { describeOutput } from '../../src/scenario/statistics';
import { Xoshiro128 } from '../../src/scenario/prng';

describe('percentiles (R type 7)', () => {
  test('R: quantile(1:10, c(0, .05, .5, .95, 1)) = 1, 1.45, 5.5, 9.55, 10', () => {
    const x = Float64Array.from([7, 1, 10, 3, 2, 9, 4, 8, 6, 5]);
    const p = percentiles(x, [50, 0, 95, 5, 100]);
    [5.5, 1, 9.55, 1.45, 10].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 12));
    expect(Array.from(x)).toEqual([7, 1, 10, 3, 2, 9, 4, 8, 6, 5]); // input untouched
  });
  test('one value, ties and huge magnitudes', () => {
    expect(percentiles(Float64Array.of(3), [5, 95])).toEqual([3, 3]);
    expect(percentiles(Float64Array.of(2, 2, 2, 2), [50])).toEqual([2]);
    expect(percentiles(Float64Array.of(Number.MAX_VALUE, -Number.MAX_VALUE, 0), [50])).toEqual([0]);
  });
  test('selection agrees with a full sort on random data (seeded property test)', () => {
    const r = new Xoshiro128(4);
    for (let t = 0; t < 20; t++) {
      const n = 1 + r.nextBelow(500);
      const x = new Float64Array(n).map(() => Math.floor(r.nextOpen01() * 50));
      const sorted = Float64Array.from(x).sort();
      const k = r.nextBelow(n);
      expect(selectInPlace(Float64Array.from(x), k)).toBe(sorted[k]);
    }
  });
});

describe('describeOutput', () => {
  const x = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  const s = describeOutput('x', x, { percentiles: [5, 50, 95], thresholds: [10.5, 0] });
  test('mean, sd (n − 1), se, min, max', () => {
    // R: mean(1:100) = 50.5; sd(1:100) = 29.011491975882016
    expect(s.mean).toBe(50.5);
    expect(s.sd).toBeCloseTo(29.011491975882016, 12);
    expect(s.se).toBeCloseTo(2.9011491975882016, 12);
    expect([s.min, s.max]).toEqual([1, 100]);
  });
  test('VaR95 = mean − P5 and CVaR95 = mean − mean of trials ≤ P5 (mc-standard.md)', () => {
    // P5 = quantile(1:100, .05) = 5.95; trials ≤ 5.95 are 1..5, mean 3
    expect(s.percentiles['5']).toBeCloseTo(5.95, 12);
    expect(s.var95).toBeCloseTo(50.5 - 5.95, 12);
    expect(s.cvar95).toBeCloseTo(47.5, 12);
  });
  test('P(output < threshold)', () => {
    expect(s.probBelow).toEqual({ '10.5': 0.1, '0': 0 });
  });
  test('another VaR level changes the keys', () => {
    const t = describeOutput('x', x, { percentiles: [], varLevel: 90 });
    expect(t.var90).toBeCloseTo(50.5 - 10.9, 12);
    expect(t.percentiles).toEqual({});
  });
  test('non-finite trials are an input error naming the output and the count', () => {
    expect(() => describeOutput('margin', Float64Array.of(1, NaN, Infinity), { percentiles: [50] })).toThrow(
      'Output "margin" is not a finite number in 2 of 3 trials',
    );
  });
});
