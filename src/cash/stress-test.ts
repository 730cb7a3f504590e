/**
 * Stress tests of a cash plan: named shocks applied to the flows, each reporting the lowest closing
 * cash, the period it occurs in, and the periods that breach the minimum. Cash follows the plan
 * passively (cash_t = cash_{t−1} + flow_t), so the test shows the early warning before any action.
 * Shocks: `revenue` changes collections (inflows) by pct (−0.1 for revenue −10%); `delay` shifts collections later by a
 * number of days (pro rata across periods of `daysInPeriod` days; what slips past the horizon is
 * lost from it); `outflow` adds a one-off payment in a period; `credit` cuts the credit line by pct
 * (−0.5 halves it) from a period on.
 * With a credit line, the passive plan also draws it to keep the minimum and repays it as soon as
 * cash allows (interest at its rate on the balance carried in, the fee on the undrawn part): a
 * breach is a period where even the line cannot keep the minimum, and a cut below the balance forces
 * a repayment. The results then add the balance per period and the lowest headroom (cash above the
 * minimum plus undrawn credit).
 */
import { perPeriod } from './build-cash-lp';
import { CashErrors } from './errors';
import type { CreditLine } from './types';

export type Shock =
  | { name: string; kind: 'revenue'; pct: number }
  | { name: string; kind: 'delay'; days: number }
  | { name: string; kind: 'outflow'; amount: number; period: number }
  | { name: string; kind: 'credit'; pct: number; from?: number };

export interface StressBase {
  openingCash: number;
  minCash: number | number[];
  /** Net flows per period. */
  flows: number[];
  /** The collections (revenue receipts) inside the flows; default: the positive part of each flow. */
  inflows?: number[];
  /** Days per period, to turn a delay in days into periods. Default 30. */
  daysInPeriod?: number;
  /** A credit line the passive plan draws to keep the minimum (repayBy is not used). */
  creditLine?: CreditLine;
}

export interface StressResult {
  name: string;
  minCash: number;
  minPeriod: number;
  breaches: number[];
  closingCash: number[];
  /** With a credit line: the balance at the close of each period. */
  debt?: number[];
  /** With a credit line: the lowest cash above the minimum plus undrawn credit, and its period. */
  lowestHeadroom?: number;
  headroomPeriod?: number;
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
  if (!shock || shock.kind === 'credit') return flows;
  const T = flows.length;
  if (shock.kind === 'revenue') {
    // A fraction: −0.1 is revenue −10%. Below −1 collections would turn into payments (−10 read as
    // "−10%" multiplied them by −9 and reported nonsense with exit 0).
    if (!(Number.isFinite(shock.pct) && shock.pct >= -1))
      throw CashErrors.invalid(`${shock.name} pct`, 'must be a change from −100% up, as a fraction (−0.1 for −10%)');
    return flows.map((f, t) => f + inflows[t] * shock.pct);
  }
  if (shock.kind === 'delay') {
    if (!(shock.days >= 0)) throw CashErrors.invalid(`${shock.name} days`, 'must be zero or more');
    const moved = delayed(inflows, shock.days, base.daysInPeriod ?? 30);
    return flows.map((f, t) => f - inflows[t] + moved[t]);
  }
  if (!Number.isInteger(shock.period) || shock.period < 1 || shock.period > T)
    throw CashErrors.invalid(`${shock.name} period`, `must be a whole number from 1 to ${T}`);
  // Without an amount every closing cash from that period on was NaN (null in the JSON), with exit 0.
  if (!Number.isFinite(shock.amount)) throw CashErrors.invalid(`${shock.name} amount`, 'must be a number');
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
  const limit = base.creditLine ? perPeriod(base.creditLine.limit, T) : null;
  const cut = shocks.find((s) => s.kind === 'credit');
  if (cut && !limit) throw CashErrors.invalid(`${cut.name}`, 'cuts the credit line, but the plan has none');
  return [null, ...shocks].map((shock) => {
    const flows = shocked(base, inflows, shock);
    if (!limit) return passive(shock ? shock.name : 'base', base.openingCash, flows, minCash);
    return withCredit(shock ? shock.name : 'base', base, flows, minCash, cutLimit(limit, shock, T));
  });
}

function lowest(name: string, closingCash: number[], minCash: number[]): StressResult {
  let minPeriod = 1;
  closingCash.forEach((c, t) => {
    if (c < closingCash[minPeriod - 1]) minPeriod = t + 1;
  });
  const breaches = closingCash.flatMap((c, t) => (c < minCash[t] - 1e-9 ? [t + 1] : []));
  return { name, minCash: closingCash[minPeriod - 1], minPeriod, breaches, closingCash };
}

/** Cash follows the flows: cash_t = cash_{t−1} + flow_t. */
function passive(name: string, openingCash: number, flows: number[], minCash: number[]): StressResult {
  const closingCash: number[] = [];
  let cash = openingCash;
  for (const f of flows) closingCash.push((cash += f));
  return lowest(name, closingCash, minCash);
}

/** The credit limit per period after a `credit` shock (other shocks leave it as it is). */
function cutLimit(limit: number[], shock: Shock | null, T: number): number[] {
  if (!shock || shock.kind !== 'credit') return limit;
  if (!(Number.isFinite(shock.pct) && shock.pct >= -1 && shock.pct <= 0))
    throw CashErrors.invalid(
      `${shock.name} pct`,
      'must be a cut from −100% to 0%, as a fraction (−0.5 halves the line)',
    );
  const from = shock.from ?? 1;
  if (!Number.isInteger(from) || from < 1 || from > T)
    throw CashErrors.invalid(`${shock.name} period`, `must be a whole number from 1 to ${T}`);
  return limit.map((l, t) => (t + 1 >= from ? l * (1 + shock.pct) : l));
}

/** The passive plan with the credit line drawn to keep the minimum and repaid when cash allows. */
function withCredit(name: string, base: StressBase, flows: number[], minCash: number[], limit: number[]): StressResult {
  const line = base.creditLine!;
  const fee = line.fee ?? 0;
  const closingCash: number[] = [],
    debt: number[] = [];
  let cash = base.openingCash,
    balance = 0,
    lowestHeadroom = Infinity,
    headroomPeriod = 1;
  flows.forEach((f, t) => {
    cash += f - line.rate * balance - fee * Math.max(0, limit[t] - balance);
    if (balance > limit[t]) {
      cash -= balance - limit[t]; // a cut below the balance forces a repayment
      balance = limit[t];
    }
    if (cash < minCash[t]) {
      const draw = Math.min(limit[t] - balance, minCash[t] - cash);
      cash += draw;
      balance += draw;
    } else if (balance > 0) {
      const repay = Math.min(balance, cash - minCash[t]);
      cash -= repay;
      balance -= repay;
    }
    closingCash.push(cash);
    debt.push(balance);
    const headroom = cash - minCash[t] + limit[t] - balance;
    if (headroom < lowestHeadroom) {
      lowestHeadroom = headroom;
      headroomPeriod = t + 1;
    }
  });
  return { ...lowest(name, closingCash, minCash), debt, lowestHeadroom, headroomPeriod };
}
