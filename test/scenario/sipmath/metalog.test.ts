import { fitMetalog, metalogBasis, metalogQuantile } from '../../../src/scenario/sipmath/metalog';
import { normalQuantile } from '../../../src/stats/normal-quantile';

describe('metalog', () => {
  test('the basis of Keelin (2016), eq. 6, at y = 0.8', () => {
    const y = 0.8;
    const L = Math.log(y / (1 - y));
    const c = y - 0.5;
    const expected = [1, L, c * L, c, c * c, c * c * L, c ** 3, c ** 3 * L];
    expected.forEach((e, k) => expect(metalogBasis(k + 1, y)).toBeCloseTo(e, 14));
  });

  test('the documented example; bounds transform the core', () => {
    expect(metalogQuantile(0.5, { a: [10, 2] })).toBe(10);
    expect(metalogQuantile(0.5, { a: [0, 1], lowerBound: 3 })).toBe(4);
    expect(metalogQuantile(0.5, { a: [0, 1], upperBound: 3 })).toBe(2);
    expect(metalogQuantile(0.5, { a: [0, 1], lowerBound: 0, upperBound: 10 })).toBe(5);
  });

  test('fits normal quantiles within 0.5% of the range, terms chosen by that', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => 100 + 15 * normalQuantile((i + 0.5) / n));
    const fit = fitMetalog(x);
    expect(fit.a.length).toBeGreaterThanOrEqual(2);
    expect(fit.a.length).toBeLessThanOrEqual(16);
    expect(fit.maxError).toBeLessThanOrEqual(0.005);
    expect(metalogQuantile(0.5, fit)).toBeCloseTo(100, 1);
    expect(metalogQuantile(0.975, fit)).toBeCloseTo(100 + 15 * 1.959963984540054, 0);
  });

  test('a lower-bounded skewed sample (lognormal) with a lower bound stays above it', () => {
    const n = 4000;
    const x = Float64Array.from({ length: n }, (_, i) => Math.exp(0.5 * normalQuantile((i + 0.5) / n)));
    const fit = fitMetalog(x, { lowerBound: 0 });
    expect(fit.maxError).toBeLessThanOrEqual(0.005);
    expect(metalogQuantile(1e-9, fit)).toBeGreaterThan(0);
    expect(metalogQuantile(0.5, fit)).toBeCloseTo(1, 2);
  });
});
