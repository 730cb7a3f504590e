/**
 * FPA.CASH.OPTIMIZE over trials: one placement plan for every trial, each trial with its own credit
 * recourse, maximising expected terminal wealth under a risk limit on the shortfall (scenario-lp.ts
 * states the model). Solved by row generation on the exact programme: a cash row is written only
 * where a trial's cash can bind, a risk row only where its credit can pass the limit; after each
 * solve every left-out row is checked and the violated ones are added. A programme with fewer rows
 * is a relaxation, so the first solution that satisfies them all is optimal for the whole programme
 * (a MIP: within its gap). The start comes from the same method on a stratified subsample of trials.
 */
import type { LinearProgram, SolveResult, Solver } from '../solver/types';
import { quantileSorted } from '../stats/quantile-sorted';
import { perPeriod } from './build-cash-lp';
import { chanceStart } from './chance-start';
import { CashErrors } from './errors';
import { figureInStyle, formatNumber, type NumberStyle } from '../format/format-number';
import { decimalPlaces } from '../format/shared-decimals';
import { DEFAULT_MIP_GAP } from './mip-gap';
import { placementWindow } from './placement-columns';
import { breachFrequency, cvar } from './risk-measures';
import { balanceName, buildScenarioLp, chanceBigM } from './scenario-lp';
import type { TrialPath } from './scenario-recourse';
import { creditLimits, recoursePaths, trialBase } from './scenario-recourse';
import type { RiskSpec, ScenarioOptions, ScenarioPlan, ScenarioResult } from './scenario-types';
import type { SchedulePeriod } from './types';
import { validateScenarioPlan } from './validate-scenario-plan';

/** Trials up to this many are solved with every row at once. */
const FULL_BELOW = 64;

/**
 * The margin of the row prediction, in units of the trials' spread of base cash. Every row written
 * costs simplex time, and a row missed costs a whole second solve (glpk.js cannot warm-start). On the
 * 52×8 bench plan with 200 trials (chance MIP), seeds 19–22: 0.07 never missed a row; 0.05 (seed 19)
 * and 0.04 (seed 22) did; 0.25 wrote 10,878 rows against 0.07's 7,668 and took 1.5× the time.
 */
const ROW_MARGIN = 0.07;

/**
 * The margin under the chance start (chance-start.ts), which places at least as much as the optimum
 * almost everywhere: 0.02 wrote 20–25% fewer rows than 0.07 and missed none on the four bench plans
 * and four more of the generator's (docs/cash.md); 0.01 missed none either, with 6–10% fewer again.
 */
const CHANCE_ROW_MARGIN = 0.02;

interface Rounds {
  active: Set<number>[];
  risky: Set<number>[];
}

/** Cumulative net placement outflow Y[t] (index t = period t + 1) read from a solution. */
function investedPath(values: Record<string, number>, T: number): Float64Array {
  const y = new Float64Array(T);
  for (let t = 1; t <= T; t++) y[t - 1] = values[`Y${t}`] ?? 0;
  return y;
}

/** A stratified subsample: trials at evenly spaced ranks of their lowest cash headroom. */
function subsample(base: Float64Array[], minCash: number[], limits: number[], size: number): number[] {
  const tightness = base.map((a, s) => {
    let worst = Infinity;
    a.forEach((v, t) => (worst = Math.min(worst, v - minCash[t] + limits[t])));
    return { s, worst };
  });
  tightness.sort((p, q) => p.worst - q.worst || p.s - q.s);
  const picked = new Set<number>();
  for (let i = 0; i < size; i++) picked.add(tightness[Math.floor((i * (base.length - 1)) / (size - 1))].s);
  return [...picked].sort((a, b) => a - b);
}

/**
 * Rows where the least-cost recourse at the start draws credit or comes within `margin` of the
 * minimum, and in every period the rows of the ⌊αS⌋ + 1 trials with the least cash there (every
 * placement then meets a row, so the relaxation is bounded).
 */
