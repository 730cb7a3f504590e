/**
 * Cash plan model: the input of FPA.CASH.OPTIMIZE and `openfpa cash`, and the schedule it returns.
 * Periods are 1-based in everything a user sees. Rates are per period.
 */

/** An instrument idle cash can be placed in. */
export interface Instrument {
  /** Unique name, used as the key of `invest`/`mature` in the schedule. */
  name: string;
  /** Term in periods (whole number ≥ 1): money placed in period t returns at the end of t + term. */
  term: number;
  /** Yield per period, compounded over the term: a placed amount a returns a·(1+rate)^term. */
  rate: number;
  /** Smallest placement when placing at all (0 = none). A positive min makes the plan a MIP. */
  min?: number;
  /** Largest placement per period (default: no limit). */
  max?: number;
  /** Lot size: placements are whole multiples of it (a MIP unless integer lots are switched off). */
  lot?: number;
  /** First period in which a placement may be made (1-based, default 1). */
  from?: number;
  /** Last period in which a placement may be made (default: the last one whose term fits). */
  to?: number;
}

/** A revolving credit line. */
export interface CreditLine {
  /** Limit on the balance at the close of each period: one number or one per period. */
  limit: number | number[];
  /** Interest per period on the balance carried into the period. */
  rate: number;
  /** Commitment fee per period on the undrawn part (limit − balance carried in). Default 0. */
  fee?: number;
  /** Repay rule: the balance must be zero at the close of this period and after (1-based). */
  repayBy?: number;
}

/** The plan, exactly the JSON format of `openfpa cash`. */
export interface CashPlan {
  openingCash: number;
  /** Minimum closing cash: one number or one per period. */
  minCash: number | number[];
  /** Net operating flow per period (inflow positive). Its length is the number of periods. */
  flows: number[];
  instruments: Instrument[];
  creditLine?: CreditLine;
}

export type CashObjective = 'wealth' | 'headroom';

export interface CashOptions {
  /** Honour lot sizes and minimum placements as integers (a MIP). Default true. */
  integerLots?: boolean;
  /** Stop the solver after this many seconds; the best plan found is returned as `time_limit`. */
  timeLimitSeconds?: number;
  /** Relative optimality gap at which a MIP stops (default 5e-5; 0 proves exact optimality). */
  mipGap?: number;
  /**
   * `wealth` (default): maximise closing cash minus debt in the last period.
   * `headroom`: maximise the smallest margin of closing cash over the minimum across periods.
   */
  objective?: CashObjective;
  /** Compute shadow prices of the minimum-cash rows and of the credit limit. Default false. */
  shadowPrices?: boolean;
}

export interface SchedulePeriod {
  period: number;
  invest: Record<string, number>;
  mature: Record<string, number>;
  draw: number;
  repay: number;
  /** Credit balance at the close of the period. */
  debt: number;
  interestEarned: number;
  interestPaid: number;
  closingCash: number;
  /**
   * Infeasible plans only: outside cash the period needs to keep its minimum (counted in
   * closingCash). Zero in periods that are not short.
   */
  shortfall?: number;
}

export interface Shortfall {
  period: number;
  amount: number;
}

/** Shadow prices: change of the objective per one more unit, by period (index 0 = period 1). */
export interface ShadowPrices {
  /** Per unit of higher minimum cash in that period (≤ 0 when the minimum binds). */
  minCash: number[];
  /** Per unit of higher credit limit in that period (≥ 0 when more credit helps). */
  creditLimit: number[];
  /** Per unit of higher limit in every period at once. */
  creditLimitTotal: number;
}

export interface CashResult {
  status: 'optimal' | 'infeasible' | 'time_limit';
  /** closingCash[last] − debt[last] of the schedule returned. */
  objective: number;
  /**
   * `time_limit` MIPs: the relative gap between the plan returned and the LP relaxation's bound, i.e. the
   * plan is provably within this fraction of the optimum (the schedule is feasible whatever the gap).
   */
  gap?: number;
  periods: SchedulePeriod[];
  /** Infeasible plans: the periods that cannot keep the minimum, and the cash each lacks. */
  shortfall?: Shortfall[];
  /** Infeasible plans: the sum of the per-period shortfalls (outside funding that fixes the plan). */
  totalShortfall?: number;
  /** `headroom` objective: the smallest margin over the minimum achieved. */
  headroom?: number;
  shadowPrices?: ShadowPrices;
}
