import { gammaP, gammaQ, inverseGammaP, lnGamma } from '../../src/stats/gamma-functions';
import R from './fixtures/r-stats.json';

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('gamma functions', () => {
  test("lnGamma equals R's lgamma within 1e-14 (relative to max(1, |value|))", () => {
    // R: lgamma(c(0.3, 0.5, 1, 2, 7.5, 50, 0.001, 171.5, 1e5))
    R.lgamma.a.forEach((a, i) => {
      const want = R.lgamma.value[i];
      expect(Math.abs(lnGamma(a) - want)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(want)));
    });
  });
  test("P and Q equal R's pgamma (both tails) within 1e-13 relative on a grid of shapes and points", () => {
    // R: pgamma(x, a) and pgamma(x, a, lower.tail = FALSE), a in {0.3, 0.5, 1, 2, 7.5, 50}
    R.pgamma.a.forEach((a, i) => expect(relative(gammaP(a, R.pgamma.x[i]), R.pgamma.value[i])).toBeLessThan(1e-13));
    R.pgammaUpper.a.forEach((a, i) =>
      expect(relative(gammaQ(a, R.pgammaUpper.x[i]), R.pgammaUpper.value[i])).toBeLessThan(1e-13),
    );
  });
  test("inverseGammaP equals R's qgamma within 1e-13 relative", () => {
    // R: qgamma(p, a), p in {0.001, 0.05, 0.5, 0.95, 0.999}
    R.qgamma.a.forEach((a, i) =>
      expect(relative(inverseGammaP(R.qgamma.p[i], a), R.qgamma.value[i])).toBeLessThan(1e-13),
    );
  });
  test('edges', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaP(2, -1)).toBe(0);
    expect(gammaP(2, Infinity)).toBe(1);
    expect(gammaQ(2, 0)).toBe(1);
    expect(gammaQ(2, Infinity)).toBe(0);
    expect(inverseGammaP(0, 2)).toBe(0);
    expect(inverseGammaP(1, 2)).toBe(Infinity);
    expect(lnGamma(1)).toBeCloseTo(0, 15);
  });
});
