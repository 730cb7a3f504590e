/**
 * The editable table behind a reallocation: one row per scanned line with its current budget and
 * the defaults src/loop/proposal-inputs.ts decides (flags set the bounds, KPIs set the returns), which
 * the user can change, turned into src/allocation's request.
 */
import type { BudgetLine } from '../../src/model/budget-line';
import type { Flag } from '../../src/model/flag';
import type { AllocationRequest } from '../../src/allocation/types';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import { proposalInputs } from '../../src/loop/proposal-inputs';
import type { ProposalInputLine } from '../../src/loop/proposal-inputs';
import type { FlagPool } from '../../src/loop/flag-requests';
import type { NumberStyle } from '../../src/format';

/** One editable row: the line's proposal inputs (rate applies up to the budget, rateAbove beyond). */
export type AllocationRow = ProposalInputLine;

const round = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

export function defaultRows(
  lines: ReadonlyArray<BudgetLine>,
  budgets: ReadonlyArray<number>,
  flags: ReadonlyArray<Flag> = [],
  kpis: ReadonlyArray<LinkedKpi> = [],
  numberStyle: NumberStyle = {},
): { rows: AllocationRow[]; pool: FlagPool } {
  const found = proposalInputs(lines, budgets, flags, kpis, undefined, numberStyle);
  return {
    rows: found.lines.map((r) => ({
      ...r,
      rate: round(r.rate),
      rateAbove: round(Math.min(r.rate, r.rateAbove)),
      risk: round(r.risk),
    })),
    pool: found.pool,
  };
}

/** The rows as the allocation's request; `numberStyle` writes the amounts of its messages (the pane's). */
export function toRequest(
  rows: ReadonlyArray<AllocationRow>,
  pool: number,
  numberStyle: NumberStyle = {},
): AllocationRequest {
  return {
    pool,
    numbers: numberStyle,
    lines: rows.map((r) => ({
      id: r.id,
      costCentre: r.costCentre,
      current: r.current,
      min: r.min,
      max: r.max,
      locked: r.locked,
      maxChangePct: r.maxChangePct,
      returns: [
        { upTo: r.current, rate: r.rate },
        { upTo: Infinity, rate: Math.min(r.rate, r.rateAbove) },
      ],
      priority: r.priority,
      risk: r.risk,
    })),
  };
}
