import { createMlGradient, createMlObjective } from '../../src/forecast/arima-ml-gradient';
import { likelihoodObjective } from '../../src/forecast/arima-objective';
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

const problem = problemBuilder(() => 0);

/** The exact gradient and R's armafn (coefficients transformed or not) whose central differences it must meet. */
const ml = (transform: boolean): ExactGradient => ({
  gradient: (pb) => createMlGradient(pb, transform),
  objective: (pb, x) => likelihoodObjective(pb, x, transform),
});

const usAccDeaths = usAccDeathsValues();

describe("exact gradient of R's armafn (exact diffuse likelihood)", () => {
  test.each([
    ['ARIMA(0,1,1)(0,1,1)[12]', order(0, 1, 1, 0, 1, 1, 12), 'none', [-0.4, -0.5], true],
    ['ARIMA(2,1,2)(1,1,1)[12]', order(2, 1, 2, 1, 1, 1, 12), 'none', [0.3, -0.2, 0.1, 0.05, 0.2, -0.3], true],
    [
      'ARIMA(1,0,1)(2,1,2)[12] with drift',
      order(1, 0, 1, 2, 1, 2, 12),
      'drift',
      [0.5, 0.2, 0.1, -0.1, -0.4, 0.1, 3],
      true,
    ],
    ['ARIMA(3,0,0)(0,0,1)[12] with mean', order(3, 0, 0, 0, 0, 1, 12), 'mean', [0.5, 0.1, 0.1, 0.3, 8000], true],
    ['ARIMA(0,1,3) with drift', order(0, 1, 3), 'drift', [0.5, 0.1, -0.1, 5], true],
    ['ARIMA(2,0,1) with mean, untransformed', order(2, 0, 1), 'mean', [0.5, 0.2, 0.3, 8700], false],
    ['ARIMA(0,0,0) with mean', order(0, 0, 0), 'mean', [8500], true],
  ] as const)('%s on USAccDeaths equals the central differences', (_name, o, regressor, x, transform) => {
    expectGradientAt(problem, ml(transform), usAccDeaths, o, regressor, x);
  });

  test('fixed coefficients are left out of the gradient (R `fixed`)', () => {
    expectFixedLeftOut(problem, ml(true).gradient);
  });

  test('a long series reaches the steady state and still matches (the adjoint of the steady steps)', () => {
    const g = new SeededGenerator(14, 'arima-ml-gradient-long');
    const n = 600;
    const y = new Float64Array(n);
    let e1 = 0;
    for (let t = 0; t < n; t++) {
      const e = g.nextNormal();
      y[t] = (t > 0 ? 0.6 * y[t - 1] : 0) + e + 0.3 * e1;
      e1 = e;
    }
    expectGradientAt(problem, ml(true), y, order(1, 0, 1), 'none', [0.5, 0.2]);
  });

  test('seeded property: random models on random walks with season 4', () => {
    expectGradientOnRandomCases(new SeededGenerator(14, 'arima-ml-gradient'), 0.8, problem, ml(true), 1e-5);
  });

  test("ML fits with the exact and with R's numerical gradient reach the same estimates", () => {
    for (const [o, regressor] of gradientFitModels) {
      const exact = fitArima(usAccDeaths, o, { regressor, mlGradient: 'analytic' })!;
      const numeric = fitArima(usAccDeaths, o, { regressor, mlGradient: 'numeric' })!;
      expect(Math.abs(exact.loglik - numeric.loglik)).toBeLessThan(1e-6 * Math.abs(numeric.loglik));
      for (let i = 0; i < exact.coef.length; i++)
        expect(Math.abs(exact.coef[i] - numeric.coef[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(numeric.coef[i])));
    }
  });

  test('the objective and gradient pair gives the separate functions bit for bit, at the point and off it', () => {
    expectPairEqualsSeparate(16, problem, { ...ml(true), pair: (pb) => createMlObjective(pb, true) });
  });
});
