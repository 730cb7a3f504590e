/**
 * Builds the linear (or mixed-integer) programme of a cash plan. Variables, per period t = 1..T:
 * - `c{t}` closing cash (≥ minCash[t]); `x{k}_{t}` placement in instrument k (only when t + term ≤ T
 *   and t is inside the instrument's window), or for a lotted instrument of a MIP `n{k}_{t}` lots
 *   (the placement is lot·n); `y{k}_{t}` place-or-not for MIPs;
 * - with a credit line: `b{t}` balance at close (0 ≤ b ≤ limit[t]); the draw or repayment of period
 *   t is b_t − b_{t−1} (as separate draw/repay columns it would only add T rows and 2T columns).
 * Rows: `cb{t}` cash balance
 *   c_t − c_{t−1} + Σ_k x_{k,t} − Σ_k (1+r_k)^{term_k} x_{k,t−term_k} − (b_t − b_{t−1}) + (rate − fee)·b_{t−1}
 *     = flow_t − fee·limit_t  (+ openingCash when t = 1),
 * i.e. interest is charged on the balance carried in and the fee on the undrawn limit.
 * Objective: max c_T − b_T.
 * In `slack` mode each period may receive an outside injection s_t ≥ 0 (a term −s_t in cb_t), so the
 * programme is always feasible; the objective minimises Σ w_t·s_t with w_t = (1+ρ)^(T−t) and ρ above
 * every return one period of delay can earn (see injectionRate), so cash is injected when it is
 * needed and never earlier to earn a return.
 */
import type { Column, LinearProgram, Row, Term } from '../solver/types';
import { addPlacements } from './placement-columns';
import type { CashOptions, CashPlan } from './types';

export { placementWindow } from './placement-columns';

export interface CashLpIndex {
  periods: number;
  minCash: number[];
  limit: number[];
  /** The amount placed in instrument k in period t (1-based t), column × coefficient; undefined when not allowed. */
  placement: (k: number, t: number) => Term | undefined;
  growth: number[];
}

export interface CashLp {
  program: LinearProgram;
  index: CashLpIndex;
}

export type CashLpMode = 'plan' | 'slack';

/**
 * `lots` (the default): a lotted placement is lot·n{k}_{t} and the credit line is its balance alone.
 * `plain`: the same programme written as the plan's semantics state it, period by period: a placement
 * column x{k}_{t} tied to its lots by a row (lot{k}_{t}: x − lot·n = 0), the draw d{t} and repayment r{t}
 * as columns (bal{t}: b_t − b_{t−1} − d_t + r_t = 0), rows in period order (bal, cb, then the period's
 * placement rows) and columns in order of first appearance. Its integer columns and objective are the
 * same, so any plan of one is a plan of the other; GLPK's whole branch-and-bound takes a different path
 * on it (docs/cash.md, "Lot-sized plans: solved from the relaxation").
 */
export type CashLpForm = 'lots' | 'plain';

/** One value per period from a scalar or a row. */
export function perPeriod(value: number | number[], periods: number): number[] {
  return Array.isArray(value) ? value.slice() : new Array<number>(periods).fill(value);
}

/** An upper bound on any amount of cash the plan can ever hold, for big-M rows. */
function cashBound(plan: CashPlan, limit: number[]): number {
  let inflow = Math.max(plan.openingCash, 0);
  for (const f of plan.flows) inflow += Math.max(f, 0);
  let growth = 1;
  for (const ins of plan.instruments) growth = Math.max(growth, Math.pow(1 + Math.max(ins.rate, 0), plan.flows.length));
  return (inflow + Math.max(0, ...limit)) * growth + 1;
}

/**
 * The injection discount rate ρ of the slack programme. Cash held back from an instrument of term k
 * placed earlier can stand in for an injection one period before it matures, so one period of delay
 * must cost more than a whole term's return: ρ > max_k ((1+r_k)^k − 1) and ρ > the credit rate.
 * Weights are kept within 1e8 of each other for the solver's sake (on extreme plans an injection may
 * then come a period early).
 */
function injectionRate(plan: CashPlan): number {
  let best = Math.max(0, plan.creditLine?.rate ?? 0);
  for (const ins of plan.instruments) best = Math.max(best, Math.pow(1 + ins.rate, ins.term) - 1);
  const rho = best + 1e-4;
  return Math.min(rho, Math.pow(1e8, 1 / Math.max(1, plan.flows.length)) - 1);
}

/** The period a row belongs to (the number its name ends with) and its place within the period. */
function rowKey(row: Row): [number, number] {
  const period = Number(/(\d+)$/.exec(row.name)?.[1] ?? 0);
  return [period, row.name.startsWith('bal') ? 0 : row.name.startsWith('cb') ? 1 : 2];
}

