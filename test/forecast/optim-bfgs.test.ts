import { OptimFailure, optimBfgs, optimHessian } from '../../src/forecast/optim-bfgs';
import { buildingBlocks } from './arima-fixtures';

const rosenbrock = (x: ArrayLike<number>): number => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

describe("optimBfgs: R's optim(method = 'BFGS') step for step", () => {
  // R 4.2: fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
  //        optim(c(-1.2, 1), fr, method = "BFGS", control = list(parscale = ...)); optimHess(res$par, fr)
  test.each(buildingBlocks().bfgs.map((b) => [b.call, b] as const))('%s', (_call, b) => {
    const res = optimBfgs(rosenbrock, [-1.2, 1], { parscale: b.parscale });
    // Same path: the same number of function and gradient evaluations, the same end point.
    expect([res.fnCount, res.grCount]).toEqual(b.counts);
    expect(res.convergence).toBe(b.convergence);
    for (let i = 0; i < 2; i++) expect(res.par[i]).toBeCloseTo(b.par[i], 12);
    expect(Math.abs(res.value - b.value)).toBeLessThan(1e-15);
    const H = optimHessian(rosenbrock, res.par, { parscale: b.parscale });
    for (let i = 0; i < 4; i++) expect(H[i]).toBeCloseTo(b.hessian[i], 6);
  });

  test('a quadratic is minimised; maxit 0 evaluates only', () => {
    const f = (x: ArrayLike<number>): number => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2;
    const res = optimBfgs(f, [0, 0]);
    expect(res.par[0]).toBeCloseTo(3, 5);
    expect(res.par[1]).toBeCloseTo(-1, 5);
    const none = optimBfgs(f, [0, 0], { maxit: 0 });
    expect(Array.from(none.par)).toEqual([0, 0]);
    expect(none.value).toBe(11);
  });

  test('fails as R does on a non-finite start or finite difference', () => {
    expect(() => optimBfgs(() => NaN, [1])).toThrow(OptimFailure);
    expect(() => optimBfgs((x) => (x[0] > 1 ? Infinity : x[0] ** 2), [1])).toThrow(OptimFailure);
    expect(() => optimBfgs((x) => x[0] ** 2, [NaN])).toThrow(OptimFailure);
  });

  test('an empty parameter vector converges at once', () => {
    const res = optimBfgs(() => 5, []);
    expect(res.value).toBe(5);
    expect(res.par.length).toBe(0);
  });
});
