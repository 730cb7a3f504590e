/**
 * Cash plans under uncertainty: the input of FPA.CASH.OPTIMIZE and `openfpa cash` when the flows are
 * trials (one row of net flows per trial) instead of one row, and what comes back.
 */
import type { CashOptions, CashResult, CreditLine, Instrument } from './types';
import type { NumberStyle } from '../format/format-number';

/** `cvar`: CVaR_α of the shortfall ≤ limit (an LP). `chance`: P(shortfall > limit) ≤ α (a MIP). */
export type RiskMeasure = 'cvar' | 'chance';

export interface RiskSpec {
  measure: RiskMeasure;
  /** Tail probability: 0.05 looks at the worst 5% of trials. */
  alpha: number;
  /** CVaR: the largest tolerated mean shortfall of the worst α. Chance: the shortfall tolerated before a trial counts as a breach. */
  limit: number;
}

/** The plan with trials: every trial is one equally likely path of net flows. */
export interface ScenarioPlan {
  openingCash: number;
  minCash: number | number[];
  trials: number[][];
  instruments: Instrument[];
  creditLine?: CreditLine;
  risk?: Partial<RiskSpec>;
}

export const DEFAULT_RISK: RiskSpec = { measure: 'cvar', alpha: 0.05, limit: 0 };

export interface RiskAchieved extends RiskSpec {
  /** CVaR: the CVaR_α of the shortfall over the trials. Chance: the share of trials short by more than the limit. */
  achieved: number;
}

/**
 * The result: `periods` holds the placements (the same in every trial) and the expected draw, repay,
 * debt, interest and closing cash across trials under each trial's own credit recourse.
 */
export interface ScenarioResult extends Omit<CashResult, 'shortfall' | 'totalShortfall' | 'headroom' | 'shadowPrices'> {
  trials: number;
  risk: RiskAchieved;
}

export interface ScenarioOptions extends Pick<CashOptions, 'integerLots' | 'timeLimitSeconds' | 'mipGap'> {
  /** Checked before every solve: once aborted, the run stops with CASH_CANCELLED. */
  signal?: AbortSignal;
  /** Called after every solve with the number of solves so far (row generation takes a few). */
  onSolve?: (solves: number) => void;
  /** How the messages write their numbers: the reader's locale and minus sign. @default en-US */
  numbers?: NumberStyle;
}
