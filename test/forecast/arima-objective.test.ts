import {
  createArimaProblem,
  cssObjective,
  fillCoefficients,
  likelihoodObjective,
  regressionAdjusted,
} from '../../src/forecast/arima-objective';
import { differencingCoefficients } from '../../src/forecast/arima-state-space';
import { fixedOrderFits, orderOf } from './arima-fixtures';

describe("R arima's objectives (armafn, armaCSS)", () => {
  test.each(fixedOrderFits().map((f) => [f.name, f] as const))(
    '%s: at R’s estimates the κ likelihood objective gives R’s log-likelihood',
    (_n, f) => {
      const o = orderOf(f);
      const k = f.coef.length;
      const pb = createArimaProblem(
        Float64Array.from(f.values),
        o,
        f.regressor,
        new Float64Array(k).fill(NaN),
        differencingCoefficients(o.d, o.D, o.m),
        'kappa',
      );
      const nUsed = f.values.length - o.d - o.D * o.m;
      const value = likelihoodObjective(pb, f.coef, false);
      const loglik = -0.5 * (2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI));
      expect(Math.abs(loglik - f.loglik) / Math.abs(f.loglik)).toBeLessThan(1e-9);
      expect(Number.isFinite(cssObjective(pb, f.coef))).toBe(true);
    },
  );

  test('fixed coefficients fill in; the regression part is removed from y', () => {
    const y = Float64Array.of(1, 2, 3, 4);
    const o = { p: 1, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1 };
    const pb = createArimaProblem(y, o, 'drift', Float64Array.of(NaN, 0.5), differencingCoefficients(1, 0, 1));
    expect(Array.from(fillCoefficients(pb, [0.2]))).toEqual([0.2, 0.5]);
    expect(Array.from(regressionAdjusted(pb, [0.2, 0.5]))).toEqual([0.5, 1, 1.5, 2]);
    const mean = createArimaProblem(y, { ...o, d: 0 }, 'mean', Float64Array.of(NaN, NaN), new Float64Array(0));
    expect(Array.from(regressionAdjusted(mean, [0, 2.5]))).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });
});
