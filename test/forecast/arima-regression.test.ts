import { regressionStart } from '../../src/forecast/arima-regression';

const o = (d: number, D: number, m = 4) => ({ p: 0, d, q: 0, P: 0, D, Q: 0, m });

describe("regressionStart: R arima's lm() start for the mean or drift", () => {
  test('mean: lm(x ~ 1) coefficient and standard error', () => {
    const y = Float64Array.of(2, 4, 6, 8);
    const r = regressionStart(y, o(0, 0), 'mean');
    expect(r.coef).toBe(5);
    // sd = √(20/3), se = sd / 2
    expect(r.se).toBeCloseTo(Math.sqrt(20 / 3) / 2, 14);
  });

  test('drift with d = 1: the mean first difference; with D = 1: the mean seasonal difference / m', () => {
    const y = Float64Array.of(1, 4, 5, 9, 10, 12, 15, 19);
    expect(regressionStart(y, o(1, 0), 'drift').coef).toBeCloseTo((19 - 1) / 7, 14);
    expect(regressionStart(y, o(0, 1), 'drift').coef).toBeCloseTo((10 - 1 + 12 - 4 + 15 - 5 + 19 - 9) / 4 / 4, 14);
  });

  test('too short to difference: falls back to the undifferenced regression', () => {
    const r = regressionStart(Float64Array.of(3, 5), o(1, 0), 'drift');
    // lm(x ~ t - 1) on t = 1, 2: b = (3 + 10) / 5
    expect(r.coef).toBeCloseTo(13 / 5, 14);
  });
});
