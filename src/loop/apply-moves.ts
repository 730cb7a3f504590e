/**
 * Turning the lines a re-budget moves into the new monthly plans, the memory's records of the moves
 * and the proposal's lines with the past cases they cite.
 */
import type { AdjustmentRecord } from '../model/kpi';
import { citeCases, recordAdjustment, similarCases } from './adjustment-memory';
import { phasePlan } from './phase-plan';
import { kpiWithoutMove, targetOver, weightedAttainment } from './kpi-state';
import { loopLinks } from './loop-contexts';
import { moveReason } from './signals';
import type { LineContext } from './line-objective';
import type { LoopStepInput } from './loop-types';

/** One line of a proposal made by the loop. */
export interface LoopMove {
  line: string;
  costCentre: string;
  /** Remaining-year plan before and after. */
  before: number;
  after: number;
  reason: AdjustmentRecord['context']['kinds'][number];
  /** What similar past moves achieved ("3 similar moves closed 70% of the gap within 2 months"), or "". */
  citation: string;
  /** The past moves cited. */
  cases: string[];
}

/**
 * Totals of the remaining plans within each line's limits that add up exactly to `total`: the
 * solver's totals are clamped to the limits (an LP answer may stray past a bound by its tolerance,
 * which the months could not then hold), and the residue goes to the lines with the most room in its
 * direction, largest room first.
 */
function exactTotals(contexts: ReadonlyArray<LineContext>, proposed: number[], total: number): number[] {
  const out = proposed.map((p, i) => Math.min(contexts[i].upper, Math.max(contexts[i].lower, p)));
  let residue = total - out.reduce((s, v) => s + v, 0);
  if (residue === 0) return out;
  const room = (i: number) => (residue > 0 ? contexts[i].upper - out[i] : out[i] - contexts[i].lower);
  const order = out.map((_, i) => i).sort((x, y) => room(y) - room(x));
  for (const i of order) {
    const take = Math.min(room(i), Math.abs(residue));
    if (!(take > 0)) break;
    const step = residue > 0 ? take : -take;
    out[i] += step;
    residue -= step;
    if (residue === 0) break;
  }
  return out;
}

/**
 * New window plans for the lines in `moved`, the records of those moves, and the proposal lines.
 * @param proposed remaining-plan totals of every line (in the order of `contexts`)
 */
export function applyMoves(
  input: LoopStepInput,
  contexts: ReadonlyArray<LineContext>,
  proposed: ReadonlyArray<number>,
  moved: ReadonlySet<string>,
  memory: ReadonlyArray<AdjustmentRecord>,
  outcomeMonths: number,
): { plan: Record<string, number[]>; records: AdjustmentRecord[]; moves: LoopMove[] } {
  const [a, b] = input.window;
  const total = contexts.reduce((s, c) => s + c.landing.planLeft, 0);
  const totals = exactTotals(
    contexts,
    contexts.map((c, i) => (moved.has(c.id) ? proposed[i] : c.landing.planLeft)),
    total,
  );
  const plan: Record<string, number[]> = {};
  const records: AdjustmentRecord[] = [];
  const moves: LoopMove[] = [];
  contexts.forEach((c, i) => {
    const line = input.lines[i];
    if (!moved.has(c.id) && totals[i] === c.landing.planLeft) return;
    const current = line.plan.slice(a, b + 1);
    const limits = current.map((_, j) => ({
      lower: input.limits.minShare * line.annualPlan[a + j],
      upper: input.limits.maxShare * line.annualPlan[a + j],
    }));
    const next = phasePlan(current, totals[i], limits);
    plan[c.id] = next;
    if (!moved.has(c.id)) return;
    const direction = totals[i] >= c.landing.planLeft ? 1 : -1;
    const reason = moveReason(c, direction);
    const months = Math.min(outcomeMonths, b - a + 1);
    let spendWithout = 0;
    let planAdded = 0;
    for (let j = 0; j < months; j++) {
      spendWithout += c.passThrough * current[j] + (1 - c.passThrough) * c.landing.need[j];
      planAdded += next[j] - current[j];
    }
    const kpi = input.kpis.find((k) => k.id === line.kpi);
    const context = {
      kinds: [reason],
      direction: direction > 0 ? ('raise' as const) : ('cut' as const),
      gapShare: c.landing.gap / Math.max(c.landing.yearPlan, 1e-9),
      moveShare: (totals[i] - c.landing.planLeft) / Math.max(c.landing.planLeft, 1e-9),
      kpiAttainment: weightedAttainment(
        loopLinks(line).flatMap((l) => input.kpis.filter((k) => k.id === l.kpi)),
        input.month,
      ),
      period: input.month,
      monthsLeft: b - a + 1,
    };
    const cases = similarCases(memory, context);
    records.push(
      recordAdjustment(
        {
          line: c.id,
          costCentre: c.costCentre,
          kpi: line.kpi,
          before: c.landing.planLeft,
          after: totals[i],
          context,
          expected: {
            spendWithout,
            planAdded,
            kpiWithout: kpi ? kpiWithoutMove(kpi, input.month, months) : null,
            kpiTarget: kpi ? targetOver(kpi, a, months) : null,
            gap: c.landing.gap,
          },
        },
        memory.length + records.length,
      ),
    );
    moves.push({
      line: c.id,
      costCentre: c.costCentre,
      before: c.landing.planLeft,
      after: totals[i],
      reason,
      citation: citeCases(cases, outcomeMonths),
      cases: cases.map((r) => r.id),
    });
  });
  return { plan, records, moves };
}