function startingRows(
  paths: TrialPath[],
  minCash: number[],
  limits: number[],
  margin: ArrayLike<number>,
  tightest: number,
): Rounds {
  const active: Set<number>[] = [];
  const risky: Set<number>[] = [];
  const T = minCash.length;
  for (let t = 0; t < T; t++) {
    const order = paths
      .map((p, s) => ({ s, cash: p.closingCash[t] - p.debt[t] }))
      .sort((a, b) => a.cash - b.cash || a.s - b.s);
    for (let i = 0; i < Math.min(tightest, order.length); i++) (active[order[i].s] ??= new Set()).add(t + 1);
  }
  for (const [s, p] of paths.entries()) {
    const a = active[s] ?? new Set<number>(),
      r = new Set<number>();
    p.closingCash.forEach((c, t) => {
      if (p.debt[t] > 0 || c - minCash[t] < margin[t]) a.add(t + 1);
      if (p.debt[t] > limits[t] - margin[t]) r.add(t + 1);
    });
    active[s] = a;
    risky[s] = r;
  }
  return { active, risky };
}

/** Adds the left-out rows the solution breaks; returns how many. */
function addViolated(
  plan: ScenarioPlan,
  risk: RiskSpec,
  base: Float64Array[],
  minCash: number[],
  limits: number[],
  rounds: Rounds,
  values: Record<string, number>,
  tolerance: number,
): number {
  const T = minCash.length;
  const rp = (plan.creditLine?.rate ?? 0) - (plan.creditLine?.fee ?? 0);
  const y = investedPath(values, T);
  let added = 0;
  base.forEach((a, s) => {
    let carried = 0;
    const slackRisk =
      risk.measure === 'cvar'
        ? (values.eta ?? 0) + (values[`w${s}`] ?? 0)
        : (values[`z${s}`] ?? 0) > 0.5
          ? Infinity
          : risk.limit;
    for (let t = 1; t <= T; t++) {
      const b = values[balanceName(s, t)] ?? 0;
      const cash = a[t - 1] - y[t - 1] + b - rp * carried;
      carried += b;
      if (!rounds.active[s].has(t) && cash < minCash[t - 1] - tolerance) {
        rounds.active[s].add(t);
        added++;
      }
      if (!rounds.risky[s].has(t) && b - limits[t - 1] > slackRisk + tolerance) {
        rounds.risky[s].add(t);
        rounds.active[s].add(t);
        added++;
      }
    }
  });
  return added;
}

async function solveRounds(
  plan: ScenarioPlan,
  risk: RiskSpec,
  solver: Solver,
  options: ScenarioOptions,
  rounds: Rounds,
): Promise<{ solved: SolveResult; program: LinearProgram; solves: number }> {
  const S = plan.trials.length;
  const T = plan.trials[0].length;
  const base = trialBase(plan);
  const limits = creditLimits(plan, T);
  const minCash = perPeriod(plan.minCash, T);
  const bigM = risk.measure === 'chance' ? chanceBigM(plan, risk, base, limits) : undefined;
  const allBalances = (plan.creditLine?.rate ?? 0) < (plan.creditLine?.fee ?? 0);
  let scale = Math.abs(plan.openingCash);
  for (const a of base) for (const v of a) scale = Math.max(scale, Math.abs(v));
  const tolerance = 1e-7 * Math.max(1, scale);
  for (let solves = 1; ; solves++) {
    const program = buildScenarioLp({
      plan,
      risk,
      base,
      limits,
      active: rounds.active,
      risky: rounds.risky,
      bigM,
      integerLots: options.integerLots,
      allBalances,
    });
    if (options.signal?.aborted) throw CashErrors.cancelled();
    const solved = await solver.solve(program, {
      timeLimitSeconds: options.timeLimitSeconds,
      mipGap: options.mipGap ?? DEFAULT_MIP_GAP,
    });
    options.onSolve?.(solves);
    if (solved.status !== 'optimal' && solved.status !== 'time_limit') return { solved, program, solves };
    if (S > 0 && addViolated(plan, risk, base, minCash, limits, rounds, solved.values, tolerance) === 0)
      return { solved, program, solves };
    if (solves >= 60) throw CashErrors.noSolution('row generation did not settle in 60 solves');
  }
}

