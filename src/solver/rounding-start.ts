/**
 * A MIP solved from its LP relaxation first: the relaxation's optimum bounds the MIP's, and its
 * integer columns rounded (to the nearest, then down) and fixed give feasible plans whose LP over the
 * remaining columns is a candidate incumbent. When none is within the gap, a small MIP over the
 * relaxation's neighbourhood (fractional columns between their floor and ceiling, the others fixed) is
 * asked for a plan the bound certifies (its objective as a row at that level). An incumbent within the
 * relative gap of the relaxation's bound is optimal within that gap, by GLPK's own stopping rule, and is
 * returned without branch-and-bound on the whole MIP; otherwise the whole MIP is solved as before and
 * the better of the two plans kept. A plan stopped by the time limit carries its gap to the bound.
 *
 * Why: glpk.js reaches GLPK's branch-and-bound with its defaults only (no heuristics, no cuts, and no
 * incumbent can be given), and on lot-sized cash plans its search can wander for minutes before its
 * first good incumbent although a plan near the relaxation is within the gap (docs/cash.md, "Lot-sized
 * plans: solved from the relaxation").
 */
import type { Column, LinearProgram, SolveOptions, SolveResult, Solver } from './types';

/**
 * A safety limit on the neighbourhood MIP, seconds. It answers in 10–700 ms on the lot-sized plans measured
 * (docs/cash.md); the limit only keeps a pathological neighbourhood from delaying the whole MIP.
 */
export const NEIGHBOURHOOD_SECONDS = 10;

const hasPlan = (r: SolveResult): boolean => r.status === 'optimal' || r.status === 'time_limit';

/** GLPK's relative gap of an incumbent to a bound (|bound − z| / (|z| + ε)), signed so that > 0 is open. */
export function relativeGap(program: LinearProgram, incumbent: number, bound: number): number {
  const open = program.sense === 'max' ? bound - incumbent : incumbent - bound;
  return Math.max(0, open) / (Math.abs(incumbent) + Number.EPSILON);
}

/**
 * The objective as a row asking for a plan within `gap` of `bound` (relativeGap ≤ gap, with a 0.1% margin
 * for the solver's tolerances).
 */
export function certifiedLevel(
  program: LinearProgram,
  bound: number,
  gap: number,
): { terms: LinearProgram['objective']; lb: number; ub: number } {
  const g = gap * (1 - 1e-3);
  if (program.sense === 'max')
    return { terms: program.objective, lb: bound >= 0 ? bound / (1 + g) : bound / (1 - g), ub: Infinity };
  return { terms: program.objective, lb: -Infinity, ub: bound >= 0 ? bound / (1 - g) : bound / (1 + g) };
}

function withColumns(program: LinearProgram, map: (c: Column) => Column): LinearProgram {
  return { ...program, columns: program.columns.map(map) };
}

/** Integer columns fixed at `round` of their relaxed value (kept within their bounds). */
function fixedAt(program: LinearProgram, values: Record<string, number>, round: (v: number) => number): LinearProgram {
  return withColumns(program, (c) => {
    if (!c.integer) return c;
    const v = Math.min(c.ub, Math.max(c.lb, round(values[c.name] ?? 0)));
    return { name: c.name, lb: v, ub: v };
  });
}

/**
 * Solves `program` (a MIP) as described above; an LP goes straight to the solver. `whole` is the programme
 * the whole branch-and-bound (the last step) is run on: the same MIP in another formulation (the same
 * objective, integer columns and column names for them and for every column the plan is read from), on
 * which GLPK's search may take a shorter path. Defaults to `program`.
 * @example
 *   await solveFromRounding(glpkNodeSolver, lotProgram, { mipGap: 5e-5 }); // status 'optimal' within the gap
 */
export async function solveFromRounding(
  solver: Solver,
  program: LinearProgram,
  options: SolveOptions = {},
  whole: LinearProgram = program,
): Promise<SolveResult> {
  if (!program.columns.some((c) => c.integer)) return solver.solve(program, options);
  const started = performance.now();
  const gap = options.mipGap ?? 0;
  const limit = options.timeLimitSeconds;
  const left = (): number => (limit === undefined ? Infinity : limit - (performance.now() - started) / 1000);
  const seconds = (): number => (performance.now() - started) / 1000;
  const relaxed = await solver.solve(
    withColumns(program, (c) => ({ name: c.name, lb: c.lb, ub: c.ub })),
    limit === undefined ? {} : { timeLimitSeconds: limit },
  );
  // No bound (an infeasible or unbounded relaxation, or none in time): the MIP path classifies it.
  if (relaxed.status !== 'optimal') return solver.solve(program, options);
  const bound = relaxed.objective;
  let best: SolveResult | undefined;
  const better = (r: SolveResult): boolean =>
    hasPlan(r) && (!best || (program.sense === 'max' ? r.objective > best.objective : r.objective < best.objective));
  const within = (): boolean => best !== undefined && relativeGap(program, best.objective, bound) <= gap;
  const answer = (status: SolveResult['status']): SolveResult => {
    const out: SolveResult = { ...best!, status, rowDuals: undefined, seconds: seconds() };
    if (status === 'time_limit') out.gap = relativeGap(program, best!.objective, bound);
    return out;
  };
  for (const round of [Math.round, (v: number) => Math.floor(v + 1e-9)]) {
    if (left() <= 0) break;
    const r = await solver.solve(fixedAt(program, relaxed.values, round));
    if (better(r)) best = r;
    if (within()) return answer('optimal');
  }
  const fractional = program.columns.some((c) => {
    const v = relaxed.values[c.name] ?? 0;
    return c.integer && Math.abs(v - Math.round(v)) > 1e-9;
  });
  if (fractional && left() > 0) {
    // The relaxation's neighbourhood, asked only for a plan the bound certifies: GLPK then prunes every
    // node below that level and answers in milliseconds, with such a plan or "infeasible" (none there).
    const near = withColumns(program, (c) => {
      if (!c.integer) return c;
      const v = relaxed.values[c.name] ?? 0;
      return { ...c, lb: Math.max(c.lb, Math.floor(v + 1e-9)), ub: Math.min(c.ub, Math.ceil(v - 1e-9)) };
    });
    near.rows = [...program.rows, { name: 'certified', ...certifiedLevel(program, bound, gap) }];
    const r = await solver.solve(near, { mipGap: gap, timeLimitSeconds: Math.min(NEIGHBOURHOOD_SECONDS, left()) });
    if (better(r)) best = r;
    if (within()) return answer('optimal');
  }
  if (left() <= 0)
    return best ? answer('time_limit') : { status: 'time_limit', objective: NaN, values: {}, seconds: seconds() };
  const last = await solver.solve(whole, limit === undefined ? options : { ...options, timeLimitSeconds: left() });
  if (better(last)) best = last;
  if (last.status === 'optimal') return answer('optimal'); // the better of its plan and ours, both within the gap
  if (best) return answer('time_limit');
  return last;
}
