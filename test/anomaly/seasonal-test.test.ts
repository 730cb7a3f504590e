import { seasonalPatternPValue } from '../../src/anomaly/seasonal-test';
import { normals } from './helpers';

const years = (n: number, p: number) => Array.from({ length: n }, (_, t) => Math.floor(t / p));
const positions = (n: number, p: number) => Array.from({ length: n }, (_, t) => t % p);

/**
 * Reference p-values: least squares with year and position dummies, the F of the positions' reduction in
 * the residual sum of squares, scipy.stats.f.sf (numpy, scipy 1.17), made with
 *   def p(r, year, pos):
 *       r = np.array(r); Y = sorted(set(year)); P = sorted(set(pos)); n = len(r)
 *       Xy = np.array([[1.0 if y == v else 0 for v in Y] for y in year])
 *       Xp = np.array([[1.0 if q == v else 0 for v in P[1:]] for q in pos])
 *       ss = lambda X: np.sum((r - X @ np.linalg.lstsq(X, r, rcond=None)[0]) ** 2)
 *       s1, s2 = ss(Xy), ss(np.hstack([Xy, Xp])); df2 = n - len(Y) - len(P) + 1
 *       return stats.f.sf(((s1 - s2) / (len(P) - 1)) / (s2 / df2), len(P) - 1, df2)
 * with year = t // P and pos = t % P; the 30-month series is rounded to 6 decimals as in the test.
 */
describe('seasonalPatternPValue', () => {
  it('is the two-way F-test of least squares on two whole years of quarters (scipy)', () => {
    const r = [0.1, 0, -0.1, 0.01, 0.11, 0.01, -0.09, -0.01];
    expect(seasonalPatternPValue(r, years(8, 4), positions(8, 4))).toBeCloseTo(0.001294191721263727, 12);
  });
  it('is least squares also when the last year is partial (scipy)', () => {
    const r = [-1.1788, -0.3482, 0.6695, -2.2939, -0.1434, -1.4561, 1.101, 0.2029, 1.3563, 0.2958];
    expect(seasonalPatternPValue(r, years(10, 4), positions(10, 4))).toBeCloseTo(0.2692426677466113, 12);
  });
  it('finds a monthly pattern on 30 months (scipy)', () => {
    const r = Array.from(
      { length: 30 },
      (_, t) => Math.round(1e6 * (0.05 * Math.cos((2 * Math.PI * t) / 12) + 0.03 * Math.sin(7.3 * t))) / 1e6,
    );
    const p = seasonalPatternPValue(r, years(30, 12), positions(30, 12));
    expect(p / 3.2284909658855677e-12).toBeCloseTo(1, 6);
  });
  it('does not depend on the years’ levels', () => {
    const z = normals(5, 16);
    const shifted = z.map((v, t) => v + [0, 3, -2, 10][Math.floor(t / 4)]);
    expect(seasonalPatternPValue(shifted, years(16, 4), positions(16, 4))).toBeCloseTo(
      seasonalPatternPValue(z, years(16, 4), positions(16, 4)),
      10,
    );
  });
  it('is uniform on pure noise: p < 1% on about 1% of lines at 4, 12 and 52 periods a year', () => {
    // 1% + 3 binomial standard errors of 600 lines: at most 13 lines.
    for (const [p, n] of [
      [4, 8],
      [4, 16],
      [12, 36],
      [52, 104],
    ]) {
      let below = 0;
      for (let seed = 1; seed <= 600; seed += 1)
        if (seasonalPatternPValue(normals(5000 + seed, n), years(n, p), positions(n, p)) < 0.01) below += 1;
      expect(below).toBeLessThanOrEqual(13);
      expect(below).toBeGreaterThanOrEqual(1);
    }
  });
  it('is 1 with no residual degree of freedom, one position, or no variation', () => {
    expect(seasonalPatternPValue([1, 2, 3, 4], years(4, 4), positions(4, 4))).toBe(1);
    expect(seasonalPatternPValue([1, 2, 3], [0, 1, 2], [0, 0, 0])).toBe(1);
    expect(seasonalPatternPValue(new Array(8).fill(0.1), years(8, 4), positions(8, 4))).toBe(1);
    expect(seasonalPatternPValue([], [], [])).toBe(1);
  });
});
