import { createMlGradient, createMlObjective } from '../../src/forecast/arima-ml-gradient';
import { likelihoodObjective } from '../../src/forecast/arima-objective';
import type { ArimaProblem } from '../../src/forecast/arima-objective';
import { fitArima } from '../../src/forecast/arima-fit';
import { SeededGenerator } from '../../src/stats';
import {
  arimaOrder as order,
  centralDifferences,
  expectFixedLeftOut,
  expectGradientClose,
  expectGradientOnRandomCases,
  expectPairEqualsSeparate,
  gradientFitModels,
  problemBuilder,
  usAccDeathsValues,
} from './arima-fixtures';

const problem = problemBuilder(() => 0);

/** Central differences of R's armafn: the reference the exact gradient must meet. */
const numericGradient = (pb: ReturnType<typeof problem>, x: number[], transform: boolean): number[] =>
  centralDifferences((z) => likelihoodObjective(pb, z, transform), x);

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
    const pb = problem(
      usAccDeaths,
      o,
      regressor,
      x.map(() => NaN),
    );
    const out = new Float64Array(x.length);
    createMlGradient(pb, transform)([...x], out);
    expectGradientClose(out, numericGradient(pb, [...x], transform));
  });

  test('fixed coefficients are left out of the gradient (R `fixed`)', () => {
    expectFixedLeftOut(problem, (pb) => createMlGradient(pb, true));
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
    const pb = problem(y, order(1, 0, 1), 'none', [NaN, NaN]);
    const out = new Float64Array(2);
    createMlGradient(pb, true)([0.5, 0.2], out);
    expectGradientClose(out, numericGradient(pb, [0.5, 0.2], true));
  });

  test('seeded property: random models on random walks with season 4', () => {
    const f = {
      gradient: (pb: ArimaProblem) => createMlGradient(pb, true),
      objective: (pb: ArimaProblem, x: number[]) => likelihoodObjective(pb, x, true),
    };
    expectGradientOnRandomCases(new SeededGenerator(14, 'arima-ml-gradient'), 0.8, problem, f, 1e-5);
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
    expectPairEqualsSeparate(16, problem, {
      pair: (pb) => createMlObjective(pb, true),
      objective: (pb, x) => likelihoodObjective(pb, x, true),
      gradient: (pb) => createMlGradient(pb, true),
    });
  });
});
