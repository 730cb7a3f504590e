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
 *
 * Several KPIs: a line linked to KPIs k = 1…K (each with its own response, estimated within its KPI's
 * regression or entered on its link, and the KPI's priority p_k) returns the priority-weighted sum
 * Σ p_k·r_k. The allocation multiplies a line's rate by its priority, so the line gets priority
 * P = Σ p_k and rate Σ (p_k/P)·r_k; its risk is the standard error of that rate, the KPIs' estimates
 * being independent fits: √Σ ((p_k/P)·se_k)². With one KPI these are exactly that KPI's numbers.
 */
import type { BudgetLine } from '../model/budget-line';
import type { EnteredKpiResponse, Kpi, KpiLink } from '../model/kpi';
import { responseCurves } from './response-curves';
import type { ResponseCurve } from './response-curves';
import { figureInStyle, type NumberStyle } from '../format/format-number';

/** A KPI with the lines linked to it, as the pane stores it. */
export type LinkedKpi = Kpi & { links: ReadonlyArray<KpiLink> };

/** What one of a line's KPIs contributes: its return per unit, the estimate's risk and why. */
export interface KpiTerm {
  kpi: string;
  /** Return per unit up to the current budget and above it (see the top of this file). */
  rate: number;
  rateAbove: number;
  /** Standard error of `rate`, same scale. */
  risk: number;
  /** The KPI's priority (its weight in the objective). */
  priority: number;
  /** Where the response comes from: entered on the link, estimated from history, or none. */
  source: ResponseCurve['source'];
  /** Says so: "response entered by hand: …", "response estimated from history: <the fit>", or why there is none. */
  note: string;
}

export interface LineReturn {
  line: string;
  /** Every KPI the line's spend moves, in the order they are stored (empty: not linked). */
  kpis: KpiTerm[];
  /** Priority-weighted mean return per unit of the KPIs, up to the current budget and above it. */
  rate: number;
  rateAbove: number;
  /** Standard error of `rate`. */
  risk: number;
  /** Σ of the KPIs' priorities (1 when not linked): priority × rate is the weighted sum. */
  priority: number;
  /** One KPI's note, each KPI's note after its id when several, or "not linked to a KPI". */
  note: string;
}

/** Four significant digits in the reader's style: "0.05", German "0,05". */
const shown = (v: number, style: NumberStyle) => figureInStyle(String(Number(v.toPrecision(4))), style);
const lagged = (lag: number | undefined) => (lag ? `, spend ${lag} period(s) before the KPI` : '');

/**
 * Where a link's response comes from, in words for the proposal's explanation; `style` writes an
 * entered response's numbers (the pane's locale and minus sign; default en-US).
 * @example responseNote({ line: 'A', kpi: 'K', response: { perUnit: 0.05, sd: 0.01 } }, 'leads', 'x')
 *   // "response entered by hand: 0.05 leads per unit of spend (sd 0.01)"
 */
export function responseNote(link: KpiLink, unit: string, estimateNote: string, style: NumberStyle = {}): string {
  const r: EnteredKpiResponse | undefined = link.response;
  if (!r) return `response estimated from history${lagged(link.lag)}: ${estimateNote}`;
  const sd = r.sd ? ` (sd ${shown(r.sd, style)})` : '';
  const saturation = r.saturation ? `, falling by e every ${shown(r.saturation, style)} of spend a period` : '';
  return `response entered by hand: ${shown(r.perUnit, style)} ${unit || 'KPI units'} per unit of spend${sd}${saturation}${lagged(link.lag)}`;
}

const mean = (values: ReadonlyArray<number | null>): number => {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length ? known.reduce((s, v) => s + v, 0) / known.length : NaN;
};

/** A note as a clause of a list: without its closing full stop. */
export const sentence = (note: string): string => note.replace(/\.\s*$/, '');

/** Every (KPI, link) of a line, once per KPI, in the order the KPIs are stored. */
export function linksOfLine(kpis: ReadonlyArray<LinkedKpi>, line: string): { kpi: LinkedKpi; link: KpiLink }[] {
  return kpis.flatMap((kpi) => {
    const link = kpi.links.find((l) => l.line === line);
    return link ? [{ kpi, link }] : [];
  });
}

/** A line's terms combined: priority P = Σ p_k, rate Σ (p_k/P)·r_k, risk √Σ ((p_k/P)·se_k)². */
export function combineTerms(line: string, terms: ReadonlyArray<KpiTerm>): LineReturn {
  if (terms.length === 0)
    return { line, kpis: [], rate: 0, rateAbove: 0, risk: 0, priority: 1, note: 'not linked to a KPI' };
  const total = terms.reduce((s, t) => s + t.priority, 0);
  const weight = (t: KpiTerm) => t.priority / total;
  return {
    line,
    kpis: [...terms],
    rate: terms.reduce((s, t) => s + weight(t) * t.rate, 0),
    rateAbove: terms.reduce((s, t) => s + weight(t) * t.rateAbove, 0),
    risk: Math.hypot(...terms.map((t) => weight(t) * t.risk)),
    priority: total,
    note: terms.length === 1 ? terms[0].note : terms.map((t) => `${t.kpi}: ${sentence(t.note)}`).join('; '),
  };
}

/**
 * One return per line (in the order of `lines`).
 * @param budgets current budget per line (same order)
 * @param aboveShare how much more spend the second segment's slope is read at. @default 0.2
 * @param style how the notes write their numbers, entered or estimated (the pane's locale; default en-US)
 * @example kpiReturns(lines, [120000, 72000], []).map((r) => r.rate) // [0, 0]: no KPIs, no return
 */
export function kpiReturns(
  lines: ReadonlyArray<BudgetLine>,
  budgets: ReadonlyArray<number>,
  kpis: ReadonlyArray<LinkedKpi>,
  aboveShare = 0.2,
  style: NumberStyle = {},
): LineReturn[] {
  const pairs = lines.flatMap((l, i) => linksOfLine(kpis, l.id).map((found) => ({ ...found, index: i })));
  const curves = responseCurves({
    kpis: kpis.map((k) => ({ id: k.id, actual: k.actual })),
    lines: pairs.map(({ kpi, link, index }) => ({
      id: lines[index].id,
      kpi: kpi.id,
      actual: lines[index].actual,
      lag: link.lag,
      entered: link.response,
    })),
    numbers: style,
  });
  const total = budgets.reduce((s, b) => s + Math.max(0, b), 0);
  const terms = pairs.map(({ kpi, link, index }, j): KpiTerm => {
    const l = lines[index];
    const curve = curves[j];
    const target = mean(kpi.target);
    const periods = Math.max(1, l.plan.length);
    const x = Math.max(0, budgets[index]) / periods;
    const scale = ((kpi.direction === 'lower' ? -1 : 1) * total) / (target * periods);
    const priority = kpi.priority ?? 1;
    if (!(Math.abs(scale) < Infinity) || curve.source === 'none')
      return {
        kpi: kpi.id,
        rate: 0,
        rateAbove: 0,
        risk: 0,
        priority,
        source: curve.source,
        note: !(Math.abs(scale) < Infinity) ? 'the KPI has no target' : curve.note,
      };
    const here = curve.marginal(x);
    const rate = scale * here.mean;
    return {
      kpi: kpi.id,
      rate,
      rateAbove: Math.min(rate, scale * curve.marginal(x * (1 + aboveShare)).mean),
      risk: Math.abs(scale) * here.se,
      priority,
      source: curve.source,
      note: responseNote(link, kpi.unit, curve.note, style),
    };
  });
  return lines.map((l, i) =>
    combineTerms(
      l.id,
      terms.filter((_, j) => pairs[j].index === i),
    ),
  );
}
