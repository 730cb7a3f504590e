/**
 * Liquidity risk of a cash plan under uncertain flows: per period the probability that closing cash
 * falls below the minimum, the expected shortfall E[max(0, min − cash)], and cash percentiles, from
 * Monte Carlo trials of the flows. Cash follows the plan passively: cash_t = cash_{t−1} + flow_t.
 * Trials come either from the caller (e.g. src/scenario) or from low/mid/high forecast bounds: each
 * period's flow is a split normal with mode `mid` and the bounds at the `level` central interval
 * (σ_low = (mid − low)/z, σ_high = (high − mid)/z), periods independent, drawn from the seeded
 * generator's "cash:flows" stream. Cash percentiles use the project's one quantile definition
 * (R type 7 = Excel PERCENTILE.INC, src/stats/quantile-sorted.ts), as FPA.SCENARIO.MC does.
 */
import { normalQuantile } from '../stats/normal-quantile';
import { percentiles } from '../stats/percentiles';
import { SeededGenerator } from '../stats/seeded-generator';
import { CashErrors } from './errors';

export interface FlowBounds {
  low: number[];
  mid: number[];
  high: number[];
  /** Central coverage of [low, high], e.g. 0.9 for 5%–95% bounds. Default 0.9. */
  level?: number;
}

export interface LiquidityRiskInput {
  openingCash: number;
  minCash: number | number[];
  /** Either trials (one row per trial, one value per period) or interval bounds to sample from. */
  trials?: number[][];
  bounds?: FlowBounds;
  /** Trials to draw from bounds. Default 10,000. */
  iterations?: number;
  seed?: number;
}

export interface LiquidityRisk {
  /** Per period (index 0 = period 1). */
  breachProbability: number[];
  expectedShortfall: number[];
  p5: number[];
  p50: number[];
  p95: number[];
  /** First period where a breach is more likely than not (P ≥ 0.5), or null. */
  firstLikelyBreach: number | null;
  /** First period where P(breach) ≥ 5%: the early warning. */
  firstPossibleBreach: number | null;
  trials: number;
}

/**
 * Trials drawn from low/mid/high bounds: each period a split normal with mode `mid` and the bounds at
 * the `level` central interval, periods independent. Seeded.
 * @throws FpaError CASH_INVALID_PLAN for ragged bounds or low > mid > high.
 */
export function boundsTrials(bounds: FlowBounds, iterations: number, seed: number): number[][] {
  const T = bounds.mid.length;
  if (bounds.low.length !== T || bounds.high.length !== T)
    throw CashErrors.invalid('flows', 'low, mid and high must have one value per period each');
  for (let t = 0; t < T; t++) {
    if (!(bounds.low[t] <= bounds.mid[t] && bounds.mid[t] <= bounds.high[t]))
      throw CashErrors.invalid(
        `flows period ${t + 1}`,
        `needs low ≤ mid ≤ high (got ${bounds.low[t]}, ${bounds.mid[t]}, ${bounds.high[t]})`,
      );
  }
  const level = bounds.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw CashErrors.invalid('level', `must be between 0 and 1 (got ${level})`);
  const z = normalQuantile((1 + level) / 2); // upper end of the central interval in standard deviations
  const random = new SeededGenerator(seed, 'cash:flows');
  const trials: number[][] = [];
  for (let i = 0; i < iterations; i++) {
    const row = new Array<number>(T);
    for (let t = 0; t < T; t++) {
      const e = random.nextNormal();
      row[t] = bounds.mid[t] + (e * (e < 0 ? bounds.mid[t] - bounds.low[t] : bounds.high[t] - bounds.mid[t])) / z;
    }
    trials.push(row);
  }
  return trials;
}

/**
 * @throws FpaError CASH_INVALID_PLAN for missing or ragged flows, or low > mid > high.
 * @example
 *   liquidityRisk({ openingCash: 0, minCash: 0, trials: [[-1], [1], [2], [3]] }).breachProbability; // [0.25]
 */
export function liquidityRisk(input: LiquidityRiskInput): LiquidityRisk {
  const trials =
    input.trials ?? (input.bounds ? boundsTrials(input.bounds, input.iterations ?? 10000, input.seed ?? 1) : undefined);
  if (!trials || trials.length === 0) throw CashErrors.invalid('flows', 'needs trials or low/mid/high bounds');
  const T = trials[0].length;
  if (T === 0 || trials.some((row) => row.length !== T))
    throw CashErrors.invalid('trials', 'must all have the same number of periods');
  const minCash = Array.isArray(input.minCash) ? input.minCash : new Array<number>(T).fill(input.minCash);
  if (minCash.length !== T) throw CashErrors.invalid('minCash', `must have one value per period (${T})`);
  const n = trials.length;
  const cash = new Float64Array(n).fill(input.openingCash);
  const out: LiquidityRisk = {
    breachProbability: [],
    expectedShortfall: [],
    p5: [],
    p50: [],
    p95: [],
    firstLikelyBreach: null,
    firstPossibleBreach: null,
    trials: n,
  };
  const column = new Float64Array(n);
  const scratch = new Float64Array(n);
  for (let t = 0; t < T; t++) {
    let breaches = 0,
      shortfall = 0;
    for (let i = 0; i < n; i++) {
      cash[i] += trials[i][t];
      column[i] = cash[i];
      if (cash[i] < minCash[t]) {
        breaches++;
        shortfall += minCash[t] - cash[i];
      }
    }
    const [p5, p50, p95] = percentiles(column, [5, 50, 95], scratch);
    const p = breaches / n;
    out.breachProbability.push(p);
    out.expectedShortfall.push(shortfall / n);
    out.p5.push(p5);
    out.p50.push(p50);
    out.p95.push(p95);
    if (out.firstLikelyBreach === null && p >= 0.5) out.firstLikelyBreach = t + 1;
    if (out.firstPossibleBreach === null && p >= 0.05) out.firstPossibleBreach = t + 1;
  }
  return out;
}
