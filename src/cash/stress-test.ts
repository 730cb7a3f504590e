/**
 * Stress tests of a cash plan: named shocks applied to the flows, each reporting the lowest closing
 * cash, the period it occurs in, and the periods that breach the minimum. Cash follows the plan
 * passively (cash_t = cash_{t−1} + flow_t), so the test shows the early warning before any action.
 * Shocks: `revenue` changes collections (inflows) by pct (−0.1 for revenue −10%); `delay` shifts collections later by a
 * number of days (pro rata across periods of `daysInPeriod` days; what slips past the horizon is
 * lost from it); `outflow` adds a one-off payment in a period.
 */
import { CashErrors } from './errors';

export type Shock =
  | { name: string; kind: 'revenue'; pct: number }
  | { name: string; kind: 'delay'; days: number }
  | { name: string; kind: 'outflow'; amount: number; period: number };

export interface StressBase {
  openingCash: number;
  minCash: number | number[];
  /** Net flows per period. */
  flows: number[];
  /** The collections (revenue receipts) inside the flows; default: the positive part of each flow. */
  inflows?: number[];
  /** Days per period, to turn a delay in days into periods. Default 30. */
  daysInPeriod?: number;
}

export interface StressResult {
  name: string;
  minCash: number;
  minPeriod: number;
  breaches: number[];
  closingCash: number[];
}

/** Collections shifted `days` later: each period's amount spreads over the next periods pro rata. */
function delayed(inflows: number[], days: number, daysInPeriod: number): number[] {
  const shift = days / daysInPeriod;
  const whole = Math.floor(shift),
    part = shift - whole;
  const out = new Array<number>(inflows.length).fill(0);
  inflows.forEach((amount, t) => {
    if (t + whole < out.length) out[t + whole] += amount * (1 - part);
    if (part > 0 && t + whole + 1 < out.length) out[t + whole + 1] += amount * part;
  });
  return out;
}

function shocked(base: StressBase, inflows: number[], shock: Shock | null): number[] {
  const flows = base.flows.slice();
  if (!shock) return flows;
  const T = flows.length;
  if (shock.kind === 'revenue') {
    if (!Number.isFinite(shock.pct)) throw CashErrors.invalid(`${shock.name} pct`, 'must be a number');
    return flows.map((f, t) => f + inflows[t] * shock.pct);
  }
  if (shock.kind === 'delay') {
    if (!(shock.days >= 0)) throw CashErrors.invalid(`${shock.name} days`, 'must be zero or more');
    const moved = delayed(inflows, shock.days, base.daysInPeriod ?? 30);
    return flows.map((f, t) => f - inflows[t] + moved[t]);
  }
  if (!Number.isInteger(shock.period) || shock.period < 1 || shock.period > T)
    throw CashErrors.invalid(`${shock.name} period`, `must be a whole number from 1 to ${T}`);
  flows[shock.period - 1] -= Math.abs(shock.amount);
  return flows;
}

/**
 * Runs the base case (named "base") and every shock.
 * @example
 *   stressTest({ openingCash: 100, minCash: 50, flows: [-20, 30] }, [{ name: 'one-off', kind: 'outflow', amount: 60, period: 1 }])[1];
 *   // → { name: 'one-off', minCash: 20, minPeriod: 1, breaches: [1], closingCash: [20, 50] }
 */
export function stressTest(base: StressBase, shocks: Shock[]): StressResult[] {
  const T = base.flows.length;
  if (T === 0) throw CashErrors.invalid('flows', 'must not be empty');
  const inflows = base.inflows ?? base.flows.map((f) => Math.max(f, 0));
  if (inflows.length !== T) throw CashErrors.invalid('inflows', `must have one value per period (${T})`);
  const minCash = Array.isArray(base.minCash) ? base.minCash : new Array<number>(T).fill(base.minCash);
  if (minCash.length !== T) throw CashErrors.invalid('minCash', `must have one value per period (${T})`);
  return [null, ...shocks].map((shock) => {
    const flows = shocked(base, inflows, shock);
    const closingCash: number[] = [];
    let cash = base.openingCash;
    for (const f of flows) closingCash.push((cash += f));
    let minPeriod = 1;
    closingCash.forEach((c, t) => {
      if (c < closingCash[minPeriod - 1]) minPeriod = t + 1;
    });
    const breaches = closingCash.flatMap((c, t) => (c < minCash[t] - 1e-9 ? [t + 1] : []));
    return { name: shock ? shock.name : 'base', minCash: closingCash[minPeriod - 1], minPeriod, breaches, closingCash };
  });
}
