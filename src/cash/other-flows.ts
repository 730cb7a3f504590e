/**
 * Flows besides invoices and bills. `committed` lines (payroll, rent, debt service) are known amounts
 * per period. `forecast` lines hold the history of a flow not yet invoiced (new sales collected in
 * cash, other receipts), one value per period of the forecast's length ending at the as-of day; the
 * forecast engine (rollingForecast, method auto) projects them with a 90% interval, and trials are
 * drawn from that interval as a split normal per period (as FPA.CASH.RISK does for bounds).
 */
import { rollingForecast } from '../forecast/rolling-forecast';
import { fnv1a } from '../stats/fnv1a';
import { CashErrors } from './errors';
import { boundsTrials } from './liquidity-risk';

export interface OtherFlow {
  name: string;
  kind: 'committed' | 'forecast';
  /** Committed: one amount per forecast period. Forecast: the history, oldest first. */
  values: number[];
}

export interface OtherFlowsProjection {
  /** Per period: the committed total. */
  committed: number[];
  /** Per period: the expected forecast total (the mean of the split normal the trials use). */
  expected: number[];
  /** Per forecast line: trials × periods. */
  trials: number[][][];
  notes: string[];
}

/** Mean of a split normal with mode m and the 90% bounds lo, hi: m + √(2/π)(σ_hi − σ_lo). */
function splitNormalMean(lo: number, m: number, hi: number): number {
  const z = 1.6448536269514722;
  return m + Math.sqrt(2 / Math.PI) * ((hi - m) / z - (m - lo) / z);
}

/**
 * @throws FpaError CASH_INVALID_PLAN naming the line (committed lines of the wrong length, forecast lines too short).
 */
export function projectOtherFlows(
  lines: ReadonlyArray<OtherFlow>,
  periods: number,
  iterations: number,
  seed: number,
): OtherFlowsProjection {
  const out: OtherFlowsProjection = {
    committed: new Array<number>(periods).fill(0),
    expected: new Array<number>(periods).fill(0),
    trials: [],
    notes: [],
  };
  lines.forEach((line, i) => {
    const at = `other_flows row ${i + 1} (${line.name})`;
    line.values.forEach((v, t) => {
      if (!Number.isFinite(v)) throw CashErrors.invalid(`${at} value ${t + 1}`, 'must be a number');
    });
    if (line.kind === 'committed') {
      if (line.values.length !== periods)
        throw CashErrors.invalid(at, `needs one amount per period (${periods}); got ${line.values.length}`);
      line.values.forEach((v, t) => (out.committed[t] += v));
      return;
    }
    if (line.values.length < 4)
      throw CashErrors.invalid(at, `needs at least 4 periods of history to forecast; got ${line.values.length}`);
    const f = rollingForecast({ values: line.values, horizon: periods, levels: [90], method: 'auto', seed });
    const lo = f.intervals[0].lower,
      hi = f.intervals[0].upper;
    for (let t = 0; t < periods; t++) out.expected[t] += splitNormalMean(lo[t], f.mean[t], hi[t]);
    out.trials.push(
      boundsTrials({ low: lo, mid: f.mean, high: hi, level: 0.9 }, iterations, (seed ^ fnv1a(line.name)) >>> 0),
    );
    out.notes.push(`${line.name}: ${f.method}${f.notes.length ? ` (${f.notes.join('; ')})` : ''}`);
  });
  return out;
}
