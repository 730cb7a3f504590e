/**
 * KPIs, what links budget lines to them, and the memory the loop keeps of its adjustments and
 * forecasts: one definition for the core, the pane, the store and (with the team issue) the server.
 */
import type { FlagKind } from './flag';

/** Which way is good: revenue "higher", cost per lead "lower". */
export type KpiDirection = 'higher' | 'lower';

/** A KPI: a named measure a cost centre owns, with a target and an actual per period. */
export interface Kpi {
  id: string;
  name: string;
  /** The cost centre that owns it. */
  ownerCostCentre: string;
  /** Unit shown with its values, e.g. "EUR", "leads", "%". */
  unit: string;
  direction: KpiDirection;
  /** Target per period (null = none for that period). */
  target: ReadonlyArray<number | null>;
  /** Actual per period (null = not yet known). */
  actual: ReadonlyArray<number | null>;
  /** Weight of the KPI in the allocation objective. @default 1 */
  priority?: number;
}

/** How much a KPI moves per unit of a line's spend, when entered by hand instead of estimated. */
export interface EnteredKpiResponse {
  /** KPI units per unit of spend (at zero spend when `saturation` is given). */
  perUnit: number;
  /** Standard error of perUnit. @default 0 */
  sd?: number;
  /** Spend over which the response falls by a factor e; absent = constant returns. */
  saturation?: number;
}

/** A budget line's link to the KPI its spend moves. */
export interface KpiLink {
  /** BudgetLine.id */
  line: string;
  /** Kpi.id */
  kpi: string;
  /** Periods from spend to its effect on the KPI. @default 0 */
  lag?: number;
  /** Entered by hand; absent = estimated from history (FPA.KPI.RESPONSE's estimate). */
  response?: EnteredKpiResponse;
}

/**
 * A KPI definition as the team server keeps it: owned by one cost centre, its name unique there, with
 * the budget lines whose spend moves it (a link's `kpi` is the KPI itself, so it is not repeated).
 */
export interface KpiDefinition extends Omit<Kpi, 'id' | 'priority'> {
  /** Weight in the allocation objective (above 0). */
  priority: number;
  links: Array<Omit<KpiLink, 'kpi'>>;
}

/**
 * A stored team KPI: the definition with the server's id, its version (for If-Match) and who changed
 * it. A deleted KPI is archived, not erased: it keeps its series and links, leaves the cost centre's
 * list (the allocation no longer aims at it), takes no more changes, and frees its name.
 */
export interface TeamKpi extends KpiDefinition {
  id: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** When and by whom it was deleted (archived); null while it is live. */
  archivedAt: string | null;
  archivedBy: string | null;
}

/**
 * Why a line's plan was moved: a flag kind of the anomaly engine (a projected overrun is a run-rate
 * request, a projected underrun an opportunity released), or the KPI the line's spend moves.
 */
export type AdjustmentReason = FlagKind | 'kpi-response';

/** Why and in which circumstances an adjustment was made: what the memory compares. */
export interface AdjustmentContext {
  kinds: AdjustmentReason[];
  /** raise or cut the line's remaining plan. */
  direction: 'raise' | 'cut';
  /** Projected year-end gap (actual − plan) under the old plan, as a share of the line's year plan. */
  gapShare: number;
  /** The move as a share of the line's remaining plan (signed). */
  moveShare: number;
  /** Mean attainment of the line's KPI over the last three periods, when it has one. */
  kpiAttainment: number | null;
  /** Period index of the move (the last period with actuals). */
  period: number;
  /** Months left in the year after the move. */
  monthsLeft: number;
}

/** What an adjustment achieved, measured some periods later against the forecast without it. */
export interface AdjustmentOutcome {
  /** Period index when it was measured. */
  measuredAt: number;
  /** Share of the projected year-end gap closed (1 = all; negative = it widened); null when there was no gap to close. */
  gapClosed: number | null;
  /** Extra spend over the months measured ÷ the extra plan: how much of the move was spent. */
  passThrough: number | null;
  /** KPI over the months measured minus its forecast without the move, as a share of target. */
  kpiLift: number | null;
}

/** One applied adjustment in the loop's memory. */
export interface AdjustmentRecord {
  id: string;
  line: string;
  costCentre: string;
  kpi: string | null;
  /** Remaining-year plan before and after. */
  before: number;
  after: number;
  context: AdjustmentContext;
  /** What the forecast said, at the move, for the months the outcome will be measured over. */
  expected: {
    /** Spend under the old plan. */
    spendWithout: number;
    /** Plan added (Σ new − old) over those months. */
    planAdded: number;
    /** KPI under the old plan (null without a KPI estimate). */
    kpiWithout: number | null;
    /** Σ of the KPI's target over those months (null without one). */
    kpiTarget: number | null;
    /** The projected year-end gap under the old plan. */
    gap: number;
  };
  outcome?: AdjustmentOutcome;
  /** The proposal that made it, when it went through the pane. */
  proposal?: string;
}

/**
 * A remembered adjustment as the team server keeps it: who recorded it and, once measured, who
 * measured it. A move whose proposal was reverted is forgotten (it did not happen, so it has no
 * outcome to learn from): the record stays as a tombstone, so every pane drops its copy at sync
 * instead of sending it back.
 */
export interface TeamAdjustment extends AdjustmentRecord {
  recordedBy: string;
  recordedAt: string;
  measuredBy: string | null;
  /** When, by whom and why it was forgotten; null while it is remembered. */
  forgottenAt: string | null;
  forgottenBy: string | null;
  forgottenReason: string | null;
}

/** A forecast kept so its errors can be scored as actuals arrive (the track record). */
export interface ForecastRecord {
  /** The series (e.g. a budget line id). */
  series: string;
  /** Period index of the last actual the forecast saw. */
  origin: number;
  method: string;
  /** Forecast for origin + 1, origin + 2, … */
  mean: number[];
  /** Actual − forecast per step, filled as actuals arrive (null = not yet known). */
  errors: (number | null)[];
}
