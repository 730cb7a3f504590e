/**
 * What budget buys, in the allocation's terms: each line's return per unit of budget is the KPI
 * attainment its spend buys (its KPI's response, estimated from the history with partial pooling or
 * entered on the link: response-curves.ts), and its risk per unit is the estimate's standard error on
 * the same scale, so the Pareto front trades expected attainment against the estimate's uncertainty.
 * A line with no KPI returns nothing: the execution ratio is never a return.
 *
 * Scale: a budget B spread over the line's P periods is spend x = B / P per period; one more unit of
 * budget adds marginal(x) / (T̄ · P) to the KPI's mean attainment (T̄ the mean target). Multiplied by
 * the total budget S of all lines, the rate reads as "percentage points of attainment per 1% of the
 * total budget moved onto the line", a number of order 1 the allocation's disruption penalty (0.01 per
 * unit moved) is small against. A "lower is better" KPI counts a fall as a gain.
 *
 * Diminishing returns: the rate up to the current budget is the slope at the current spend, above it
 * the slope at `aboveShare` more spend (never higher: the allocation needs concave returns).
 */
import type { BudgetLine } from '../model/budget-line';
import type { Kpi, KpiLink } from '../model/kpi';
import { responseCurves } from './response-curves';

/** A KPI with the lines linked to it, as the pane stores it. */
export type LinkedKpi = Kpi & { links: ReadonlyArray<KpiLink> };

export interface LineReturn {
  line: string;
  /** The KPI the line's spend moves (null: not linked). */
  kpi: string | null;
  /** Return per unit up to the current budget and above it (see the top of this file). */
  rate: number;
  rateAbove: number;
  /** Standard error of `rate`, same scale. */
  risk: number;
  /** The KPI's priority (its weight in the objective). */
  priority: number;
  /** Where the number comes from: the estimate's note, "entered by hand", or why there is none. */
  note: string;
}

const mean = (values: ReadonlyArray<number | null>): number => {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length ? known.reduce((s, v) => s + v, 0) / known.length : NaN;
};

/**
 * One return per line (in the order of `lines`).
 * @param budgets current budget per line (same order)
 * @param aboveShare how much more spend the second segment's slope is read at. @default 0.2
 * @example kpiReturns(lines, [120000, 72000], []).map((r) => r.rate) // [0, 0]: no KPIs, no return
 */
export function kpiReturns(
  lines: ReadonlyArray<BudgetLine>,
  budgets: ReadonlyArray<number>,
  kpis: ReadonlyArray<LinkedKpi>,
  aboveShare = 0.2,
): LineReturn[] {
  const linkOf = new Map<string, { kpi: LinkedKpi; link: KpiLink }>();
  for (const kpi of kpis) for (const link of kpi.links) linkOf.set(link.line, { kpi, link });
  const curves = responseCurves({
    kpis: kpis.map((k) => ({ id: k.id, actual: k.actual })),
    lines: lines.map((l) => {
      const found = linkOf.get(l.id);
      return {
        id: l.id,
        kpi: found?.kpi.id ?? null,
        actual: l.actual,
        lag: found?.link.lag,
        entered: found?.link.response,
      };
    }),
  });
  const total = budgets.reduce((s, b) => s + Math.max(0, b), 0);
  return lines.map((l, i) => {
    const found = linkOf.get(l.id);
    const target = found ? mean(found.kpi.target) : NaN;
    const periods = Math.max(1, l.plan.length);
    const x = Math.max(0, budgets[i]) / periods;
    const scale = ((found?.kpi.direction === 'lower' ? -1 : 1) * total) / (target * periods);
    if (!found || !(Math.abs(scale) < Infinity) || curves[i].source === 'none')
      return {
        line: l.id,
        kpi: found?.kpi.id ?? null,
        rate: 0,
        rateAbove: 0,
        risk: 0,
        priority: found?.kpi.priority ?? 1,
        note: found && !(Math.abs(scale) < Infinity) ? 'the KPI has no target' : curves[i].note,
      };
    const here = curves[i].marginal(x);
    const rate = scale * here.mean;
    return {
      line: l.id,
      kpi: found.kpi.id,
      rate,
      rateAbove: Math.min(rate, scale * curves[i].marginal(x * (1 + aboveShare)).mean),
      risk: Math.abs(scale) * here.se,
      priority: found.kpi.priority ?? 1,
      note: curves[i].note,
    };
  });
}