/** Rows in period order (stable within a period), columns in order of first appearance (objective, then rows). */
function inPeriodOrder(program: LinearProgram): void {
  const keyed = program.rows.map((row, i) => ({ row, key: rowKey(row), i }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.i - b.i);
  program.rows = keyed.map((k) => k.row);
  const byName = new Map(program.columns.map((c) => [c.name, c]));
  const ordered: Column[] = [];
  const take = (name: string): void => {
    const column = byName.get(name);
    if (column) ordered.push(column);
    byName.delete(name);
  };
  for (const term of program.objective) take(term.name);
  for (const row of program.rows) for (const term of row.terms) take(term.name);
  program.columns = [...ordered, ...byName.values()];
}

/**
 * Builds the programme for a validated plan.
 * @example buildCashLp({ openingCash: 10, minCash: 0, flows: [0, 0], instruments: [] }).program.rows.length; // 2
 */
export function buildCashLp(
  plan: CashPlan,
  options: CashOptions = {},
  mode: CashLpMode = 'plan',
  form: CashLpForm = 'lots',
): CashLp {
  const T = plan.flows.length;
  const minCash = perPeriod(plan.minCash, T);
  const line = plan.creditLine;
  const limit = line ? perPeriod(line.limit, T) : new Array<number>(T).fill(0);
  const fee = line?.fee ?? 0;
  const integer = options.integerLots ?? true;
  const columns: Column[] = [];
  const rows: Row[] = [];
  const balance: Term[][] = Array.from({ length: T + 1 }, () => []);
  const bigM = cashBound(plan, limit);

  for (let t = 1; t <= T; t++) {
    columns.push({ name: `c${t}`, lb: minCash[t - 1], ub: Infinity });
    balance[t].push({ name: `c${t}`, coef: 1 });
    if (t < T) balance[t + 1].push({ name: `c${t}`, coef: -1 });
    if (mode === 'slack') {
      columns.push({ name: `s${t}`, lb: 0, ub: Infinity });
      balance[t].push({ name: `s${t}`, coef: -1 });
    }
  }
  const plain = form === 'plain';
  const placements = addPlacements(plan.instruments, T, integer, bigM, columns, rows, !plain);
  for (let t = 1; t <= T; t++) balance[t].push(...placements.flow[t]);
  if (line) {
    // Draws and repayments are the rises and falls of the balance: draw_t − repay_t = b_t − b_{t−1},
    // so the balance alone carries them (draw = max(0, b_t − b_{t−1}), repay = max(0, b_{t−1} − b_t)).
    for (let t = 1; t <= T; t++) {
      const closed = line.repayBy !== undefined && t >= line.repayBy;
      columns.push({ name: `b${t}`, lb: 0, ub: closed ? 0 : limit[t - 1] });
      if (plain) {
        columns.push({ name: `d${t}`, lb: 0, ub: Infinity }, { name: `r${t}`, lb: 0, ub: Infinity });
        const link = [{ name: `b${t}`, coef: 1 }];
        if (t > 1) link.push({ name: `b${t - 1}`, coef: -1 });
        link.push({ name: `d${t}`, coef: -1 }, { name: `r${t}`, coef: 1 });
        rows.push({ name: `bal${t}`, terms: link, lb: 0, ub: 0 });
        balance[t].push({ name: `d${t}`, coef: -1 }, { name: `r${t}`, coef: 1 });
        if (t < T) balance[t + 1].push({ name: `b${t}`, coef: line.rate - fee });
      } else {
        balance[t].push({ name: `b${t}`, coef: -1 });
        if (t < T) balance[t + 1].push({ name: `b${t}`, coef: 1 + line.rate - fee });
      }
    }
  }
  for (let t = 1; t <= T; t++) {
    const rhs = plan.flows[t - 1] + (t === 1 ? plan.openingCash : 0) - fee * limit[t - 1];
    rows.push({ name: `cb${t}`, terms: balance[t], lb: rhs, ub: rhs });
  }
  const objective: Term[] = [];
  if (mode === 'slack') {
    const rho = injectionRate(plan);
    for (let t = 1; t <= T; t++) objective.push({ name: `s${t}`, coef: Math.pow(1 + rho, T - t) });
  } else if (options.objective === 'headroom') {
    columns.push({ name: 'z', lb: -Infinity, ub: Infinity });
    for (let t = 1; t <= T; t++)
      rows.push({
        name: `h${t}`,
        terms: [
          { name: `c${t}`, coef: 1 },
          { name: 'z', coef: -1 },
        ],
        lb: minCash[t - 1],
        ub: Infinity,
      });
    objective.push({ name: 'z', coef: 1 });
  } else {
    objective.push({ name: `c${T}`, coef: 1 });
    if (line) objective.push({ name: `b${T}`, coef: -1 });
  }
  const program: LinearProgram = { name: 'cash', sense: mode === 'slack' ? 'min' : 'max', objective, columns, rows };
  if (plain) inPeriodOrder(program);
  return { program, index: { periods: T, minCash, limit, placement: placements.placement, growth: placements.growth } };
}
