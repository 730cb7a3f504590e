/**
 * Summary statistics of one simulated output.
 *
 * - mean: Neumaier-compensated sum / n; sd: sample standard deviation (n − 1, Bessel's
 *   correction: the trials are a sample of the output's distribution), two-pass around the mean;
 * - se: standard error of the mean, sd/√n (for LHS this is conservative: stratification lowers the
 *   true error);
 * - percentiles: R type 7; VaR at level L (default 95) = mean − P(100 − L); CVaR = mean − (mean of
 *   the trials at or below P(100 − L)), as ../shared/bench/mc-standard.md defines them;
 * - probBelow / probAbove: fraction of trials strictly below / strictly above each threshold (with a
 *   discrete output, trials equal to the threshold are in neither, so the two need not sum to 1).
 */
import { ScenarioErrors } from './errors';
import { percentiles as percentilesOf } from '../stats/percentiles';

export interface OutputStatistics {
  mean: number;
  sd: number;
  min: number;
  max: number;
  se: number;
  percentiles: Record<string, number>;
  /** Keyed `var<level>` and `cvar<level>`, e.g. var95, cvar95. */
  [risk: `var${number}` | `cvar${number}`]: number;
  /** Present only when thresholds were asked for: threshold (as text) → P(output < threshold). */
  probBelow?: Record<string, number>;
  /** Present only when thresholds were asked for: threshold (as text) → P(output > threshold). */
  probAbove?: Record<string, number>;
}

export interface StatisticsOptions {
  percentiles: readonly number[];
  /** VaR/CVaR confidence level in percent. @default 95 */
  varLevel?: number;
  thresholds?: readonly number[];
}

/** Beyond this magnitude a trial's square, or the sum of 10^7 of them, could overflow. */
const HUGE_TRIAL = 2 ** 480;

/** Neumaier-compensated mean of values·unit (unit a power of two, so the scaling is exact). */
function scaledMean(values: Float64Array, unit: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] * unit;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}

/** Percentile key as written in results: 5 → "5", 2.5 → "2.5". */
export function percentileKey(p: number): string {
  return String(p);
}

/**
 * @param name output name, for messages
 * @throws SCENARIO_NON_FINITE when any trial is NaN or ±Infinity
 * @example describeOutput('x', Float64Array.of(1, 2, 3, 4), { percentiles: [50] }).percentiles // { "50": 2.5 }
 */
export function describeOutput(
  name: string,
  values: Float64Array,
  options: StatisticsOptions,
  scratch?: Float64Array,
): OutputStatistics {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  let min = Infinity;
  let max = -Infinity;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v - v !== 0) {
      bad++;
      continue;
    }
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (bad > 0) throw ScenarioErrors.nonFinite(name, bad, n);
  // Trials beyond ~1e144 would overflow the sum, the squares or the tail's sum (sd and CVaR came out
  // Infinity, written as null): such an output is summarised in units of a power of two near its
  // largest value (exact scaling), and only then. `unit` is 1 for every other output.
  const extent = Math.max(-min, max);
  const unit = extent > HUGE_TRIAL ? 2 ** -Math.ceil(Math.log2(extent)) : 1;
  const mean = unit === 1 ? (sum + compensation) / n : scaledMean(values, unit) / unit;
  let ss = 0;
  const scaledCentre = mean * unit;
  for (let i = 0; i < n; i++) {
    const d = values[i] * unit - scaledCentre;
    ss += d * d;
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) / unit : 0;
  const level = options.varLevel ?? 95;
  // The VaR cut is P(100 − level), read with the percentiles: once when it is one of them (P5 at the
  // default 95%), as each percentile read is a selection over a copy of all the trials.
  const cutAt = options.percentiles.indexOf(100 - level);
  const wanted = cutAt >= 0 ? options.percentiles : [...options.percentiles, 100 - level];
  const values2 = percentilesOf(values, wanted, scratch);
  const tailCut = values2[cutAt >= 0 ? cutAt : values2.length - 1];
  let tailSum = 0;
  let tailCount = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] <= tailCut) {
      tailSum += values[i] * unit;
      tailCount++;
    }
  }
  const result: OutputStatistics = {
    mean,
    sd,
    min,
    max,
    se: sd / Math.sqrt(n),
    percentiles: Object.fromEntries(options.percentiles.map((p, i) => [percentileKey(p), values2[i]])),
  };
  result[`var${level}`] = mean - tailCut;
  result[`cvar${level}`] = mean - tailSum / tailCount / unit;
  if (options.thresholds && options.thresholds.length > 0) {
    const probBelow: Record<string, number> = {};
    const probAbove: Record<string, number> = {};
    for (const t of options.thresholds) {
      let below = 0;
      let above = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v < t) below++;
        else if (v > t) above++;
      }
      probBelow[String(t)] = below / n;
      probAbove[String(t)] = above / n;
    }
    result.probBelow = probBelow;
    result.probAbove = probAbove;
  }
  return result;
}
