import { createCssGradient, createCssObjective, lastPoint } from '../../src/forecast/arima-css-gradient';
import { cssObjective } from '../../src/forecast/arima-objective';
import { fitArima } from '../../src/forecast/arima-fit';
import { SeededGenerator } from '../../src/stats';
import {
  arimaOrder as order,
  expectFixedLeftOut,
  expectGradientAt,
  expectGradientOnRandomCases,
  expectPairEqualsSeparate,
  gradientFitModels,
  problemBuilder,
  usAccDeathsValues,
  type ExactGradient,
} from './arima-fixtures';

const problem = problemBuilder((o) => o.d + o.D * o.m + o.p + o.m * o.P);

/** The exact gradient and the CSS objective whose central differences it must meet. */
const css: ExactGradient = { gradient: (pb) => createCssGradient(pb), objective: (pb, x) => cssObjective(pb, x) };

const usAccDeaths = usAccDeathsValues();

describe("exact gradient of R's armaCSS objective", () => {
  test.each([
    ['ARIMA(2,1,2)(1,1,1)[12]', order(2, 1, 2, 1, 1, 1, 12), 'none', [0.3, -0.2, 0.1, 0.05, 0.2, -0.3]],
    ['ARIMA(1,0,1)(2,1,2)[12] with drift', order(1, 0, 1, 2, 1, 2, 12), 'drift', [0.5, 0.2, 0.1, -0.1, -0.4, 0.1, 3]],
    ['ARIMA(3,0,0)(0,0,1)[12] with mean', order(3, 0, 0, 0, 0, 1, 12), 'mean', [0.5, 0.1, 0.1, 0.3, 8000]],
    ['ARIMA(0,1,3) with drift', order(0, 1, 3), 'drift', [0.5, 0.1, -0.1, 5]],
    ['ARIMA(0,0,0) with mean', order(0, 0, 0), 'mean', [8500]],
  ] as const)('%s on USAccDeaths equals the central differences', (_name, o, regressor, x) => {
    expectGradientAt(problem, css, usAccDeaths, o, regressor, x);
  });

  test('fixed coefficients are left out of the gradient (R `fixed`)', () => {
    expectFixedLeftOut(problem, css.gradient);
  });

  test('seeded property: random stationary models on random walks with season 4', () => {
    expectGradientOnRandomCases(new SeededGenerator(14, 'arima-css-gradient'), 0.4, problem, css);
  });

  test('the objective and gradient pair gives the separate functions bit for bit, at the point and off it', () => {
    expectPairEqualsSeparate(15, problem, { ...css, pair: (pb) => createCssObjective(pb) });
  });

  test('lastPoint tells the remembered point from any other', () => {
    const last = lastPoint(2);
    expect(last.isAt([0, 0])).toBe(false);
    last.remember([0.5, -1]);
    expect(last.isAt(Float64Array.from([0.5, -1]))).toBe(true);
    expect(last.isAt([0.5, -1 + 1e-16])).toBe(false);
    expect(last.isAt([0.5])).toBe(false);
    last.remember([NaN, 1]);
    expect(last.isAt([NaN, 1])).toBe(false);
    last.remember([0.5, -1]);
    last.forget();
    expect(last.isAt([0.5, -1])).toBe(false);
  });

  test('a NaN in the series gives NaN entries (the search then stops, as R on a non-finite difference)', () => {
    const y = Float64Array.from(usAccDeaths);
    y[30] = NaN;
    const pb = problem(y, order(1, 1, 1), 'none', [NaN, NaN]);
    const out = new Float64Array(2);
    createCssGradient(pb)([0.2, 0.1], out);
    expect(out.some(Number.isNaN)).toBe(true);
  });

  test("CSS fits with the exact and with R's numerical gradient reach the same estimates", () => {
    // Both minimise the same objective from the same start; the exact gradient follows a slightly
    // different path, so they agree to the optimiser's tolerance, not to rounding.
    for (const [o, regressor] of gradientFitModels) {
      const exact = fitArima(usAccDeaths, o, { method: 'CSS', regressor, cssGradient: 'analytic' })!;
      const numeric = fitArima(usAccDeaths, o, { method: 'CSS', regressor, cssGradient: 'numeric' })!;
      expect(exact.sigma2Estimate / numeric.sigma2Estimate).toBeCloseTo(1, 6);
      for (let i = 0; i < exact.coef.length; i++)
        expect(Math.abs(exact.coef[i] - numeric.coef[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(numeric.coef[i])));
    }
  });
});
