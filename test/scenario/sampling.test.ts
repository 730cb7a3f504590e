import { makeDistribution } from '../../src/scenario/distributions/catalogue';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import { gather, sortedSample, sortedUniforms } from '../../src/scenario/sampling';

describe('Latin Hypercube sampling', () => {
  test.each([1, 7, 1000, 10007])('exactly one uniform in each of the n strata (n = %i)', (n) => {
    const u = sortedUniforms(new SeededGenerator(5, 'lhs'), n, 'lhs');
    const hits = new Uint32Array(n);
    u.forEach((v) => hits[Math.floor(v * n)]++);
    expect(hits.every((h) => h === 1)).toBe(true);
  });
  test('every marginal is stratified: one PERT sample between consecutive n-quantiles', () => {
    const n = 500;
    const d = makeDistribution('m', 'pert', { min: 0, mode: 3, max: 10 });
    const x = sortedSample(d, new SeededGenerator(9, 'm'), n, 'lhs');
    for (let i = 0; i < n; i++) {
      expect(x[i]).toBeGreaterThanOrEqual(d.quantile(i / n) - 1e-9);
      expect(x[i]).toBeLessThanOrEqual(d.quantile((i + 1) / n) + 1e-9);
    }
  });
  test('Monte Carlo uniforms are sorted and not stratified', () => {
    const u = sortedUniforms(new SeededGenerator(5, 'mc'), 1000, 'mc');
    for (let i = 1; i < u.length; i++) expect(u[i]).toBeGreaterThanOrEqual(u[i - 1]);
    const hits = new Uint32Array(1000);
    u.forEach((v) => hits[Math.floor(v * 1000)]++);
    expect(hits.some((h) => h !== 1)).toBe(true);
  });
  test('gather places sorted values by rank', () => {
    const out = new Float64Array(3);
    gather(Float64Array.of(10, 20, 30), Uint32Array.of(2, 0, 1), out);
    expect(Array.from(out)).toEqual([30, 10, 20]);
  });
});
