/**
 * Explains an infeasible cash plan. The slack programme lets outside cash s_t ≥ 0 be injected in any
 * period and finds the least injection, as late as possible, that keeps the minimum everywhere
 * (see buildCashLp's `slack` mode); a second solve holds those injections and maximises terminal
 * wealth. The shortfall of period t is s_t: what cash lacks in that period even after the best
 * decisions before it. The first period with s_t > 0 is the first that no schedule can keep; the
 * total shortfall Σ s_t is the outside funding that would make the plan feasible. Lot-sized plans are
 * solved from the relaxation as optimizeCash solves them (src/solver/rounding-start.ts).
 */
import { solveFromRounding } from '../solver/rounding-start';
import type { Solver } from '../solver/types';
import { buildCashLp } from './build-cash-lp';
import { DEFAULT_MIP_GAP } from './mip-gap';
import { CashErrors } from './errors';
import { readSchedule } from './read-schedule';
import type { CashOptions, CashPlan, CashResult, Shortfall } from './types';

/** The plan's money scale, for tolerances. */
function scaleOf(plan: CashPlan): number {
  let scale = Math.abs(plan.openingCash);
  for (const f of plan.flows) scale = Math.max(scale, Math.abs(f));
  return Math.max(1, scale);
}

/**
 * Solves the slack problem of a validated plan.
 * @throws FpaError CASH_NO_SOLUTION if even the slack problem has no solution (time limit).
 * @example // flows [-500], openingCash 100, minCash 0 → shortfall [{ period: 1, amount: 400 }], total 400
 */
export async function diagnoseShortfall(
  plan: CashPlan,
  solver: Solver,
  options: CashOptions = {},
): Promise<CashResult> {
  const lp = buildCashLp(plan, options, 'slack');
  const limits = { timeLimitSeconds: options.timeLimitSeconds, mipGap: options.mipGap ?? DEFAULT_MIP_GAP };
  const first = await solveFromRounding(solver, lp.program, limits);
  if (first.status !== 'optimal' && first.status !== 'time_limit') throw CashErrors.noSolution(first.status);
  const T = lp.index.periods;
  const scale = scaleOf(plan);
  const tol = 1e-6 * scale; // a shortfall below this is solver noise
  // Phase 2: hold each shortfall at its minimum, maximise closing cash minus debt.
  for (const column of lp.program.columns) {
    if (column.name.startsWith('s')) column.ub = Math.max(0, first.values[column.name] ?? 0);
  }
  lp.program.sense = 'max';
  lp.program.objective = [{ name: `c${T}`, coef: 1 }];
  if (plan.creditLine) lp.program.objective.push({ name: `b${T}`, coef: -1 });
  const second = await solveFromRounding(solver, lp.program, limits);
  const values = second.status === 'optimal' || second.status === 'time_limit' ? second.values : first.values;
  const periods = readSchedule(plan, lp.index, values);
  const shortfall: Shortfall[] = [];
  for (const p of periods) {
    const injected = values[`s${p.period}`] ?? 0;
    p.shortfall = injected > tol ? injected : 0;
    if (injected > tol) shortfall.push({ period: p.period, amount: injected });
  }
  const last = periods[T - 1];
  return {
    status: 'infeasible',
    objective: last.closingCash - last.debt,
    periods,
    shortfall,
    totalShortfall: shortfall.reduce((sum, s) => sum + s.amount, 0),
  };
}
