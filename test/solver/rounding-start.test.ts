import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { certifiedLevel, relativeGap, solveFromRounding } from '../../src/solver/rounding-start';
import type { LinearProgram, SolveOptions, SolveResult, Solver } from '../../src/solver/types';
import { smallLp, smallMip, terms } from './small-lp';

const knapsack = smallMip;

const isWholeMip = (p: LinearProgram): boolean =>
  p.columns.some((c) => c.integer && c.lb !== c.ub) && !p.rows.some((r) => r.name === 'certified');

/** glpk.js, recording what it is asked; `wholeMip` replaces its answer to the whole MIP. */
function recording(wholeMip?: (p: LinearProgram, o: SolveOptions) => SolveResult): {
  solver: Solver;
  calls: LinearProgram[];
} {
  const calls: LinearProgram[] = [];
  const solver: Solver = {
    name: 'recording',
    solve(p, o = {}) {
      calls.push(p);
      return wholeMip && isWholeMip(p) ? Promise.resolve(wholeMip(p, o)) : glpkNodeSolver.solve(p, o);
    },
  };
  return { solver, calls };
}

describe('solveFromRounding', () => {
  it('hands an LP to the solver unchanged', async () => {
    const { solver, calls } = recording();
    const result = await solveFromRounding(solver, smallLp);
    expect(calls).toEqual([smallLp]);
    expect(result.objective).toBeCloseTo(8, 9);
  });

  it('returns the rounded relaxation without branch-and-bound when the bound certifies it', async () => {
    const { solver, calls } = recording();
    // (10.5 − 9) / 9 = 0.167 ≤ 0.2: a = 3.5 rounds to 4 (infeasible), down to 3 (z = 9)
    const result = await solveFromRounding(solver, knapsack, { mipGap: 0.2 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(9, 9);
    expect(result.values.a).toBe(3);
    expect(calls.some(isWholeMip)).toBe(false);
    expect(calls).toHaveLength(3); // the relaxation, rounded to the nearest, rounded down
  });

  it('solves the whole MIP when no rounding is certified, and agrees with it', async () => {
    const { solver, calls } = recording();
    const result = await solveFromRounding(solver, knapsack, { mipGap: 0 });
    const plain = await glpkNodeSolver.solve(knapsack, { mipGap: 0 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(plain.objective, 9);
    expect(calls.some(isWholeMip)).toBe(true);
  });

  it('keeps its own plan, with its gap to the bound, when the whole MIP stops at the time limit with none', async () => {
    const { solver } = recording(() => ({ status: 'undefined', objective: NaN, values: {}, seconds: 1 }));
    const result = await solveFromRounding(solver, knapsack, { mipGap: 0.01, timeLimitSeconds: 60 });
    expect(result.status).toBe('time_limit');
    expect(result.objective).toBeCloseTo(9, 9);
    expect(result.gap).toBeCloseTo(1.5 / 9, 9);
  });

  it('returns the better plan when the whole MIP finds a worse one', async () => {
    const { solver } = recording(() => ({ status: 'optimal', objective: 8, values: { a: 2, b: 1 }, seconds: 0 }));
    const result = await solveFromRounding(solver, knapsack, { mipGap: 0.01 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(9, 9);
    expect(result.gap).toBeUndefined();
  });

  it('asks the neighbourhood for a plan the bound certifies, and finds it there', async () => {
    // max 3a + 2b, a + b ≤ 3.4, a − b ≤ 0.2, a, b integer: relaxation a = 1.8, b = 1.6 (z = 8.6); rounded to
    // the nearest (2, 2) is infeasible, down (1, 1) gives 5 (72% below); the neighbourhood holds (1, 2): 7,
    // 23% below the bound, which is also the optimum.
    const program: LinearProgram = {
      ...knapsack,
      rows: [
        { name: 'r', terms: terms({ a: 5, b: 5 }), lb: -Infinity, ub: 17 },
        { name: 's', terms: terms({ a: 5, b: -5 }), lb: -Infinity, ub: 1 },
      ],
    };
    const { solver, calls } = recording(() => {
      throw new Error('the whole MIP is not needed');
    });
    const result = await solveFromRounding(solver, program, { mipGap: 0.25 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(7, 9);
    expect(result.values).toMatchObject({ a: 1, b: 2 });
    expect(calls.some((p) => p.rows.some((r) => r.name === 'certified'))).toBe(true);
  });

  it("levels the certifying row so that a plan on it is within the gap, GLPK's way", () => {
    for (const sense of ['max', 'min'] as const)
      for (const bound of [1234.5, -1234.5]) {
        const program = { ...knapsack, sense };
        const level = certifiedLevel(program, bound, 1e-3);
        const edge = sense === 'max' ? level.lb : level.ub;
        expect(relativeGap(program, edge, bound)).toBeLessThanOrEqual(1e-3);
        expect(relativeGap(program, edge, bound)).toBeGreaterThan(0.99e-3);
      }
  });
});
