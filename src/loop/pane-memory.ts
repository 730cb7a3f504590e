/**
 * The memory of adjustments in the Proposals view: the same records, outcomes and citations as the
 * loop step (adjustment-memory.ts), computed from what the pane has, a scanned plan/actual table with
 * one annual budget per line, its flags and the stored KPIs.
 *
 * A line's year is its scanned periods. Its plan is its period plan scaled to its budget; its landing
 * (spend-landing.ts) is read after the last booked period, with the pass-through the memory has
 * learned for it (0.5 before any outcome). A budget change is spread over the remaining periods in
 * the shape of the plan, as the budget cell's new total.
 *
 * A line linked to several KPIs: the context's KPI state is their priority-weighted attainment, and
 * the KPI outcome is measured on the line's main KPI (mainKpiOfLine), the one series a record keeps.
 */
import type { BudgetLine } from '../model/budget-line';
import type { Flag } from '../model/flag';
import type { AdjustmentReason, AdjustmentRecord } from '../model/kpi';
import type { NumberStyle } from '../format/format-number';
import type { MoveFacts } from './adjustment-memory';
import { citeCases, learnedPassThrough, measureOutcome, recordAdjustment, similarCases } from './adjustment-memory';
import type { LinkedKpi } from './kpi-returns';
import { linksOfLine } from './kpi-returns';
import { kpiWithoutMove, targetOver, weightedAttainment } from './kpi-state';
import { DEFAULT_LOOP_SETTINGS } from './loop-types';
import type { Landing } from './spend-landing';
import { forecastLanding } from './spend-landing';

/** Periods after a move its outcome is measured (the loop step's default). */
export const PANE_OUTCOME_MONTHS = DEFAULT_LOOP_SETTINGS.outcomeMonths;

/** One line's budget change, as a proposal holds it (annual budgets). */
export interface PaneMove {
  line: string;
  before: number;
  after: number;
}

/** What the pane knows: the scanned lines, their flags and the KPIs with their links. */
export interface PaneScan {
  lines: ReadonlyArray<BudgetLine>;
  flags: ReadonlyArray<Flag>;
  kpis: ReadonlyArray<LinkedKpi>;
}

/** Index of the last period with an actual (−1 when none is booked). */
export function lastBooked(line: BudgetLine): number {
  for (let u = line.actual.length - 1; u >= 0; u--) {
    const v = line.actual[u];
    if (v !== null && Number.isFinite(v)) return u;
  }
  return -1;
}

/** The line's plan per period scaled to `budget` (an even spread when the plan is empty). */
export function scaledPlan(line: BudgetLine, budget: number): number[] {
  const plan = line.plan.map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : 0));
  const total = plan.reduce((s, v) => s + v, 0);
  return total > 0 ? plan.map((v) => (v * budget) / total) : plan.map(() => budget / Math.max(1, plan.length));
}

/**
 * Where the line's year lands with budget `budget` (spend-landing.ts), or null when no period is
 * booked yet or none is left.
 */
export function paneLanding(line: BudgetLine, budget: number, passThrough: number): Landing | null {
  const p = lastBooked(line);
  const n = line.plan.length;
  if (p < 0 || p >= n - 1 || !(budget > 0)) return null;
  const plan = scaledPlan(line, budget);
  return forecastLanding({
    reference: plan,
    plan,
    actual: line.actual.slice(0, p + 1),
    yearStart: 0,
    window: [p + 1, n - 1],
    passThrough,
  });
}

/** Every KPI linked to a line, in the order they are stored. */
export function kpisOfLine(kpis: ReadonlyArray<LinkedKpi>, line: string): LinkedKpi[] {
  return linksOfLine(kpis, line).map((found) => found.kpi);
}

/**
 * The KPI whose outcome the memory measures for a line (the record keeps one KPI series): the line's
 * KPI of highest priority, the first stored on a tie.
 */
export function mainKpiOfLine(kpis: ReadonlyArray<LinkedKpi>, line: string): LinkedKpi | undefined {
  return kpisOfLine(kpis, line).reduce<LinkedKpi | undefined>(
    (best, k) => (best === undefined || (k.priority ?? 1) > (best.priority ?? 1) ? k : best),
    undefined,
  );
}

/** Why a line moves: the kinds of its ongoing flags, most severe first, or its KPI. */
function reasonsOf(flags: ReadonlyArray<Flag>, line: string): AdjustmentReason[] {
  const kinds = flags
    .filter((f) => f.line === line && f.ongoing)
    .sort((a, b) => b.severity - a.severity)
    .map((f) => f.kind);
  return kinds.length ? [...new Set(kinds)] : ['kpi-response'];
}

/**
 * The facts the memory keeps of a move (context, and what the forecast expected without it over the
 * next `months` periods), or null when the line is not in the scan, has no landing, or does not move.
 */
