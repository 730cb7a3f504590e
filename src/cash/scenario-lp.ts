/**
 * The scenario programme of a cash plan with trials s = 1..S (equally likely). Decisions:
 * - here and now, the same in every trial: placements x (with lots and minimum placements as in the
 *   deterministic plan), and Y_t, their cumulative net outflow (placed minus matured up to period t);
 * - per trial (recourse): the credit balance b_{s,t} ≥ 0. Cash is kept at the minimum in every trial;
 *   what the balance needs beyond the limit L_t is the trial's shortfall, funded like the credit line.
 * With A_{s,t} = opening + Σ_{τ≤t}(flow_{s,τ} − fee·L_τ) and r' = rate − fee, cash is
 *   c_{s,t} = A_{s,t} − Y_t + b_{s,t} − r'·Σ_{τ<t} b_{s,τ} ≥ m_t,
 * and the trial's wealth at the end is A_{s,T} − Y_T − r'·Σ_{τ<T} b_{s,τ}. The objective is the mean
 * wealth over trials (its constant through the fixed column `one`, so MIP gaps are relative to it).
 * Risk on the shortfall b_{s,t} − L_t:
 * - cvar: b_{s,t} − L_t ≤ η + w_s, η + Σ_s w_s/(αS) ≤ limit, η, w ≥ 0 (Rockafellar–Uryasev);
 * - chance: b_{s,t} − L_t ≤ limit + M_{s,t}·z_s, Σ_s z_s ≤ ⌊αS⌋, z binary (sample average approximation).
 * Cash rows are written only for the `active` (trial, period) pairs and risk rows only for `risky`
 * ones: a relaxation, exact once every row left out holds (optimize-scenarios.ts). A balance column
 * exists only with its cash row: without the row it could only cost (when rate ≥ fee). The interest
 * sums Σ_{τ<t} b_{s,τ} are written through block sums (interest-blocks.ts).
 */
import type { Column, LinearProgram, Row, Term } from '../solver/types';
import { perPeriod } from './build-cash-lp';
import { interestTerms } from './interest-blocks';
import { addPlacements } from './placement-columns';
import { creditLimits, trialBase } from './scenario-recourse';
import type { RiskSpec, ScenarioPlan } from './scenario-types';

export interface ScenarioLpInput {
  plan: ScenarioPlan;
  risk: RiskSpec;
  /** Base cash A[s][t]. */
  base: Float64Array[];
  limits: number[];
  /** Per trial, the periods (1-based) with a cash row; per trial, the periods with a risk row. */
  active: Set<number>[];
  risky: Set<number>[];
  /** Chance only: M[s][t] bounding the shortfall of trial s in period t + 1 beyond the limit. */
  bigM?: Float64Array[];
  integerLots?: boolean;
  /** Every balance column whether its row is written or not (needed when the fee exceeds the rate). */
  allBalances?: boolean;
}

export const balanceName = (s: number, t: number): string => `b${s}_${t}`;

/** An upper bound on any placement, for place-or-not rows: all the cash any trial could hold, grown. */
function placementBound(plan: ScenarioPlan, limits: number[]): number {
  let inflow = 0;
  for (const row of plan.trials) {
    let sum = Math.max(plan.openingCash, 0);
    for (const f of row) sum += Math.max(f, 0);
    inflow = Math.max(inflow, sum);
  }
  let growth = 1;
  for (const ins of plan.instruments)
    growth = Math.max(growth, Math.pow(1 + Math.max(ins.rate, 0), plan.trials[0].length));
  return (inflow + Math.max(0, ...limits)) * growth + 1;
}

/**
 * The placement columns and Y_t, their cumulative net outflow (placed minus matured up to period t),
 * with its defining rows `yd{t}`: the here-and-now part of every scenario programme.
 */
