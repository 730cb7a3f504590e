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

  test("with a gradient function it follows R's optim(fn, gr) path", () => {
    // R 4.2: grr <- function(x) c(-400 * x[1] * (x[2] - x[1]^2) - 2 * (1 - x[1]), 200 * (x[2] - x[1]^2))
    //        r <- optim(c(-1.2, 1), fr, grr, method = "BFGS")
    //        r$par 0.99999999690491403 0.99999999379741900; r$value 9.5949556437698302e-18; r$counts 110 43
    //        optimHess(c(1, 1), fr, grr): 802.0004 -400 / -400 200.0000
    const gradient = (x: ArrayLike<number>, out: Float64Array): void => {
      out[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
      out[1] = 200 * (x[1] - x[0] ** 2);
    };
    const res = optimBfgs(rosenbrock, [-1.2, 1], { gradient });
    expect([res.fnCount, res.grCount]).toEqual([110, 43]);
    expect(res.par[0]).toBeCloseTo(0.99999999690491403, 12);
    expect(res.par[1]).toBeCloseTo(0.999999993797419, 12);
    expect(res.value).toBeCloseTo(9.5949556437698302e-18, 25);
    const H = optimHessian(rosenbrock, [1, 1], { gradient });
    const R = [802.0003999999783, -399.99999999999477, -399.99999999999477, 200.00000000000017];
    for (let i = 0; i < 4; i++) expect(H[i]).toBeCloseTo(R[i], 8);
    expect(() => optimBfgs(rosenbrock, [-1.2, 1], { gradient: (_x, out) => out.fill(NaN) })).toThrow(OptimFailure);
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