export function paneMoveFacts(
  scan: PaneScan,
  memory: ReadonlyArray<AdjustmentRecord>,
  move: PaneMove,
  months: number = PANE_OUTCOME_MONTHS,
): MoveFacts | null {
  const line = scan.lines.find((l) => l.id === move.line);
  const delta = move.after - move.before;
  if (!line || !(Math.abs(delta) > 0.005)) return null;
  const w = learnedPassThrough(memory, line.id, DEFAULT_LOOP_SETTINGS.passThrough);
  const landing = paneLanding(line, move.before, w);
  if (!landing || !(landing.planLeft > 0)) return null;
  const p = lastBooked(line);
  const current = scaledPlan(line, move.before).slice(p + 1);
  const m = Math.min(months, current.length);
  let spendWithout = 0;
  let planAdded = 0;
  for (let j = 0; j < m; j++) {
    spendWithout += w * current[j] + (1 - w) * landing.need[j];
    planAdded += (delta * current[j]) / landing.planLeft;
  }
  const kpi = mainKpiOfLine(scan.kpis, line.id);
  return {
    line: line.id,
    costCentre: line.costCentre,
    kpi: kpi?.id ?? null,
    before: landing.planLeft,
    after: landing.planLeft + delta,
    context: {
      kinds: reasonsOf(scan.flags, line.id),
      direction: delta > 0 ? 'raise' : 'cut',
      gapShare: landing.gap / Math.max(landing.yearPlan, 1e-9),
      moveShare: delta / landing.planLeft,
      kpiAttainment: weightedAttainment(kpisOfLine(scan.kpis, line.id), p),
      period: p,
      monthsLeft: current.length,
    },
    expected: {
      spendWithout,
      planAdded,
      kpiWithout: kpi ? kpiWithoutMove(kpi, p, m) : null,
      kpiTarget: kpi ? targetOver(kpi, p + 1, m) : null,
      gap: landing.gap,
    },
  };
}

/** The records an applied proposal adds to the memory (one per line it moves). */
export function recordPaneMoves(
  proposal: string,
  moves: ReadonlyArray<PaneMove>,
  scan: PaneScan,
  memory: ReadonlyArray<AdjustmentRecord>,
  months: number = PANE_OUTCOME_MONTHS,
): AdjustmentRecord[] {
  const out: AdjustmentRecord[] = [];
  for (const move of moves) {
    const facts = paneMoveFacts(scan, memory, move, months);
    if (facts) out.push({ ...recordAdjustment(facts, memory.length + out.length), proposal });
  }
  return out;
}

/**
 * The records whose outcome can now be measured, measured (measureOutcome): `months` periods have
 * been booked since the move. The gap now is the line's landing under its current budget (after the
 * year's last period, its final actual − budget).
 * @param budgets current budget per line (same order as `scan.lines`)
 */
export function measurePaneMemory(
  memory: ReadonlyArray<AdjustmentRecord>,
  scan: PaneScan,
  budgets: ReadonlyArray<number>,
  months: number = PANE_OUTCOME_MONTHS,
): AdjustmentRecord[] {
  const out: AdjustmentRecord[] = [];
  for (const record of memory) {
    const i = scan.lines.findIndex((l) => l.id === record.line);
    if (record.outcome || i < 0) continue;
    const line = scan.lines[i];
    const landing = paneLanding(
      line,
      budgets[i],
      learnedPassThrough(memory, line.id, DEFAULT_LOOP_SETTINGS.passThrough),
    );
    const spent = line.actual.reduce<number>((s, v) => s + (v !== null && Number.isFinite(v) ? v : 0), 0);
    const kpi = scan.kpis.find((k) => k.id === record.kpi);
    const measured = measureOutcome(
      record,
      { actual: line.actual, kpiActual: kpi?.actual ?? null, gap: landing ? landing.gap : spent - budgets[i] },
      lastBooked(line),
      months,
    );
    if (measured !== record) out.push(measured);
  }
  return out;
}

/** What a proposed move's similar past cases achieved, for the line. */
export interface PaneCitation {
  line: string;
  /** "3 similar moves closed 70% of the gap within 2 months", or "" when none is measured. */
  citation: string;
  /** Ids of the records cited. */
  cases: string[];
}

/**
 * The citation of each move that changes a line (nearest measured past moves: similarCases), its
 * numbers in `style` (the pane's locale and minus sign; citeCases).
 */
export function citePaneMoves(
  moves: ReadonlyArray<PaneMove>,
  scan: PaneScan,
  memory: ReadonlyArray<AdjustmentRecord>,
  months: number = PANE_OUTCOME_MONTHS,
  style: NumberStyle = {},
): PaneCitation[] {
  return moves.flatMap((move) => {
    const facts = paneMoveFacts(scan, memory, move, months);
    if (!facts) return [];
    const cases = similarCases(memory, facts.context);
    return [{ line: move.line, citation: citeCases(cases, months, style), cases: cases.map((c) => c.id) }];
  });
}
