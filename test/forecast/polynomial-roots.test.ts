import { polynomialRoots, smallestRootModulus } from '../../src/forecast/polynomial-roots';
import { buildingBlocks, vec } from './arima-fixtures';

describe('polynomialRoots', () => {
  test.each(buildingBlocks().polyroot.map((r) => [r.coef.join(', '), r] as const))('polyroot(c(%s)) as R', (_c, r) => {
    const { re, im } = polynomialRoots(r.coef);
    const rre = vec(r.re);
    const rim = vec(r.im);
    expect(re.length).toBe(rre.length);
    // Every root of R's has one of ours within 1e-10 (the order of the roots is not defined).
    for (let i = 0; i < rre.length; i++) {
      let nearest = Infinity;
      for (let j = 0; j < re.length; j++) nearest = Math.min(nearest, Math.hypot(re[j] - rre[i], im[j] - rim[i]));
      expect(nearest).toBeLessThan(1e-10);
    }
  });

  test('edge cases: constant, trailing zeros, zero roots, degree 30', () => {
    expect(polynomialRoots([3]).re.length).toBe(0);
    expect(polynomialRoots([]).re.length).toBe(0);
    expect(Array.from(polynomialRoots([2, -1, 0, 0]).re)).toEqual([2]);
    const z = polynomialRoots([0, 0, 1, 1]);
    expect(Array.from(z.re).sort()).toEqual([-1, 0, 0]);
    // 1 − 0.5 z³⁰: 30 roots of modulus 2^(1/30).
    const c = new Array(31).fill(0);
    c[0] = 1;
    c[30] = -0.5;
    expect(smallestRootModulus(c)).toBeCloseTo(2 ** (1 / 30), 10);
    expect(smallestRootModulus([1])).toBe(Infinity);
  });
});
