/**
 * The loop step's contract: the state of the budget (lines with approved plan, plan in force and
 * actuals; KPIs with targets and actuals) in, the new plan for the months that may still change and
 * the loop's memory out. The same shape is the `openfpa loop-step` protocol (JSON on standard input
 * and output) of ../shared/bench/loop/run.mjs, with optional fields the benchmark does not send.
 */
import type { AdjustmentRecord, EnteredKpiResponse } from '../model/kpi';

/** A line's link to a further KPI its spend moves (KpiLink without the line). */
export interface LoopKpiLink {
  kpi: string;
  /** Periods from spend to its effect on the KPI. @default 0 */
  lag?: number;
  /** A response entered by hand instead of the estimate. */
  response?: EnteredKpiResponse;
}

export interface LoopLine {
  id: string;
  costCentre: string;
  /** The KPI the line's spend moves (KpiLink.kpi), or null: its main KPI, whose outcome the memory measures. */
  kpi: string | null;
  /**
   * Further KPIs the line's spend moves (the pane's links to several KPIs; the benchmark sends none):
   * the line's value is then the priority-weighted attainment over `kpi` and these. @default []
   */
  otherKpis?: LoopKpiLink[];
  /** The approved plan per month, from month 0 through the window's end. */
  annualPlan: number[];
  /** The plan in force per month, through the window's end. */
  plan: number[];
  /** Actuals per month booked so far. */
  actual: (number | null)[];
  /** Periods from spend to KPI (KpiLink.lag). @default 0 */
  lag?: number;
  /** A response entered by hand instead of the estimate (KpiLink.response). */
  response?: EnteredKpiResponse;
}

export interface LoopKpi {
  id: string;
  costCentre: string;
  /** Target per month, through the window's end. */
  target: (number | null)[];
  actual: (number | null)[];
  /** @default "higher" */
  direction?: 'higher' | 'lower';
  /** @default 1 */
  priority?: number;
}

export interface LoopSettings {
  /** Share of the predictability won by re-forecasting that may be spent on KPIs (balance.ts). @default 0.5 */
  balance: number;
  /** Share of a budget change assumed to turn into spending before the memory has measured it. @default 0.5 */
  passThrough: number;
  /** A signal is severe beyond this many sd of the year-end landing (the 90% band). @default 1.645 */
  severeZ: number;
  /** … and persistent after this many consecutive month-ends. @default 2 */
  persistence: number;
  /** In a re-budget, lines move when their own change is beyond this many sd (the same 90% band). @default 1.645 */
  moveZ: number;
  /** Months after a move its outcome is measured. @default 2 */
  outcomeMonths: number;
  /**
   * Do no harm: standard errors of the response estimate by which a move away from the approved plan
   * must be shown to buy KPI attainment (balance.ts, line-objective.ts); 0 counts the estimate as it is.
   * 1.645 suits a budget whose KPIs are estimated from few lines (docs/loop.md). @default 0
   */
  kpiConfidence: number;
}

export const DEFAULT_LOOP_SETTINGS: Readonly<LoopSettings> = Object.freeze({
  balance: 0.5,
  passThrough: 0.5,
  severeZ: 1.645,
  persistence: 2,
  moveZ: 1.645,
  outcomeMonths: 2,
  kpiConfidence: 0,
});

/** What the loop remembers from one step to the next (plain JSON). */
export interface LoopState {
  version: 1;
  /** The exchange rate set at the last re-budget (balance.ts). */
  lambda: number | null;
  /** Per line: direction (+1 raise, −1 cut) and count of consecutive severe month-ends. */
  signals: Record<string, [number, number]>;
  /** Applied moves with their context and, once measured, their outcome. */
  memory: AdjustmentRecord[];
}

export interface LoopStepInput {
  /** Last month with actuals (−1 before the first). */
  month: number;
  monthsPerYear: number;
  /** First and last month whose plan may change. */
  window: [number, number];
  limits: { minShare: number; maxShare: number };
  lines: LoopLine[];
  kpis: LoopKpi[];
  state: LoopState | null;
  settings?: Partial<LoopSettings>;
}
