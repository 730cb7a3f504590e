/**
 * What one budget line's remaining plan is worth to the loop, as a concave function of that plan:
 *
 *   f(P) = λ·A(P) − V(P)
 *
 * A(P), KPI attainment points: Σ over the window's months of a_u·gain(x_u(P)) ÷ (KPIs × months of the
 * year), with x_u(P) = w·φ_u·P + (1 − w)·need_u the spend the plan buys (φ the plan's monthly shape,
 * w the pass-through) and a_u = ±priority ÷ target_u the attainment per KPI unit (− when lower is
 * better). A line whose response would lower attainment counts as no response: budget is never cut to
 * improve a KPI.
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

export interface LineContext {
  id: string;
  costCentre: string;
  landing: Landing;
  curve: ResponseCurve;
  passThrough: number;
  /** The plan's shape over the window (Σ = 1). */
  shape: number[];
  /** Attainment per KPI unit in each window month (±priority ÷ target; 0 without a target). */
  attainmentPerUnit: number[];
  /** Smallest and largest remaining plan the limits allow. */
  lower: number;
  upper: number;
  /** KPIs × months of the year, and lines: the normalisers of the two means. */
  kpiMonths: number;
  lineCount: number;
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

/** True when more spend on this line would not raise attainment (so its KPI term is dropped). */
function hurts(c: LineContext): boolean {
  let slope = 0;
  c.shape.forEach(
    (_, u) => (slope += c.attainmentPerUnit[u] * c.curve.marginal(spendAt(c, c.landing.planLeft, u)).mean),
  );
  return !(slope > 0);
}

/** A(P): KPI attainment points the remaining plan P buys (relative to spending nothing). */
export function attainmentPoints(c: LineContext, total: number): number {
  if (c.curve.source === 'none' || hurts(c)) return 0;
  let points = 0;
  c.shape.forEach((_, u) => (points += c.attainmentPerUnit[u] * c.curve.gain(spendAt(c, total, u))));
  return points / c.kpiMonths;
}

/** The standard error of A's slope per unit of plan at the plan in force: the risk side of the allocation. */
export function attainmentRisk(c: LineContext): number {
  if (c.curve.source === 'none') return 0;
  let se = 0;
  c.shape.forEach((_, u) => {
    se +=
      Math.abs(c.attainmentPerUnit[u]) *
      c.passThrough *
      c.shape[u] *
      c.curve.marginal(spendAt(c, c.landing.planLeft, u)).se;
  });
  return se / c.kpiMonths;
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

/** f(P) = λ·A(P) − V(P). */
export function lineValue(c: LineContext, total: number, lambda: number): number {
  return (lambda > 0 ? lambda * attainmentPoints(c, total) : 0) - variancePoints(c, total);
}