/** The schedule a user reads: placements, and the trials' mean credit and cash. */
function expectedSchedule(plan: ScenarioPlan, values: Record<string, number>, paths: TrialPath[]): SchedulePeriod[] {
  const T = plan.trials[0].length;
  const S = paths.length;
  const growth = plan.instruments.map((ins) => Math.pow(1 + ins.rate, ins.term));
  const windows = plan.instruments.map((ins) => placementWindow(ins, T));
  const placed = (k: number, t: number): number =>
    t >= windows[k].first && t <= windows[k].last ? Math.max(0, values[`x${k}_${t}`] ?? 0) : 0;
  const mean = (f: (p: TrialPath) => number): number => paths.reduce((sum, p) => sum + f(p), 0) / S;
  return Array.from({ length: T }, (_, i) => {
    const t = i + 1;
    const invest: Record<string, number> = {};
    const mature: Record<string, number> = {};
    let interestEarned = 0;
    plan.instruments.forEach((ins, k) => {
      invest[ins.name] = placed(k, t);
      const principal = t - ins.term >= 1 ? placed(k, t - ins.term) : 0;
      mature[ins.name] = principal * growth[k];
      interestEarned += principal * (growth[k] - 1);
    });
    return {
      period: t,
      invest,
      mature,
      draw: mean((p) => Math.max(0, p.debt[i] - (i > 0 ? p.debt[i - 1] : 0))),
      repay: mean((p) => Math.max(0, (i > 0 ? p.debt[i - 1] : 0) - p.debt[i])),
      debt: mean((p) => p.debt[i]),
      interestEarned,
      interestPaid: mean((p) => p.interestPaid[i]),
      closingCash: mean((p) => p.closingCash[i]),
    };
  });
}

/** A figure with two decimals and no grouping, as `toFixed(2)` wrote it, in the reader's style. */
const fixed = (v: number, style: NumberStyle): string =>
  formatNumber(v, 'number', style, { decimals: 2, grouping: false });

/**
 * A share as a percentage with the digits it was given, in the reader's style: 0.05 is "5%" (German
 * "5 %"), 0.025 "2.5%", 0.07 "7%" (`100 * 0.07` wrote "7.000000000000001%").
 */
function percentAsTyped(share: number, style: NumberStyle): string {
  return formatNumber(share, 'percent', style, { decimals: Math.min(20, decimalPlaces(100 * share)) });
}

/** Why no plan meets the risk limit, told from the plan without placements. */
function unreachable(plan: ScenarioPlan, risk: RiskSpec, style: NumberStyle = {}): Error {
  const paths = recoursePaths(plan, new Float64Array(plan.trials[0].length));
  const losses = paths.map((p) => p.loss);
  let worst = 0;
  losses.forEach((l, s) => (worst = l > losses[worst] ? s : worst));
  const period = paths[worst].shortfall.findIndex((v) => v > 0) + 1;
  // The limit as it was given ("100", German "1500,5"): the en-US text the CLI and the functions print.
  const limit = figureInStyle(String(risk.limit), style);
  const reached =
    risk.measure === 'cvar'
      ? `the CVaR of the shortfall is ${fixed(cvar(losses, risk.alpha), style)}`
      : `${formatNumber(Number((100 * breachFrequency(losses, risk.limit)).toFixed(1)) / 100, 'percent', style, { decimals: 1 })} of trials fall short by more than ${limit}`;
  const wanted = risk.measure === 'cvar' ? limit : `${percentAsTyped(risk.alpha, style)} of trials`;
  return CashErrors.riskUnreachable(
    risk.measure,
    reached,
    wanted,
    worst + 1,
    Math.max(1, period),
    losses[worst],
    style,
  );
}

interface Level {
  /** The solution of this level and its placements' cumulative net outflow. */
  solved: SolveResult;
  invested: Float64Array;
}

/** The spread of the trials' base cash: its widest P5–P95 range over the periods (the one quantile definition). */
function baseSpread(base: Float64Array[]): number {
  let spread = 0;
  for (let t = 0; t < base[0].length; t++) {
    const col = Float64Array.from(base, (a) => a[t]).sort();
    spread = Math.max(spread, quantileSorted(col, 0.95) - quantileSorted(col, 0.05));
  }
  return spread;
}

/**
 * Solves a plan by levels: up to 64 trials with every row; above, a start plan predicts the rows:
 * those where a trial draws credit under it, or comes within a margin (ROW_MARGIN, CHANCE_ROW_MARGIN)
 * of the trials' spread of base cash of the minimum. Under a chance constraint the start is the LP of
 * chance-start.ts; under a CVaR limit, a stratified subsample of a quarter of the trials (at least 64,
 * itself solved by levels). Row generation then adds whatever the prediction missed.
 */
