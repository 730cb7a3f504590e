/**
 * The glpk.js implementation of the solver interface. glpk.js is GLPK compiled to WebAssembly:
 * under Node its `glpk.js/node` entry solves synchronously; in the browser its default entry starts
 * its own Web Worker (wasm inlined, nothing fetched) and answers asynchronously. Both share this
 * adapter: the engine is loaded once, on first use, by the loader the caller passes in.
 */
import type { LP, Options, Result } from 'glpk.js/node';
import { SolverErrors } from './errors';
import type { LinearProgram, SolveOptions, SolveResult, SolveStatus, Solver } from './types';
import { warmUpProgram } from './warm-up';

/** What the adapter needs from either glpk.js entry (the Node one is sync, the browser one async). */
export interface GlpkEngine {
  solve(lp: LP, options?: Options): Result | Promise<Result>;
}

// GLPK's constants (glpk.h); identical in both entries.
const GLP_MIN = 1,
  GLP_MAX = 2;
const GLP_FR = 1,
  GLP_LO = 2,
  GLP_UP = 3,
  GLP_DB = 4,
  GLP_FX = 5;
const GLP_MSG_OFF = 0;
const STATUS: Record<number, SolveStatus> = {
  1: 'undefined',
  2: 'time_limit',
  3: 'infeasible',
  4: 'infeasible',
  5: 'optimal',
  6: 'unbounded',
};

function boundType(lb: number, ub: number): { type: number; lb: number; ub: number } {
  const hasLb = Number.isFinite(lb),
    hasUb = Number.isFinite(ub);
  if (hasLb && hasUb) return lb === ub ? { type: GLP_FX, lb, ub } : { type: GLP_DB, lb, ub };
  if (hasLb) return { type: GLP_LO, lb, ub: 0 };
  if (hasUb) return { type: GLP_UP, lb: 0, ub };
  return { type: GLP_FR, lb: 0, ub: 0 };
}

/** Translates our programme into glpk.js's JSON problem. */
export function toGlpkProblem(program: LinearProgram): LP {
  const bounds: NonNullable<LP['bounds']> = [];
  const generals: string[] = [];
  for (const column of program.columns) {
    if (column.lb > column.ub) throw SolverErrors.badProgram(`column ${column.name} has lb > ub`);
    // glpk.js defaults a column to [0, +inf); only state other bounds.
    if (column.lb !== 0 || column.ub !== Infinity) {
      const { type, lb, ub } = boundType(column.lb, column.ub);
      bounds.push({ name: column.name, type, lb, ub });
    }
    if (column.integer) generals.push(column.name);
  }
  // Columns that appear nowhere else still need to exist: give them a zero objective term.
  const objective = program.objective.slice();
  const named = new Set(objective.map((term) => term.name));
  for (const column of program.columns) if (!named.has(column.name)) objective.push({ name: column.name, coef: 0 });
  return {
    name: program.name,
    objective: { direction: program.sense === 'max' ? GLP_MAX : GLP_MIN, name: 'objective', vars: objective },
    subjectTo: program.rows.map((row) => ({ name: row.name, vars: row.terms, bnds: boundType(row.lb, row.ub) })),
    bounds,
    generals,
  };
}

function toOptions(options: SolveOptions, presolve: boolean): Options {
  const out: Options = { msglev: GLP_MSG_OFF, presol: presolve };
  if (options.timeLimitSeconds !== undefined) out.tmlim = options.timeLimitSeconds;
  if (options.mipGap !== undefined) out.mipgap = options.mipGap;
  return out;
}

/**
 * Builds a solver over a glpk.js engine. `load` is called once, on the first solve.
 * @throws FpaError SOLVER_LOAD_FAILED when the engine cannot be loaded.
 * @example
 *   const solver = createGlpkSolver(async () => (await import('glpk.js/node')).default());
 *   (await solver.solve({ name: 'p', sense: 'max', objective: [{ name: 'x', coef: 1 }],
 *     columns: [{ name: 'x', lb: 0, ub: 3 }], rows: [] })).objective; // 3
 */
export function createGlpkSolver(load: () => Promise<GlpkEngine>): Solver {
  let engine: Promise<GlpkEngine> | null = null;
  const engineOnce = (): Promise<GlpkEngine> => {
    engine ??= load().catch((error: unknown) => {
      engine = null;
      throw SolverErrors.loadFailed('glpk.js', error instanceof Error ? error.message : String(error));
    });
    return engine;
  };
  const run = async (problem: LP, options: SolveOptions, presolve: boolean, isMip: boolean): Promise<SolveResult> => {
    const glpk = await engineOnce();
    const answer = await glpk.solve(problem, toOptions(options, presolve));
    let status = STATUS[answer.result.status] ?? 'undefined';
    // For a MIP, "feasible" means branch-and-bound stopped early with an incumbent: either at the
    // requested gap (optimal within it) or at the time limit.
    if (status === 'time_limit' && !isMip) status = 'undefined';
    const limit = options.timeLimitSeconds;
    if (status === 'time_limit' && (options.mipGap ?? 0) > 0 && (limit === undefined || answer.time < 0.98 * limit))
      status = 'optimal';
    const hasSolution = status === 'optimal' || status === 'time_limit';
    return {
      status,
      objective: hasSolution ? answer.result.z : NaN,
      values: answer.result.vars,
      rowDuals: isMip ? undefined : answer.result.dual,
      seconds: answer.time,
    };
  };
  let warmed: Promise<void> | null = null;
  return {
    name: 'glpk.js',
    warmUp(): Promise<void> {
      // The warm-up's answer is not used and its failure is not the caller's problem; a failure to
      // load the engine is, and propagates (the next call tries again).
      warmed ??= engineOnce().then(
        async (glpk) => {
          try {
            await glpk.solve(toGlpkProblem(warmUpProgram()), toOptions({ mipGap: 1e-4 }, true));
          } catch {
            // a solve that fails here fails again, with its message, where its answer is used
          }
        },
        (error: unknown) => {
          warmed = null;
          throw error;
        },
      );
      return warmed;
    },
    async solve(program: LinearProgram, options: SolveOptions = {}): Promise<SolveResult> {
      const problem = toGlpkProblem(program);
      const isMip = (problem.generals?.length ?? 0) > 0;
      // GLPK's MIP driver needs its presolver (glpk.js runs no simplex before branch-and-bound);
      // for LPs the presolver costs more than it saves on our problems (≈2× on 52×8 cash plans).
      const presolve = options.presolve ?? isMip;
      const first = await run(problem, options, presolve, isMip);
      // GLPK's presolver stops without a status when it proves the problem infeasible or
      // unbounded; solving again without it classifies the problem properly.
      if (first.status === 'undefined' && presolve) return run(problem, options, false, isMip);
      return first;
    },
  };
}
