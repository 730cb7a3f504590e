import { isConstant, kpssPValue, kpssStatistic, ndiffs } from '../../src/forecast/kpss';
import { SeededGenerator } from '../../src/stats';
import { buildingBlocks } from './arima-fixtures';

describe('KPSS and ndiffs (urca ur.kpss, forecast ndiffs)', () => {
  test.each(buildingBlocks().differencing.map((d) => [d.name, d] as const))('%s', (_n, d) => {
    // R: ur.kpss(y, type = "mu", use.lag = trunc(3 * sqrt(length(y)) / 13))@teststat; ndiffs(y)
    const lags = Math.trunc((3 * Math.sqrt(d.values.length)) / 13);
    expect(kpssStatistic(d.values, lags) / d.kpss).toBeCloseTo(1, 12);
    expect(ndiffs(d.values)).toBe(d.ndiffs);
  });

  test('p-value: the table interpolated, clamped to [0.01, 0.1]', () => {
    expect(kpssPValue(0.1)).toBe(0.1);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 15);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 15);
    expect(kpssPValue(5)).toBe(0.01);
    expect(Number.isNaN(kpssPValue(NaN))).toBe(true);
  });

  test('random walks need one difference, white noise none (seeded)', () => {
    const g = new SeededGenerator(3, 'kpss');
    let walks = 0;
    let noise = 0;
    for (let trial = 0; trial < 40; trial++) {
      const e = Float64Array.from({ length: 200 }, () => g.nextNormal());
      let s = 0;
      const walk = e.map((v) => (s += v));
      walks += ndiffs(walk) === 1 ? 1 : 0;
      noise += ndiffs(e) === 0 ? 1 : 0;
    }
    expect(walks).toBeGreaterThanOrEqual(34);
    expect(noise).toBeGreaterThanOrEqual(34);
  });

  test("isConstant: R's all.equal with tolerance √ε", () => {
    expect(isConstant([])).toBe(true);
    expect(isConstant([5])).toBe(true);
    expect(isConstant([5, 5, 5])).toBe(true);
    expect(isConstant([1e6, 1e6 + 1e-3])).toBe(true); // mean relative difference 1e-9
    expect(isConstant([1, 1.001])).toBe(false);
    expect(isConstant([0, 1e-9])).toBe(true); // absolute below √ε
    expect(ndiffs([2, 2, 2, 2])).toBe(0);
    expect(ndiffs(Array.from({ length: 30 }, (_, t) => 3 * t))).toBe(1); // a line: constant after one difference
  });
});
