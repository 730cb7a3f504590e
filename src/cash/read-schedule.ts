/**
 * Turns a solution of the cash programme back into the schedule a user reads: per period what is
 * placed and what matures per instrument, draws, repayments, debt, interest and closing cash.
 */
import type { CashLpIndex } from './build-cash-lp';
import type { CashPlan, SchedulePeriod } from './types';

/** Solver noise below this (relative to the plan's scale) is shown as 0. */
function cleaner(plan: CashPlan): (v: number) => number {
  let scale = Math.abs(plan.openingCash);
  for (const f of plan.flows) scale = Math.max(scale, Math.abs(f));
  const eps = 1e-9 * Math.max(1, scale);
  return (v) => (Math.abs(v) < eps ? 0 : v);
}

/**
 * Reads the schedule from column values.
 * @example // see optimizeCash
 */
export function readSchedule(plan: CashPlan, index: CashLpIndex, values: Record<string, number>): SchedulePeriod[] {
  const T = index.periods;
  const clean = cleaner(plan);
  const value = (name: string): number => clean(values[name] ?? 0);
  const line = plan.creditLine;
  const fee = line?.fee ?? 0;
  const periods: SchedulePeriod[] = [];
  for (let t = 1; t <= T; t++) {
    const invest: Record<string, number> = {};
    const mature: Record<string, number> = {};
    let interestEarned = 0;
    plan.instruments.forEach((ins, k) => {
      const placed = index.placement(k, t);
      invest[ins.name] = placed ? clean(placed.coef * value(placed.name)) : 0;
      const source = t - ins.term >= 1 ? index.placement(k, t - ins.term) : undefined;
      const principal = source ? clean(source.coef * value(source.name)) : 0;
      mature[ins.name] = principal * index.growth[k];
      interestEarned += principal * (index.growth[k] - 1);
    });
    const carried = line && t > 1 ? value(`b${t - 1}`) : 0;
    const debt = line ? value(`b${t}`) : 0;
    periods.push({
      period: t,
      invest,
      mature,
      draw: Math.max(0, debt - carried),
      repay: Math.max(0, carried - debt),
      debt,
      interestEarned,
      interestPaid: line ? line.rate * carried + fee * (index.limit[t - 1] - carried) : 0,
      closingCash: value(`c${t}`),
    });
  }
  return periods;
}
