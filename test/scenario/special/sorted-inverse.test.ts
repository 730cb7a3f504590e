import { makeDistribution } from '../../../src/scenario/distributions/catalogue';
import { DistributionParams } from '../../../src/scenario/distributions/types';
import { SeededGenerator } from '../../../src/stats/seeded-generator';
import { sortedUniforms } from '../../../src/scenario/sampling';

describe('vectorised quantiles on sorted uniforms (knots + Hermite interpolation) equal the exact quantiles', () => {
  test.each([
    ['pert', { min: 500000, mode: 800000, max: 1500000 }],
    ['pert', { min: 0, mode: 0, max: 1 }],
    ['beta', { alpha: 0.3, beta: 0.6 }],
    ['beta', { alpha: 30, beta: 2 }],
    ['gamma', { shape: 0.2, scale: 1 }],
    ['gamma', { shape: 9, scale: 1000 }],
  ] as [string, DistributionParams][])('%s %j', (family, params) => {
    const d = makeDistribution('x', family, params);
    for (const method of ['lhs', 'mc'] as const) {
      const u = sortedUniforms(new SeededGenerator(3, family), 20000, method);
      const out = new Float64Array(u.length);
      d.quantiles(u, out);
      let worst = 0;
      const scale = Math.max(1, Math.abs(d.quantile(0.5)));
      u.forEach((p, i) => (worst = Math.max(worst, Math.abs(out[i] - d.quantile(p)) / scale)));
      expect(worst).toBeLessThan(1e-11);
    }
  });
});

describe('invertSorted reuses its copy of the probabilities', () => {
  test('in place and into another array, at alternating lengths, the same values as a fresh inversion', () => {
    const d = makeDistribution('x', 'pert', { min: 1, mode: 3, max: 10 });
    const exact = (u: Float64Array) => Float64Array.from(u, (p) => d.quantile(p));
    for (const n of [5000, 300, 5000, 40]) {
      const u = sortedUniforms(new SeededGenerator(n, 'copy'), n, 'lhs');
      const expected = exact(u);
      const into = new Float64Array(n);
      d.quantiles(u, into);
      d.quantiles(u, u);
      for (const out of [into, u]) out.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(1e-11 * 10));
      expect(into).toEqual(u);
    }
  });
});
