import { quantile } from '../../src/stats/quantile';
import R from './fixtures/r-stats.json';

describe('quantile (unsorted data, non-finite values skipped)', () => {
  test('R: quantile(1:4, c(.25, .75)) = 1.75, 3.25; quantile(c(7, 1, 3), .5) = 3', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 3, NaN, 2, 1], 0.75)).toBe(3.25);
    expect(quantile([7, 1, 3], 0.5)).toBe(3);
  });
  test('equals quantile(s, p, type = 7) of R on a shuffled sample; the input is untouched', () => {
    const s = R['sample.skewed57'];
    const shuffled = [...s.x].reverse();
    s.probs.forEach((p, i) =>
      expect(Math.abs(quantile(shuffled, p) - s.quantile[i])).toBeLessThanOrEqual(4e-16 * s.quantile[i]),
    );
    expect(shuffled).toEqual([...s.x].reverse());
  });
  test('blanks (NaN) and ±∞ are skipped; nothing left gives NaN', () => {
    // R: quantile(c(4, 1, NA, 3, 2), 0.25, na.rm = TRUE) = 1.75
    expect(quantile([4, 1, NaN, 3, Infinity, 2, -Infinity], 0.25)).toBe(1.75);
    expect(quantile([5], 0.25)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([NaN], 0.5)).toBeNaN();
  });
  test('accepts typed arrays', () => {
    expect(quantile(Float64Array.of(10, 0), 0.1)).toBe(1);
  });
});
