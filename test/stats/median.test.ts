import { median } from '../../src/stats/median';
import R from './fixtures/r-stats.json';

describe('median', () => {
  test("matches R's median on odd, even and fixture samples", () => {
    // R: median(c(3, 1, 2)) = 2; median(c(4, 1, 3, 2)) = 2.5
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    for (const s of [R['sample.ties'], R['sample.normal101'], R['sample.skewed57'], R['sample.two'], R['sample.one']])
      expect(median(s.x)).toBe(s.median[0]);
  });
  test('skips NaN and ±∞; NaN on empty input; input untouched', () => {
    const x = [4, NaN, 1, 3, 2, Infinity, -Infinity];
    expect(median(x)).toBe(2.5);
    expect(x[1]).toBeNaN();
    expect(median([])).toBeNaN();
    expect(median([NaN])).toBeNaN();
  });
  test('huge magnitudes: the middle pair is averaged without overflow', () => {
    // R: median(c(.Machine$double.xmax, .Machine$double.xmax)) = 1.797693e+308
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
    expect(median([Number.MAX_VALUE, -Number.MAX_VALUE])).toBe(0);
    expect(median(Float64Array.of(1e300, 3e300, 2e300))).toBe(2e300);
  });
});
