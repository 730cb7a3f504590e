import { conditionalSumOfSquares, differenceSeries } from '../../src/forecast/arima-css';
import { fitArima } from '../../src/forecast/arima-fit';
import { buildingBlocks, orderOf, vec } from './arima-fixtures';
import { maxRelDiff } from './fixtures';

describe('conditional sum of squares (R ARIMA_CSS)', () => {
  test('differences, then runs the ARMA residuals from ncond', () => {
    const y = Float64Array.of(1, 3, 6, 10, 15, 21);
    const o = { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 1 };
    const work = new Float64Array(6);
    const resid = new Float64Array(6);
    // w = diff(y) = [·, 2, 3, 4, 5, 6]; from t = 2: e = w_t − 0.5 w_{t−1} − 0.2 e_{t−1}, e_1 = 0.
    const mean = conditionalSumOfSquares(differenceSeries(y, o, work), [0.5], [0.2], 2, resid);
    const e = [0, 0, 3 - 1];
    for (let t = 3; t < 6; t++) e.push(t + 1 - 0.5 * t - 0.2 * e[t - 1]);
    expect(Array.from(resid)).toEqual([0, 0, ...e.slice(2)].map((v) => expect.closeTo(v, 12)));
    expect(mean).toBeCloseTo(e.slice(2).reduce((a, b) => a + b * b, 0) / 4, 12);
  });

  test.each(buildingBlocks().css.map((c) => [c.name, c] as const))(
    'fitArima(method "CSS") as arima(method = "CSS"): %s',
    (_n, c) => {
      // R's numerical gradient: R's path, to rounding.
      const y = Float64Array.from(c.values);
      const fit = fitArima(y, orderOf(c), { regressor: c.regressor, method: 'CSS', cssGradient: 'numeric' })!;
      expect(maxRelDiff(fit.coef, vec(c.coef))).toBeLessThan(1e-6);
      expect(fit.sigma2Estimate / c.sigma2).toBeCloseTo(1, 8);
      expect(fit.loglik / c.loglik).toBeCloseTo(1, 8);
      expect(Number.isNaN(fit.aic)).toBe(true);
      // The exact gradient (the default): the same optimum to the optimiser's tolerance, never worse.
      const exact = fitArima(y, orderOf(c), { regressor: c.regressor, method: 'CSS' })!;
      expect(maxRelDiff(exact.coef, vec(c.coef))).toBeLessThan(1e-4);
      expect(exact.sigma2Estimate / c.sigma2).toBeCloseTo(1, 7);
      expect(exact.sigma2Estimate).toBeLessThanOrEqual(c.sigma2 * (1 + 1e-9));
    },
  );
});