async function solveLevel(
  plan: ScenarioPlan,
  risk: RiskSpec,
  solver: Solver,
  options: ScenarioOptions,
): Promise<Level> {
  const S = plan.trials.length;
  const T = plan.trials[0].length;
  const minCash = perPeriod(plan.minCash, T);
  const limits = creditLimits(plan, T);
  let rounds: Rounds;
  if (S <= FULL_BELOW) {
    const all = (): Set<number>[] =>
      Array.from({ length: S }, () => new Set(Array.from({ length: T }, (_, t) => t + 1)));
    rounds = { active: all(), risky: all() };
  } else {
    const base = trialBase(plan);
    let started: Float64Array = new Float64Array(T); // no placements, unless the start finds a plan
    if (risk.measure === 'chance') {
      if (options.signal?.aborted) throw CashErrors.cancelled();
      started = await chanceStart({ plan, risk, base, limits, minCash }, solver);
      options.onSolve?.(1);
    } else {
      const picked = subsample(base, minCash, limits, Math.max(FULL_BELOW, Math.ceil(S / 4)));
      try {
        const below = await solveLevel({ ...plan, trials: picked.map((s) => plan.trials[s]) }, risk, solver, options);
        if (below.solved.status === 'optimal' || below.solved.status === 'time_limit') started = below.invested;
      } catch (error) {
        // the subsample is only a start; the full programme decides feasibility
        if (options.signal?.aborted) throw error;
      }
    }
    const margin = risk.measure === 'chance' ? CHANCE_ROW_MARGIN : ROW_MARGIN;
    const margins = new Float64Array(T).fill(margin * baseSpread(base));
    rounds = startingRows(recoursePaths(plan, started), minCash, limits, margins, Math.floor(risk.alpha * S) + 1);
  }
  const { solved } = await solveRounds(plan, risk, solver, options, rounds);
  return { solved, invested: investedPath(solved.values, T) };
}

/**
 * @throws FpaError CASH_INVALID_PLAN naming the trial or field at fault; CASH_RISK_UNREACHABLE when no
 *   plan meets the risk limit; CASH_NO_SOLUTION when the time limit passes before any plan is found;
 *   CASH_CANCELLED when `options.signal` is aborted (checked before every solve).
 * @example
 *   // One trial, limit 0: the deterministic plan (optimizeCash on that trial's flows) and its objective.
 */
export async function optimizeScenarios(
  plan: ScenarioPlan,
  solver: Solver,
  options: ScenarioOptions = {},
): Promise<ScenarioResult> {
  const risk = validateScenarioPlan(plan);
  const S = plan.trials.length;
  // The engine's one-time JIT compile belongs to its first use, not to the next solves (solver/warm-up.ts).
  await solver.warmUp?.();
  // Solves are counted over every level (the subsample's and the whole plan's).
  let solves = 0;
  const onSolve = options.onSolve;
  const counted = onSolve ? { ...options, onSolve: () => onSolve(++solves) } : options;
  const { solved, invested } = await solveLevel(plan, risk, solver, counted);
  if (solved.status === 'infeasible') throw unreachable(plan, risk, options.numbers);
  if (solved.status !== 'optimal' && solved.status !== 'time_limit') throw CashErrors.noSolution(solved.status);
  if (Object.keys(solved.values).length === 0) throw CashErrors.noSolution('time limit');
  const paths = recoursePaths(plan, invested);
  // Losses within rounding of zero (the solver's tolerance on balances at the limit) are none.
  let scale = Math.abs(plan.openingCash);
  for (const row of plan.trials) for (const f of row) scale = Math.max(scale, Math.abs(f));
  const losses = paths.map((p) => (p.loss > 1e-7 * scale ? p.loss : 0));
  const periods = expectedSchedule(plan, solved.values, paths);
  return {
    status: solved.status,
    objective: paths.reduce((sum, p) => sum + p.wealth, 0) / S,
    periods,
    trials: S,
    risk: {
      ...risk,
      achieved: risk.measure === 'cvar' ? cvar(losses, risk.alpha) : breachFrequency(losses, risk.limit),
    },
  };
}
