/**
 * The cash buffer a plan needs: per period, the smallest minimum balance that keeps the probability
 * of running out of cash at most α. A plan (FPA.CASH.OPTIMIZE on the central flows) keeps cash at its
 * minimum B_t on the central path and places the rest; when the flows come out differently, cash
 * moves by the cumulative deviation D_t = Σ_{τ≤t}(flow_τ − central_τ) before anything can be undone
 * (placements are locked). Cash stays at or above zero with probability 1 − α when B_t + D_t ≥ 0, so
 *   B_t = max(0, −D_{(k+1),t}),  k = ⌊α·S⌋,
 * the (k+1)-th smallest deviation over S trials: exactly k or fewer trials fall below zero, the
 * empirical α-quantile without interpolation. The central path is the trials' mean (or `mid` for
 * low/mid/high bounds, whose trials are drawn as FPA.CASH.RISK draws them). Holding the buffer
 * forgoes the best instrument's yield: holding cost_t = B_t × rate per period.
 */
import { CashErrors } from './errors';
import type { FlowBounds } from './liquidity-risk';
import { boundsTrials } from './liquidity-risk';

export interface BufferInput {
  openingCash: number;
  trials?: number[][];
  bounds?: FlowBounds;
  /** Trials drawn from bounds. Default 10,000. */
  iterations?: number;
  seed?: number;
  /** Largest tolerated probability of running out in a period. Default 0.05. */
  alpha?: number;
  /** Yield forgone per period on cash held (the best instrument's rate). Default 0. */
  ratePerPeriod?: number;
}

export interface BufferPeriod {
  period: number;
  /** The smallest minimum balance keeping P(cash < 0) ≤ α. */
  buffer: number;
  /** Cash on the central path with no placements: opening + cumulative central flows. */
  centralCash: number;
  /** Central cash above the buffer: what may be placed (negative: funding needed). */
  investable: number;
  holdingCost: number;
  /** Share of trials that would run out holding exactly the buffer (≤ α). */
  breachProbability: number;
}

/**
 * @throws FpaError CASH_INVALID_PLAN for missing, ragged or non-finite trials, or alpha outside (0, 1).
 * @example
 *   cashBuffer({ openingCash: 100, trials: [[10], [0], [-10], [20], [-20]], alpha: 0.2 }).periods[0].buffer;
 *   // 10: deviations −20, −10, 0, 10, 20 → k = 1 → the 2nd smallest, −10
 */
export function cashBuffer(input: BufferInput): { periods: BufferPeriod[]; totalHoldingCost: number } {
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw CashErrors.invalid('alpha', `must be between 0 and 1 (got ${alpha})`);
  const rate = input.ratePerPeriod ?? 0;
  if (!Number.isFinite(rate)) throw CashErrors.invalid('rate', 'must be a number');
  const trials =
    input.trials ?? (input.bounds ? boundsTrials(input.bounds, input.iterations ?? 10000, input.seed ?? 1) : undefined);
  if (!trials || trials.length === 0) throw CashErrors.invalid('trials', 'needs trials or low/mid/high bounds');
  const T = trials[0].length;
  trials.forEach((row, i) => {
    if (row.length !== T)
      throw CashErrors.invalid(
        `trials row ${i + 1}`,
        `has ${row.length} periods; row 1 has ${T} (all trials must have the same length)`,
      );
    row.forEach((v, t) => {
      if (!Number.isFinite(v)) throw CashErrors.invalid(`trials row ${i + 1}, period ${t + 1}`, 'must be a number');
    });
  });
  if (T === 0) throw CashErrors.invalid('trials', 'need at least one period');
  const S = trials.length;
  const central =
    input.bounds && !input.trials
      ? input.bounds.mid
      : Array.from({ length: T }, (_, t) => trials.reduce((sum, row) => sum + row[t], 0) / S);
  const k = Math.min(S - 1, Math.floor(alpha * S));
  const deviation = new Float64Array(S);
  const periods: BufferPeriod[] = [];
  let centralCash = input.openingCash,
    total = 0;
  for (let t = 0; t < T; t++) {
    centralCash += central[t];
    for (let s = 0; s < S; s++) deviation[s] += trials[s][t] - central[t];
    const sorted = Float64Array.from(deviation).sort();
    const buffer = Math.max(0, -sorted[k]);
    let breaches = 0;
    for (let s = 0; s < S; s++) if (buffer + deviation[s] < 0) breaches++;
    periods.push({
      period: t + 1,
      buffer,
      centralCash,
      investable: centralCash - buffer,
      holdingCost: buffer * rate,
      breachProbability: breaches / S,
    });
    total += buffer * rate;
  }
  return { periods, totalHoldingCost: total };
}

/** The buffer's columns, the one layout FPA.CASH.BUFFER spills and the pane writes (its header apart). */
export const BUFFER_COLUMNS = ['period', 'buffer', 'central cash', 'investable', 'holding cost', 'P(breach)'] as const;

/**
 * One row per period in the order of BUFFER_COLUMNS.
 * @example bufferRows([{ period: 1, buffer: 10, centralCash: 50, investable: 40, holdingCost: 0.1, breachProbability: 0.2 }])
 *   // [[1, 10, 50, 40, 0.1, 0.2]]
 */
export function bufferRows(periods: readonly BufferPeriod[]): number[][] {
  return periods.map((p) => [p.period, p.buffer, p.centralCash, p.investable, p.holdingCost, p.breachProbability]);
}
