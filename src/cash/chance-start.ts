/**
 * A start for the chance-constrained scenario programme that writes no trial's rows: a small LP over
 * the placements alone, solved twice. It only predicts which cash and risk rows the programme needs
 * (the rows where a trial draws credit under its plan, optimize-scenarios.ts); row generation keeps
 * the answer exact whatever the start.
 * - The credit a trial needs in period t is taken as (Y_t − g_{s,t})⁺ with g_{s,t} = A_{s,t} − m_t minus
 *   the interest the trial carries in; the expected credit cost, (r′/S)·Σ_s (Y_t − g_{s,t})⁺, is a
 *   convex piecewise-linear function of Y_t with a breakpoint at each trial. It is written through its
 *   chords between SEGMENTS + 1 evenly ranked breakpoints, as bounded segment columns: one row per
 *   period instead of one per trial.
 * - First solve: the chance constraint per period (Y_t up to the (k+1)-th smallest g_{s,t} + L_t +
 *   limit, k = ⌊αS⌋, as if each period could drop its own k trials) and no interest carried in.
 *   Second solve: the k trials with the largest shortfall under the first plan are the ones dropped in
 *   every period, and each trial carries the interest of its least-cost recourse under the first plan.
 *   The start is the larger Y of the two in each period: the first places too much where the drops
 *   differ between periods, the second too little where it drops the wrong trials.
 * On the 200-trial bench plans the LP has T rows and about 25·T columns and takes tens of
 * milliseconds; the 64-trial subsample it replaces took 0.06–2.5 s and its plan missed rows on the
 * 78-period plan, which cost a second solve of the whole MIP (docs/cash.md).
 */
import type { Column, LinearProgram, Row, Solver, Term } from '../solver/types';
import { addInvestedPath } from './scenario-lp';
import type { TrialPath } from './scenario-recourse';
import { recoursePaths } from './scenario-recourse';
import type { RiskSpec, ScenarioPlan } from './scenario-types';

export interface ChanceStartInput {
  plan: ScenarioPlan;
  risk: RiskSpec;
  /** Base cash A[s][t] (scenario-recourse.ts). */
  base: Float64Array[];
  limits: number[];
  minCash: number[];
  /** Per trial and period, the interest r′·Σ_{τ<t} b_τ a previous start's recourse carries in. */
  carried?: Float64Array[];
  /** Trials allowed to breach: the chance constraint then holds for every other trial. */
  dropped?: Set<number>;
}

/** Segments of each period's credit cost: 24 chords, a breakpoint every ⌈S/24⌉ trials. */
const SEGMENTS = 24;

/**
 * The start's programme: placements (integrality dropped), Y_t capped by the trials kept (per period
 * without `dropped`), and the expected credit cost of each period but the last through segment
 * columns `d{t}_{i}` under a row `cost{t}`: Y_t − Σ_i d_{t,i} ≤ the smallest g_{s,t}.
 * @example
 *   // One trial, no credit line: Y_t ≤ A_t − m_t in every period and no segment column.
 *   chanceStartLp({ plan, risk, base: trialBase(plan), limits: [0, 0], minCash: [5, 5] });
 */
