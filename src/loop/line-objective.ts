/**
 * What one budget line's remaining plan is worth to the loop, as a concave function of that plan:
 *
 *   f(P) = λ·A(P) − V(P)
 *
 * A(P), KPI attainment points: Σ over the line's KPIs and the window's months of a_u·gain(x_u(P)) ÷
 * (KPIs × months of the year), with x_u(P) = w·φ_u·P + (1 − w)·need_u the spend the plan buys (φ the plan's monthly shape,
 * w the pass-through) and a_u = ±priority ÷ target_u the attainment per KPI unit (− when lower is
 * better). A KPI whose response would lower attainment counts as no response: budget is never cut to
 * improve a KPI. A line linked to several KPIs sums their priority-weighted terms; the risk side is
 * the standard error of A's slope, the KPIs' estimates independent: √Σ se_k² (one KPI: its own).
 * V(P), expected year-end variance points: E|G| ÷ (year plan in force × lines), G ~ Normal(gap(P), σ²) the
 * landing's gap (spend-landing.ts), E|G| = σ·(2φ(z) + z·(2Φ(z) − 1)), z = gap/σ. It is smooth: a plan a
 * little away from the forecast costs little, one far away costs (1 − w) per unit.
 *
 * λ, the exchange rate between the two, is set by `balance.ts`.
 */
import { normalCdf } from '../stats/normal-cdf';
import { normalDensity } from '../stats/normal-density';
import type { Landing } from './spend-landing';
import type { ResponseCurve } from './response-curves';

/** One KPI a line's spend moves: its response curve and what a KPI unit is worth each window month. */
export interface KpiTermContext {
  curve: ResponseCurve;
  /** Attainment per KPI unit in each window month (±priority ÷ target; 0 without a target). */
  attainmentPerUnit: number[];
}

export interface LineContext {
  id: string;
  costCentre: string;
  landing: Landing;
  /** The KPIs the line's spend moves (empty: none). */
  terms: KpiTermContext[];
  passThrough: number;
  /** The plan's shape over the window (Σ = 1). */
  shape: number[];
  /** Smallest and largest remaining plan the limits allow. */
  lower: number;
  upper: number;
  /** KPIs × months of the year, and lines: the normalisers of the two means. */
  kpiMonths: number;
  lineCount: number;
  /**
   * Do no harm (balance.ts): standard errors of the response estimate by which a move away from the
   * approved plan must be shown to buy attainment. @default 0
   */
  confidence?: number;
}

/** E|X| for X ~ Normal(mean, sd²). */
export function expectedAbsolute(mean: number, sd: number): number {
  if (!(sd > 0)) return Math.abs(mean);
  const z = mean / sd;
  return sd * (2 * normalDensity(z) + z * (2 * normalCdf(z) - 1));
}

function spendAt(c: LineContext, total: number, u: number): number {
  return c.passThrough * c.shape[u] * total + (1 - c.passThrough) * c.landing.need[u];
}

/** True when more spend on this line would not raise this KPI's attainment (so the term is dropped). */
function hurts(c: LineContext, t: KpiTermContext): boolean {
  let slope = 0;
  c.shape.forEach(
    (_, u) => (slope += t.attainmentPerUnit[u] * t.curve.marginal(spendAt(c, c.landing.planLeft, u)).mean),
  );
  return !(slope > 0);
}

/** The KPI terms that count in A: a response that more spend would raise. */
function counted(c: LineContext): KpiTermContext[] {
  return c.terms.filter((t) => t.curve.source !== 'none' && !hurts(c, t));
}

/**
 * True when the line's plan moves its KPI attainment (some KPI term counts); when false, A(P) is 0
 * whatever P, and λ does not change the line's value.
 */
export function buysAttainment(c: LineContext): boolean {
  return counted(c).length > 0;
}

/** A(P): KPI attainment points the remaining plan P buys (relative to spending nothing). */
export function attainmentPoints(c: LineContext, total: number): number {
  let points = 0;
  for (const t of counted(c)) {
    let term = 0;
    c.shape.forEach((_, u) => (term += t.attainmentPerUnit[u] * t.curve.gain(spendAt(c, total, u))));
    points += term;
  }
  return points / c.kpiMonths;
}

/** The standard error of one KPI's share of A's slope per unit of plan, at the plan in force. */
function termRisk(c: LineContext, t: KpiTermContext): number {
  if (t.curve.source === 'none') return 0;
  let se = 0;
  c.shape.forEach((_, u) => {
    se +=
      Math.abs(t.attainmentPerUnit[u]) *
      c.passThrough *
      c.shape[u] *
      t.curve.marginal(spendAt(c, c.landing.planLeft, u)).se;
  });
  return se / c.kpiMonths;
}

/**
 * The standard error of A's slope per unit of plan at the plan in force, √Σ over the line's KPIs
 * (independent estimates): the risk side of the allocation.
 */
export function attainmentRisk(c: LineContext): number {
  return Math.hypot(...c.terms.map((t) => termRisk(c, t)));
}

/**
 * V(P): expected year-end variance points of the remaining plan P. The divisor is the year plan in
 * force (not the one P makes), which keeps V convex; a move changes it by the move's size only.
 */
export function variancePoints(c: LineContext, total: number): number {
  const l = c.landing;
  const gap = l.pastGap + (1 - c.passThrough) * (l.need.reduce((s, v) => s + v, 0) - total);
  return expectedAbsolute(gap, l.sd) / (Math.max(l.yearPlan, 1e-9) * c.lineCount);
}

/**
 * A(P) at `confidence` z standard errors: A(P) − z·se·|P − approved|, se the standard error of A's
 * slope (`attainmentRisk`) and approved the line's approved remaining plan. Concave; A itself when z = 0
 * or at the approved plan. What a move away from the approved plan is shown to buy.
 */
export function shownAttainment(c: LineContext, total: number): number {
  const z = c.confidence ?? 0;
  const points = attainmentPoints(c, total);
  return z > 0 ? points - z * attainmentRisk(c) * Math.abs(total - c.landing.referenceLeft) : points;
}

/** f(P) = λ·A_z(P) − V(P), A_z the attainment shown at the line's confidence (A when none). */
export function lineValue(c: LineContext, total: number, lambda: number): number {
  return (lambda > 0 ? lambda * shownAttainment(c, total) : 0) - variancePoints(c, total);
}
