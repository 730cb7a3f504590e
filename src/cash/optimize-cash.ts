/**
 * FPA.CASH.OPTIMIZE's engine: decides placements, maturities, draws and repayments that keep closing
 * cash at or above the minimum in every period and maximise terminal wealth (closing cash minus debt
 * in the last period). Infeasible plans come back with a shortfall diagnosis instead of a schedule
 * that keeps the minimum.
 */
import { solveFromRounding } from '../solver/rounding-start';
import type { LinearProgram, Solver } from '../solver/types';
import { buildCashLp } from './build-cash-lp';
import { diagnoseShortfall } from './diagnose-shortfall';
import { DEFAULT_MIP_GAP } from './mip-gap';
import { CashErrors } from './errors';
import { readSchedule } from './read-schedule';
import { shadowPrices } from './shadow-prices';
import type { CashOptions, CashPlan, CashResult } from './types';
import { validatePlan } from './validate-plan';

export { DEFAULT_MIP_GAP };

/** The LP of a MIP with its integer columns fixed at their solution, for duals given the lots. */
function fixIntegers(program: LinearProgram, values: Record<string, number>): LinearProgram {
  return {
    ...program,
    columns: program.columns.map((c) =>
      c.integer ? { name: c.name, lb: Math.round(values[c.name] ?? 0), ub: Math.round(values[c.name] ?? 0) } : c,
    ),
  };
}

/**
 * Optimises a cash plan.
 * @throws FpaError CASH_INVALID_PLAN (and other input errors) for a malformed plan;
 *   CASH_NO_SOLUTION when the time limit passes before any plan is found.
 * @example
 *   // 100 idle for 2 periods, one 2-period instrument at 1% per period:
 *   await optimizeCash({ openingCash: 100, minCash: 0, flows: [0, 0, 0],
 *     instruments: [{ name: 'TD', term: 2, rate: 0.01 }] }, glpkNodeSolver);
 *   // → objective 102.01 (100·1.01² placed in period 1, matures in period 3)
 */
export async function optimizeCash(plan: CashPlan, solver: Solver, options: CashOptions = {}): Promise<CashResult> {
  validatePlan(plan);
  const lp = buildCashLp(plan, options);
  // A MIP's whole branch-and-bound runs on the plain form (docs/cash.md, "Lot-sized plans: solved from the relaxation").
  const isMip = lp.program.columns.some((c) => c.integer);
  const solved = await solveFromRounding(
    solver,
    lp.program,
    { timeLimitSeconds: options.timeLimitSeconds, mipGap: options.mipGap ?? DEFAULT_MIP_GAP },
    isMip ? buildCashLp(plan, options, 'plan', 'plain').program : lp.program,
  );
  if (solved.status === 'infeasible') return diagnoseShortfall(plan, solver, options);
  if (solved.status !== 'optimal' && solved.status !== 'time_limit') throw CashErrors.noSolution(solved.status);
  if (solved.status === 'time_limit' && Object.keys(solved.values).length === 0)
    throw CashErrors.noSolution('time limit');
  const periods = readSchedule(plan, lp.index, solved.values);
  const last = periods[periods.length - 1];
  const gap = solved.status === 'time_limit' && solved.gap !== undefined ? { gap: solved.gap } : {};
  const result: CashResult = { status: solved.status, objective: last.closingCash - last.debt, ...gap, periods };
  if (options.objective === 'headroom') result.headroom = solved.objective;
  if (options.shadowPrices && options.objective !== 'headroom') {
    let duals = solved.rowDuals;
    let values = solved.values;
    if (!duals) {
      const relaxed = await solver.solve(fixIntegers(lp.program, solved.values));
      duals = relaxed.rowDuals;
      values = relaxed.values;
    }
    if (duals) result.shadowPrices = shadowPrices(plan, lp, duals, values);
  }
  return result;
}
