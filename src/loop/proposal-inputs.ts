/**
 * The starting inputs of a reallocation in the Proposals view: flags set the bounds, KPIs set the
 * returns.
 *
 * - A line with a severe, persistent, ongoing flag (flag-requests.ts) must change: a release caps it
 *   at budget − release, a request floors it at budget + request; its change limit widens to fit.
 * - Every other line may move by ±`maxChangePct` (default 20%) toward what moves KPIs: its return
 *   per unit and risk come from kpi-returns.ts (over all of its KPIs), its priority is theirs summed.
 * - Without any KPI return to aim at, only what the flags balance moves: releases and requests are
 *   both scaled to the smaller of the two (the pool funds the requests; nothing else is shuffled).
 *
 * Σ of the proposed budgets is the Σ of the current ones (the allocation keeps the total).
 */
import type { BudgetLine } from '../model/budget-line';
import type { Flag } from '../model/flag';
import { flagPool } from './flag-requests';
import type { FlagPool, FlagRequest } from './flag-requests';
import { kpiReturns, sentence } from './kpi-returns';
import type { LinkedKpi, LineReturn } from './kpi-returns';
import { figureInStyle, formatNumber, type NumberStyle } from '../format/format-number';

export interface ProposalInputLine {
  id: string;
  costCentre: string;
  current: number;
  min: number;
  /** Infinity when not bounded. */
  max: number;
  locked: boolean;
  /** Share, 0.2 = ±20%. */
  maxChangePct: number;
  rate: number;
  rateAbove: number;
  priority: number;
  risk: number;
  /** Why the line is bounded or returns what it does, in words. */
  reason: string;
}

export interface ProposalInputs {
  lines: ProposalInputLine[];
  pool: FlagPool;
  returns: LineReturn[];
}

/** Whole amounts with thousands separators ("14,268"), in the reader's locale. */
const money = (v: number, style: NumberStyle) => formatNumber(Math.round(v), 'count', style);

/**
 * The KPIs a line's return comes from: "KPI Leads: <note>" for one; for several, each KPI with its
 * priority and return per unit, then the weighted sum the allocation uses.
 * `style` writes the returns per unit (the pane's locale; default en-US).
 * @example kpiReason({ kpis: [], … }) // "no KPI linked"
 */
export function kpiReason(ret: LineReturn, style: NumberStyle = {}): string {
  const perUnit = (v: number) => `${figureInStyle(v.toPrecision(3), style)}/unit`;
  if (ret.kpis.length === 0) return 'no KPI linked';
  if (ret.kpis.length === 1) return `KPI ${ret.kpis[0].kpi}: ${ret.note}`;
  const each = ret.kpis.map((t) => `${t.kpi} (priority ${t.priority}, ${perUnit(t.rate)}): ${sentence(t.note)}`);
  return `${ret.kpis.length} KPIs: ${each.join('; ')}; return = priority-weighted sum ${perUnit(ret.priority * ret.rate)}`;
}

function reasonOf(request: FlagRequest | undefined, ret: LineReturn, style: NumberStyle): string {
  const severity = request ? formatNumber(Number(request.severity.toFixed(2)), 'ratio', style) : '';
  const flag = request
    ? `${request.kind} flag (severity ${severity}): ${request.change < 0 ? 'releases' : 'asks for'} ${money(Math.abs(request.change), style)}`
    : '';
  const kpi = kpiReason(ret, style);
  return flag ? `${flag}; ${kpi}` : kpi;
}

/**
 * Allocation inputs per line from the scan's lines, budgets and flags and the stored KPIs.
 * @param budgets current budget per line (same order as `lines`)
 * @param style how the reasons write the flag's severity and amount (the pane's locale and minus
 *   sign; default en-US)
 */
export function proposalInputs(
  lines: ReadonlyArray<BudgetLine>,
  budgets: ReadonlyArray<number>,
  flags: ReadonlyArray<Flag>,
  kpis: ReadonlyArray<LinkedKpi>,
  maxChangePct = 0.2,
  style: NumberStyle = {},
): ProposalInputs {
  const returns = kpiReturns(lines, budgets, kpis, undefined, style);
  const pool = flagPool(flags, new Map(lines.map((l, i) => [l.id, budgets[i]])));
  const aims = returns.some((r) => r.rate !== 0);
  const funded = Math.min(pool.released, pool.requested);
  const releaseShare = aims || pool.released === 0 ? 1 : funded / pool.released;
  const requestShare = aims || pool.requested === 0 ? 1 : funded / pool.requested;
  const byLine = new Map(pool.requests.map((r) => [r.line, r]));
  const out = lines.map((l, i): ProposalInputLine => {
    const current = budgets[i];
    const request = byLine.get(l.id);
    const ret = returns[i];
    const base = {
      id: l.id,
      costCentre: l.costCentre,
      current,
      min: 0,
      max: Infinity,
      locked: false,
      maxChangePct,
      rate: ret.rate,
      rateAbove: ret.rateAbove,
      priority: ret.priority,
      risk: ret.risk,
      reason: reasonOf(request, ret, style),
    };
    if (!request) return base;
    const change = request.change * (request.change < 0 ? releaseShare : requestShare);
    const widened = Math.max(maxChangePct, Math.abs(change) / Math.max(Math.abs(current), 1e-9));
    return change < 0
      ? { ...base, max: current + change, maxChangePct: widened }
      : { ...base, min: current + change, maxChangePct: widened };
  });
  return { lines: out, pool, returns };
}