export function addInvestedPath(
  plan: ScenarioPlan,
  risk: RiskSpec,
  limits: number[],
  integerLots: boolean,
  columns: Column[],
  rows: Row[],
): void {
  const T = plan.trials[0].length;
  const S = plan.trials.length;
  const placements = addPlacements(plan.instruments, T, integerLots, placementBound(plan, limits), columns, rows);
  // Y is bounded, not free: with free Y columns GLPK's MIP presolver has declared feasible chance
  // programmes infeasible (bench:cash, 52×8×200). No plan places more than the placement bound, nor
  // matures more than it grew to; the risk limit's slack is added for plans that lean on it.
  const yBound = 2 * placementBound(plan, limits) + risk.limit * (1 + risk.alpha * S);
  for (let t = 1; t <= T; t++) {
    columns.push({ name: `Y${t}`, lb: -yBound, ub: yBound });
    const terms: Term[] = [{ name: `Y${t}`, coef: 1 }];
    if (t > 1) terms.push({ name: `Y${t - 1}`, coef: -1 });
    for (const f of placements.flow[t]) terms.push({ name: f.name, coef: -f.coef });
    rows.push({ name: `yd${t}`, terms, lb: 0, ub: 0 });
  }
}

export function buildScenarioLp(input: ScenarioLpInput): LinearProgram {
  const { plan, risk, base, limits, active, risky } = input;
  const S = plan.trials.length;
  const T = plan.trials[0].length;
  const minCash = perPeriod(plan.minCash, T);
  const rp = (plan.creditLine?.rate ?? 0) - (plan.creditLine?.fee ?? 0);
  const columns: Column[] = [];
  const rows: Row[] = [];
  const objective: Term[] = [];
  addInvestedPath(plan, risk, limits, input.integerLots ?? true, columns, rows);
  objective.push({ name: `Y${T}`, coef: -1 });
  let meanEnd = 0;
  for (let s = 0; s < S; s++) meanEnd += base[s][T - 1] / S;
  columns.push({ name: 'one', lb: 1, ub: 1 });
  objective.push({ name: 'one', coef: meanEnd });
  const cvar = risk.measure === 'cvar';
  const drop = Math.floor(risk.alpha * S);
  if (cvar) columns.push({ name: 'eta', lb: 0, ub: risk.limit });
  const shortfallCap = risk.limit * (1 + risk.alpha * S); // η ≤ limit and w_s ≤ αS·limit
  // Term objects are shared between rows (a programme is read, never changed): one per name and
  // coefficient, so a 50,000-coefficient programme is not 50,000 objects and their names.
  const minusY = Array.from({ length: T }, (_, t) => ({ name: `Y${t + 1}`, coef: -1 }));
  const minusEta: Term = { name: 'eta', coef: -1 };
  const balance: string[] = new Array<string>(T + 1);
  const plusBalance: Term[] = new Array<Term>(T + 1);
  for (let s = 0; s < S; s++) {
    if (cvar) columns.push({ name: `w${s}`, lb: 0, ub: risk.alpha * S * risk.limit });
    else columns.push({ name: `z${s}`, lb: 0, ub: 1, integer: true });
    const activeSorted = [...active[s]].sort((a, b) => a - b);
    const periods = input.allBalances ? Array.from({ length: T }, (_, t) => t + 1) : activeSorted;
    for (const t of periods) {
      const name = balanceName(s, t);
      balance[t] = name;
      plusBalance[t] = { name, coef: 1 };
      const cap = limits[t - 1] + (cvar ? shortfallCap : risk.limit + (input.bigM?.[s][t - 1] ?? 0));
      columns.push({ name, lb: 0, ub: cap });
      if (t < T && rp !== 0) objective.push({ name, coef: -rp / S });
    }
    const interest = interestTerms(
      periods,
      rp,
      (u) => balance[u],
      (j) => `B${s}_${j}`,
      columns,
      rows,
    );
    for (const t of activeSorted) {
      const terms = interest(t, [minusY[t - 1], plusBalance[t]]);
      rows.push({ name: `c${s}_${t}`, terms, lb: minCash[t - 1] - base[s][t - 1], ub: Infinity });
    }
    const minusW: Term = { name: `w${s}`, coef: -1 };
    for (const t of [...risky[s]].sort((a, b) => a - b)) {
      if (!active[s].has(t) && !input.allBalances) continue;
      const terms: Term[] = cvar
        ? [plusBalance[t], minusEta, minusW]
        : [plusBalance[t], { name: `z${s}`, coef: -(input.bigM?.[s][t - 1] ?? 0) }];
      rows.push({ name: `r${s}_${t}`, terms, lb: -Infinity, ub: limits[t - 1] + (cvar ? 0 : risk.limit) });
    }
  }
  if (cvar)
    rows.push({
      name: 'risk',
      terms: [
        { name: 'eta', coef: 1 },
        ...Array.from({ length: S }, (_, s) => ({ name: `w${s}`, coef: 1 / (risk.alpha * S) })),
      ],
      lb: -Infinity,
      ub: risk.limit,
    });
  else
    rows.push({
      name: 'risk',
      terms: Array.from({ length: S }, (_, s) => ({ name: `z${s}`, coef: 1 })),
      lb: -Infinity,
      ub: drop,
    });
  return { name: 'cash-scenarios', sense: 'max', objective, columns, rows };
}