export function chanceStartLp(input: ChanceStartInput): LinearProgram {
  const { plan, risk, base, limits, minCash } = input;
  const S = base.length;
  const T = base[0].length;
  const k = Math.min(S - 1, Math.floor(risk.alpha * S));
  const rp = (plan.creditLine?.rate ?? 0) - (plan.creditLine?.fee ?? 0);
  const columns: Column[] = [];
  const rows: Row[] = [];
  addInvestedPath(plan, risk, limits, false, columns, rows);
  const y = new Map(columns.filter((c) => /^Y\d+$/.test(c.name)).map((c) => [c.name, c]));
  const objective: Term[] = [{ name: `Y${T}`, coef: -1 }];
  const g = new Float64Array(S);
  const prefix = new Float64Array(S + 1);
  const segments = Math.min(S - 1, SEGMENTS);
  for (let t = 1; t <= T; t++) {
    for (let s = 0; s < S; s++) g[s] = base[s][t - 1] - minCash[t - 1] - (input.carried?.[s][t - 1] ?? 0);
    let cap = Infinity;
    if (input.dropped)
      for (let s = 0; s < S; s++) if (!input.dropped.has(s)) cap = Math.min(cap, g[s] + limits[t - 1] + risk.limit);
    g.sort();
    if (!input.dropped) cap = g[k] + limits[t - 1] + risk.limit;
    const column = y.get(`Y${t}`)!;
    column.ub = Math.max(column.lb, Math.min(column.ub, cap));
    // The balance of the last period costs nothing (wealth is cash minus debt), as in scenario-lp.ts.
    if (t === T || rp <= 0) continue;
    for (let s = 0; s < S; s++) prefix[s + 1] = prefix[s] + g[s];
    // F(g_r) = Σ_s (g_r − g_s)⁺ at the breakpoints; each segment costs its chord's slope.
    const F = (r: number): number => r * g[r] - prefix[r];
    const terms: Term[] = [{ name: `Y${t}`, coef: 1 }];
    let from = 0;
    for (let i = 1; i <= segments + 1; i++) {
      const to = i <= segments ? Math.round((i * (S - 1)) / segments) : S;
      const width = to < S ? g[to] - g[from] : Infinity;
      const slope = to < S ? (F(to) - F(from)) / width : S;
      if (width > 0) {
        const name = `d${t}_${i}`;
        columns.push({ name, lb: 0, ub: width });
        terms.push({ name, coef: -1 });
        objective.push({ name, coef: (-rp * slope) / S });
      }
      from = to;
    }
    rows.push({ name: `cost${t}`, terms, lb: -Infinity, ub: g[0] });
  }
  return { name: 'chance-start', sense: 'max', objective, columns, rows };
}

/** Per trial and period, the interest r′·Σ_{τ<t} b_τ its recourse carries into period t. */
function carriedInterest(paths: TrialPath[], rp: number): Float64Array[] {
  return paths.map((p) => {
    const carried = new Float64Array(p.debt.length);
    let sum = 0;
    for (let t = 0; t < p.debt.length; t++) {
      carried[t] = rp * sum;
      sum += p.debt[t];
    }
    return carried;
  });
}

/** The k trials with the largest shortfall (ties: the earlier trial). */
function worstTrials(paths: TrialPath[], k: number): Set<number> {
  const order = paths.map((p, s) => ({ s, loss: p.loss })).sort((a, b) => b.loss - a.loss || a.s - b.s);
  return new Set(order.slice(0, k).map((o) => o.s));
}

/**
 * The start's placements as Y (Y[t] for period t + 1): in each period the larger of the two solves'
 * (more placed means more rows written, fewer missed); the first's when the second has no solution;
 * no placements when neither has (the scenario programme then decides feasibility).
 */
export async function chanceStart(input: ChanceStartInput, solver: Solver): Promise<Float64Array> {
  const T = input.base[0].length;
  const rp = (input.plan.creditLine?.rate ?? 0) - (input.plan.creditLine?.fee ?? 0);
  let y = new Float64Array(T);
  let refined: Pick<ChanceStartInput, 'carried' | 'dropped'> = {};
  for (let round = 0; round < 2; round++) {
    const solved = await solver.solve(chanceStartLp({ ...input, ...refined }));
    if (solved.status !== 'optimal') return y;
    const first = y;
    y = new Float64Array(T);
    for (let t = 1; t <= T; t++) y[t - 1] = solved.values[`Y${t}`] ?? 0;
    const paths = recoursePaths(input.plan, y);
    if (round === 1) for (let t = 0; t < T; t++) y[t] = Math.max(y[t], first[t]);
    refined = {
      carried: carriedInterest(paths, rp),
      dropped: worstTrials(paths, Math.floor(input.risk.alpha * paths.length)),
    };
  }
  return y;
}
