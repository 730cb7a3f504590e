/**
 * What each trial does given the placements: the credit recourse. With the placements fixed, the
 * cheapest way to keep closing cash at the minimum in a trial is to hold the smallest credit balance
 * that does it, period by period: b_t = max(0, m_t − (cash before credit) + b_{t−1}), repaid as soon as
 * cash allows. Whatever the balance needs beyond the limit is the trial's shortfall in that period.
 * This is the optimal recourse of the scenario programme whenever credit costs something net of the
 * commitment fee (rate ≥ fee), so the paths reported are the programme's.
 */
import type { ScenarioPlan } from './scenario-types';
import { perPeriod } from './build-cash-lp';

export interface TrialPath {
  /** Per period (index 0 = period 1). */
  closingCash: Float64Array;
  /** Credit balance at close, shortfall included (may exceed the limit). */
  debt: Float64Array;
  interestPaid: Float64Array;
  /** Balance above the limit at close. */
  shortfall: Float64Array;
  /** Largest shortfall over the periods: the trial's loss. */
  loss: number;
  /** Closing cash minus debt in the last period. */
  wealth: number;
}

/**
 * Base cash of each trial without placements or credit: A[s][t] = opening + Σ_{τ≤t}(flow − fee·limit).
 * @example trialBase({ openingCash: 10, minCash: 0, trials: [[1, 2]], instruments: [] })[0]; // [11, 13]
 */
export function trialBase(plan: ScenarioPlan): Float64Array[] {
  const T = plan.trials[0].length;
  const line = plan.creditLine;
  const limit = line ? perPeriod(line.limit, T) : new Array<number>(T).fill(0);
  const fee = line?.fee ?? 0;
  return plan.trials.map((row) => {
    const a = new Float64Array(T);
    let acc = plan.openingCash;
    for (let t = 0; t < T; t++) a[t] = acc += row[t] - fee * limit[t];
    return a;
  });
}

/** Credit limits per period (0 from repayBy on, and without a credit line). */
export function creditLimits(plan: ScenarioPlan, periods: number): number[] {
  const line = plan.creditLine;
  if (!line) return new Array<number>(periods).fill(0);
  const limit = perPeriod(line.limit, periods);
  return limit.map((l, t) => (line.repayBy !== undefined && t + 1 >= line.repayBy ? 0 : l));
}

/**
 * Paths of every trial under the least-cost credit recourse, for the placements' cumulative net
 * outflow Y (Y[t] for period t + 1: placed minus matured, up to and including that period).
 */
export function recoursePaths(plan: ScenarioPlan, invested: ArrayLike<number>): TrialPath[] {
  const T = plan.trials[0].length;
  const minCash = perPeriod(plan.minCash, T);
  const limits = creditLimits(plan, T);
  const line = plan.creditLine;
  const rate = line?.rate ?? 0,
    fee = line?.fee ?? 0;
  const grossLimit = line ? perPeriod(line.limit, T) : limits;
  return plan.trials.map((row) => {
    const p: TrialPath = {
      closingCash: new Float64Array(T),
      debt: new Float64Array(T),
      interestPaid: new Float64Array(T),
      shortfall: new Float64Array(T),
      loss: 0,
      wealth: 0,
    };
    let cash = plan.openingCash,
      debt = 0;
    for (let t = 0; t < T; t++) {
      const placed = invested[t] - (t > 0 ? invested[t - 1] : 0);
      const interest = rate * debt + fee * (grossLimit[t] - debt);
      const before = cash + row[t] - placed - interest - debt; // cash if the carried balance were repaid
      const balance = Math.max(0, minCash[t] - before);
      cash = before + balance;
      debt = balance;
      p.closingCash[t] = cash;
      p.debt[t] = debt;
      p.interestPaid[t] = interest;
      p.shortfall[t] = Math.max(0, debt - limits[t]);
      p.loss = Math.max(p.loss, p.shortfall[t]);
    }
    p.wealth = cash - debt;
    return p;
  });
}
