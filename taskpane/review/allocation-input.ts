/**
 * The editable table behind a reallocation: one row per scanned line with its current budget and
 * sensible defaults the user can change, turned into src/allocation's request.
 *
 * Defaults: min 0, no max, ±20% change, not locked, priority 1; the return per unit is the line's
 * year-to-date execution (actual ÷ plan, capped to 0.2..1.5: a line that spends what it is given
 * "uses" its budget; a persistent under-spender frees money), 10% lower above the current budget
 * (diminishing returns); the risk per unit is the line's variability (sd of actual ÷ plan − 1).
 */
import type { BudgetLine } from '../../src/model/budget-line';
import type { AllocationRequest } from '../../src/allocation/types';

export interface AllocationRow {
  id: string;
  costCentre: string;
  current: number;
  min: number;
  /** Infinity when not bounded (shown blank). */
  max: number;
  locked: boolean;
  /** Share, 0.2 = ±20%. */
  maxChangePct: number;
  /** Return per unit up to the current budget (90% of it above). */
  rate: number;
  priority: number;
  risk: number;
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

export function defaultRows(lines: ReadonlyArray<BudgetLine>, budgets: ReadonlyArray<number>): AllocationRow[] {
  return lines.map((line, i) => {
    const ratios: number[] = [];
    let plan = 0;
    let actual = 0;
    line.plan.forEach((p, t) => {
      const a = line.actual[t];
      if (p === null || a === null || a === undefined) return;
      plan += p;
      actual += a;
      if (p !== 0) ratios.push(a / p - 1);
    });
    const execution = plan > 0 ? actual / plan : 1;
    const mean = ratios.reduce((s, v) => s + v, 0) / Math.max(ratios.length, 1);
    const sd = Math.sqrt(ratios.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(ratios.length - 1, 1));
    return {
      id: line.id,
      costCentre: line.costCentre,
      current: budgets[i],
      min: 0,
      max: Infinity,
      locked: false,
      maxChangePct: 0.2,
      rate: round(Math.min(1.5, Math.max(0.2, execution))),
      priority: 1,
      risk: round(sd),
    };
  });
}

export function toRequest(rows: ReadonlyArray<AllocationRow>, pool: number): AllocationRequest {
  return {
    pool,
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
        { upTo: Infinity, rate: r.rate * 0.9 },
      ],
      priority: r.priority,
      risk: r.risk,
    })),
  };
}