/**
 * M[s][t]: how far beyond the limit (and the tolerance) trial s can need credit in period t + 1 in any
 * plan that keeps all but ⌊αS⌋ trials within it. A kept trial s′ bounds the placements:
 * Y_t ≤ A_{s′,t} + L_t + limit − m_t, so Y_t ≤ A_{(k+1),t} + L_t + limit − m_t with A_{(k+1),t} the
 * (k+1)-th smallest base cash (k = ⌊αS⌋). Then trial s needs at most
 *   b_{s,t} ≤ max(0, A_{(k+1),t} − A_{s,t} + L_t + limit + r'·Σ_{τ<t} b̄_{s,τ}),
 * under the least-cost recourse, and M_{s,t} = b̄_{s,t} − L_t − limit (at least 0).
 */
export function chanceBigM(plan: ScenarioPlan, risk: RiskSpec, base: Float64Array[], limits: number[]): Float64Array[] {
  const S = base.length;
  const T = base[0].length;
  const k = Math.floor(risk.alpha * S);
  const rp = Math.max(0, (plan.creditLine?.rate ?? 0) - (plan.creditLine?.fee ?? 0));
  const witness = new Float64Array(T);
  const column = new Float64Array(S);
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) column[s] = base[s][t];
    witness[t] = Float64Array.from(column).sort()[Math.min(k, S - 1)];
  }
  return base.map((a) => {
    const m = new Float64Array(T);
    let carried = 0;
    for (let t = 0; t < T; t++) {
      const most = Math.max(0, witness[t] - a[t] + limits[t] + risk.limit + rp * carried);
      m[t] = Math.max(0, most - limits[t] - risk.limit);
      carried += most;
    }
    return m;
  });
}

/**
 * The whole programme: a cash row and a risk row for every (trial, period). Row generation
 * (optimize-scenarios.ts) must end at its optimum; the tests check that, and the bench gives it to glpsol.
 */
export function wholeScenarioLp(plan: ScenarioPlan, risk: RiskSpec): LinearProgram {
  const T = plan.trials[0].length;
  const base = trialBase(plan);
  const limits = creditLimits(plan, T);
  const all = (): Set<number>[] => plan.trials.map(() => new Set(Array.from({ length: T }, (_, t) => t + 1)));
  return buildScenarioLp({
    plan,
    risk,
    base,
    limits,
    active: all(),
    risky: all(),
    bigM: risk.measure === 'chance' ? chanceBigM(plan, risk, base, limits) : undefined,
  });
}
