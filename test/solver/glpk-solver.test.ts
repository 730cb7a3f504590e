import { glpkNodeSolver } from '../../src/solver/glpk-node';
import type { GlpkEngine } from '../../src/solver/glpk-solver';
import { createGlpkSolver, toGlpkProblem } from '../../src/solver/glpk-solver';
import { smallLp as small, smallMip, terms } from './small-lp';

describe('glpk.js solver', () => {
  it('solves an LP and reports row duals', async () => {
    const result = await glpkNodeSolver.solve(small);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(8, 9);
    expect(result.values.y).toBeCloseTo(4, 9);
    expect(result.rowDuals?.cap).toBeCloseTo(2, 9);
  });

  it('solves a MIP: max 3a + 2b, 2a + 2b ≤ 7, a, b integer → a = 3, b = 0, z = 9', async () => {
    const result = await glpkNodeSolver.solve(smallMip);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(9, 9);
    expect(result.rowDuals).toBeUndefined();
  });

  it('classifies infeasible problems even when the presolver stops early', async () => {
    const result = await glpkNodeSolver.solve({
      ...small,
      rows: [{ name: 'r', terms: terms({ x: 1 }), lb: 5, ub: Infinity }],
    });
    expect(result.status).toBe('infeasible');
    expect(Number.isNaN(result.objective)).toBe(true);
  });

  it('classifies unbounded problems', async () => {
    const result = await glpkNodeSolver.solve({
      ...small,
      rows: [],
      columns: [
        { name: 'x', lb: 0, ub: 3 },
        { name: 'y', lb: 0, ub: Infinity },
      ],
    });
    expect(result.status).toBe('unbounded');
  });

  it('maps bounds: free, upper-only, fixed and ranged rows', () => {
    const problem = toGlpkProblem({
      name: 'b',
      sense: 'min',
      objective: [],
      columns: [
        { name: 'f', lb: -Infinity, ub: Infinity },
        { name: 'u', lb: -Infinity, ub: 2 },
        { name: 'z', lb: 1, ub: 1 },
      ],
      rows: [{ name: 'r', terms: terms({ f: 1 }), lb: -1, ub: 1 }],
    });
    expect(problem.bounds).toEqual([
      { name: 'f', type: 1, lb: 0, ub: 0 },
      { name: 'u', type: 3, lb: 0, ub: 2 },
      { name: 'z', type: 5, lb: 1, ub: 1 },
    ]);
    expect(problem.subjectTo[0].bnds).toEqual({ type: 4, lb: -1, ub: 1 });
    expect(problem.objective.vars.map((v) => v.name)).toEqual(['f', 'u', 'z']);
  });

  it('loads its engine once and reports a load failure as an FpaError', async () => {
    let loads = 0;
    const failing = createGlpkSolver(async () => {
      loads++;
      throw new Error('no wasm');
    });
    await expect(failing.solve(small)).rejects.toMatchObject({ code: 'SOLVER_LOAD_FAILED' });
    const counting = createGlpkSolver(async () => {
      loads++;
      return (await import('glpk.js/node')).default();
    });
    await counting.solve(small);
    await counting.solve(small);
    expect(loads).toBe(2);
  });

  it('warms up once: one load, one warm-up solve, then solves as before; a load failure propagates and is retried', async () => {
    const solved: string[] = [];
    let fail = true;
    const solver = createGlpkSolver(async () => {
      if (fail) throw new Error('no wasm');
      const engine = await (await import('glpk.js/node')).default();
      const counted: GlpkEngine = {
        solve: (lp, options) => {
          solved.push(lp.name);
          return engine.solve(lp, options);
        },
      };
      return counted;
    });
    await expect(solver.warmUp!()).rejects.toMatchObject({ code: 'SOLVER_LOAD_FAILED' });
    fail = false;
    await Promise.all([solver.warmUp!(), solver.warmUp!()]);
    await solver.warmUp!();
    expect(solved).toEqual(['warm-up']);
    expect((await solver.solve(small)).objective).toBeCloseTo(8, 9);
    expect(solved).toEqual(['warm-up', 'small']);
  });

  it('a warm-up whose solve fails resolves: its answer is never used', async () => {
    const solver = createGlpkSolver(async () => ({
      solve: () => {
        throw new Error('engine refused');
      },
    }));
    await expect(solver.warmUp!()).resolves.toBeUndefined();
  });
});
