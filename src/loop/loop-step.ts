/**
 * One step of the budget loop, as `openfpa loop-step` and the Proposals view run it:
 *
 *   actuals → each line's year-end landing and KPI response → signals (severe and persistent) →
 *   pool and requests → KPI-aware reallocation → new plan → moves remembered, outcomes measured.
 *
 * When the window opens a new year the year's plan is set (a planning point); within the year the
 * plan changes only on a persistent signal (signals.ts). Either way the exchange rate between KPI
 * attainment and predictability is set anew (balance.ts), the best plans are found with every line
 * free, and only lines whose change is beyond `moveZ` sd of their landing move; the others keep their
 * plan and the moved lines are re-balanced among themselves. Totals are conserved exactly.
 */
import type { Solver } from '../solver/types';
import type { AdjustmentRecord } from '../model/kpi';
import { learnedPassThrough, measureOutcome } from './adjustment-memory';
import { applyMoves } from './apply-moves';
import type { LoopMove } from './apply-moves';
import { balanceKpiAndVariance, keepsAttainment } from './balance';
import { allocateFor, expectedVariance } from './loop-allocation';
import { lineContexts } from './loop-contexts';
import type { LineContext } from './line-objective';
import { elasticReserve, signalSizes, updateSignals } from './signals';
import type { LineSignal } from './signals';
import { validateLoopInput } from './validate-loop-input';
import type { LoopSettings, LoopState, LoopStepInput } from './loop-types';

export interface LoopReport {
  month: number;
  event: 'none' | 'planning' | 're-budget';
  signals: LineSignal[];
  /** Budget released by cuts and asked for by raises in this step's moves. */
  pool: { released: number; requested: number };
  /** The elastic reserve (signals.ts). */
  reserve: number;
  lambda: number | null;
  moves: LoopMove[];
  /** Expected year-end variance points of the plan after the step. */
  expectedVariance: number;
}

export interface LoopStepResult {
  /** New plan per moved line, one value per window month. */
  plan: Record<string, number[]>;
  state: LoopState;
  report: LoopReport;
}

const MEMORY_LIMIT = 2000;

export function emptyLoopState(): LoopState {
  return { version: 1, lambda: null, signals: {}, memory: [] };
}

/** The final gap (actual − plan) of the fiscal year holding `period`, or the projection while it runs. */
function gapNow(input: LoopStepInput, line: number, context: LineContext, period: number): number {
  const months = input.monthsPerYear;
  const start = Math.floor((period + 1) / months) * months;
  if (start === Math.floor(input.window[0] / months) * months) return context.landing.gap;
  const l = input.lines[line];
  let gap = 0;
  for (let u = start; u < start + months && u <= input.month; u++) gap += (l.actual[u] ?? l.plan[u]) - l.plan[u];
  return gap;
}

function measure(
  input: LoopStepInput,
  contexts: ReadonlyArray<LineContext>,
  memory: AdjustmentRecord[],
  months: number,
) {
  const index = new Map(input.lines.map((l, i) => [l.id, i]));
  return memory.map((r) => {
    const i = index.get(r.line);
    if (i === undefined || r.outcome) return r;
    const kpi = input.kpis.find((k) => k.id === r.kpi);
    return measureOutcome(
      r,
      {
        actual: input.lines[i].actual,
        kpiActual: kpi?.actual ?? null,
        gap: gapNow(input, i, contexts[i], r.context.period),
      },
      input.month,
      months,
    );
  });
}

async function rebudget(solver: Solver, input: LoopStepInput, contexts: LineContext[], settings: LoopSettings) {
  const [a, b] = input.window;
  const reference = input.lines.map((l) => l.annualPlan.slice(a, b + 1).reduce((s, v) => s + v, 0));
  const balanced = await balanceKpiAndVariance(solver, contexts, reference, settings.balance);
  const keep = { lambda: balanced.lambda, proposed: contexts.map((c) => c.landing.planLeft), moved: new Set<string>() };
  const best = balanced.allocation.lines.map((l) => l.proposed);
  // Do no harm (kpiConfidence > 0): plans not expected to buy the approved plan's KPI attainment, before
  // or after the lines that do not move are locked, are not made.
  const harms = (plans: number[]) => settings.kpiConfidence > 0 && !keepsAttainment(contexts, plans, reference);
  if (harms(best)) return keep;
  const z = signalSizes(contexts, best);
  const moved = new Set(contexts.filter((_, i) => Math.abs(z[i]) > settings.moveZ).map((c) => c.id));
  if (moved.size < 2) return keep;
  const locked = new Set(contexts.filter((c) => !moved.has(c.id)).map((c) => c.id));
  const proposed = (await allocateFor(solver, contexts, balanced.lambda, locked)).lines.map((l) => l.proposed);
  if (harms(proposed)) return keep;
  return { lambda: balanced.lambda, proposed, moved };
}

/**
 * Runs one loop step (see the top of this file).
 * @throws LOOP_BAD_INPUT naming the field; ALLOCATION_* when the limits cannot hold the total
 */
export async function loopStep(solver: Solver, input: LoopStepInput): Promise<LoopStepResult> {
  const settings = validateLoopInput(input);
  const state: LoopState = input.state && input.state.version === 1 ? input.state : emptyLoopState();
  const [a] = input.window;
  const report: LoopReport = {
    month: input.month,
    event: 'none',
    signals: [],
    pool: { released: 0, requested: 0 },
    reserve: 0,
    lambda: state.lambda,
    moves: [],
    expectedVariance: 0,
  };
  if (input.month < 0) return { plan: {}, state, report };
  const contexts = lineContexts(input, (id) => learnedPassThrough(state.memory, id, settings.passThrough)).map((c) => ({
    ...c,
    confidence: settings.kpiConfidence,
  }));
  let memory = measure(input, contexts, state.memory, settings.outcomeMonths);
  report.reserve = elasticReserve(contexts, settings.severeZ);
  const planning = a % input.monthsPerYear === 0;
  let lambda = state.lambda;
  let counts = state.signals;
  let fire = planning;
  if (!planning) {
    if (lambda === null)
      lambda = (
        await balanceKpiAndVariance(
          solver,
          contexts,
          contexts.map((c) => c.landing.planLeft),
          settings.balance,
        )
      ).lambda;
    const best = (await allocateFor(solver, contexts, lambda)).lines.map((l) => l.proposed);
    const update = updateSignals(contexts, best, state.signals, settings.severeZ, settings.persistence);
    report.signals = update.signals;
    counts = update.counts;
    fire = update.signals.some((s) => s.persistent);
  }
  let plan: Record<string, number[]> = {};
  let proposed = contexts.map((c) => c.landing.planLeft);
  if (fire) {
    const decision = await rebudget(solver, input, contexts, settings);
    lambda = decision.lambda;
    proposed = decision.proposed;
    const applied = applyMoves(input, contexts, decision.proposed, decision.moved, memory, settings.outcomeMonths);
    plan = applied.plan;
    memory = [...memory, ...applied.records].slice(-MEMORY_LIMIT);
    report.event = planning ? 'planning' : 're-budget';
    report.moves = applied.moves;
    for (const m of applied.moves) {
      if (m.after < m.before) report.pool.released += m.before - m.after;
      else report.pool.requested += m.after - m.before;
      delete counts[m.line];
    }
  }
  report.lambda = lambda;
  report.expectedVariance = expectedVariance(contexts, proposed);
  return { plan, state: { version: 1, lambda, signals: counts, memory }, report };
}
