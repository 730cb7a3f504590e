/**
 * Merging blocks into one simulation. Output columns are copied into place whatever order blocks
 * arrive in; the achieved correlation and the sensitivities are trial-weighted means over blocks,
 * summed in block order, so the merged result has the same bits for any number of workers.
 */
import type { BlockResult, PhaseTimings } from './block';
import { Matrix } from './matrix';
import { SensitivityValues } from './sensitivity';
import { PreparedScenario } from './spec';
import { normalQuantile } from '../stats/normal-quantile';
import { percentiles } from '../stats/percentiles';

export interface Simulation {
  /** Trials run (less than the maximum when the convergence rule stopped early). */
  trials: number;
  /** Per output, the trial values (length `trials`). */
  outputColumns: Float64Array[];
  /** Spearman correlation achieved among the correlated drivers (trial-weighted mean over blocks). */
  achieved: Matrix;
  /** Per output, per driver then SIP: Spearman and SRC (trial-weighted means over blocks); with `sensitivity`. */
  sensitivity: SensitivityValues[] | null;
  timings: PhaseTimings;
  /** Present only with a convergence rule: whether it was met before the maximum. */
  converged?: boolean;
  /** Relative half-width reached by the convergence statistic. */
  precision?: number;
}

/** What a merger keeps of a block once its outputs are in place. */
type Placed = Pick<BlockResult, 'index' | 'start' | 'trials' | 'achieved' | 'sensitivity' | 'timings'>;

/** Collects blocks of one run into full-length output columns. */
export class SimulationMerger {
  readonly columns: Float64Array[];
  private readonly placed: Placed[] = [];

  constructor(
    private readonly plan: PreparedScenario,
    capacity = plan.iterations,
  ) {
    this.columns = plan.program.outputs.map(() => new Float64Array(capacity));
  }

  /** Copies the block's outputs into place (unless it wrote them there) and keeps its summaries. */
  place(block: BlockResult): void {
    block.outputs.forEach((column, i) => {
      if (column !== this.columns[i]) this.columns[i].set(column.subarray(0, block.trials), block.start);
    });
    const { index, start, trials, achieved, sensitivity, timings } = block;
    this.placed[index] = { index, start, trials, achieved, sensitivity, timings };
  }

  /** Whether blocks 0..index are all in. */
  hasPrefix(index: number): boolean {
    for (let i = 0; i <= index; i++) if (!this.placed[i]) return false;
    return true;
  }

  /** Relative precision of the convergence statistic over the first `trials` trials. */
  precision(trials: number): number {
    const c = this.plan.convergence!;
    return relativePrecision(
      c.confidence,
      c.statistic,
      this.columns[this.plan.program.outputs.indexOf(c.output)].subarray(0, trials),
    );
  }

  /** The simulation over blocks 0..lastIndex, summed in block order. */
  finish(lastIndex: number, convergence?: { converged: boolean; precision: number }): Simulation {
    const blocks = this.placed.slice(0, lastIndex + 1);
    const trials = blocks.reduce((s, b) => s + b.trials, 0);
    const k = this.plan.correlated.length;
    const achieved: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const drivers = this.plan.drivers.length + this.plan.sips.length;
    const sensitivity = this.plan.sensitivity
      ? this.plan.program.outputs.map(() => ({
          spearman: new Array<number>(drivers).fill(0),
          src: new Array<number>(drivers).fill(0),
        }))
      : null;
    const timings: PhaseTimings = { sampleMs: 0, correlateMs: 0, evaluateMs: 0 };
    for (const b of blocks) {
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) achieved[i][j] += b.trials * b.achieved[i][j];
      sensitivity?.forEach((s, o) => {
        for (let d = 0; d < drivers; d++) {
          s.spearman[d] += b.trials * b.sensitivity![o].spearman[d];
          s.src[d] += b.trials * b.sensitivity![o].src[d];
        }
      });
      timings.sampleMs += b.timings.sampleMs;
      timings.correlateMs += b.timings.correlateMs;
      timings.evaluateMs += b.timings.evaluateMs;
    }
    const sim: Simulation = {
      trials,
      outputColumns: this.columns.map((c) => (trials < c.length ? c.subarray(0, trials) : c)),
      achieved: achieved.map((row) => row.map((v) => v / trials)),
      sensitivity:
        sensitivity?.map((s) => ({ spearman: s.spearman.map((v) => v / trials), src: s.src.map((v) => v / trials) })) ??
        null,
      timings,
    };
    if (convergence) Object.assign(sim, convergence);
    return sim;
  }
}

/**
 * Relative half-width of the confidence interval of the mean (normal) or of a percentile
 * (distribution-free, from binomial order statistics), relative to the statistic.
 */
export function relativePrecision(confidence: number, statistic: 'mean' | number, column: Float64Array): number {
  const n = column.length;
  const z = normalQuantile(0.5 + confidence / 200);
  if (statistic === 'mean') {
    let s = 0;
    for (let i = 0; i < n; i++) s += column[i];
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (column[i] - mean) * (column[i] - mean);
    return relativeTo(z * Math.sqrt(ss / (n - 1) / n), mean);
  }
  const p = statistic / 100;
  const spread = z * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.min(100, (100 * (n * p - spread)) / n));
  const hi = Math.max(0, Math.min(100, (100 * (n * p + spread)) / n));
  const [xLo, xP, xHi] = percentiles(column, [lo, statistic, hi]);
  return relativeTo((xHi - xLo) / 2, xP);
}

/**
 * A half-width relative to its statistic. A constant output (half-width 0) has converged, also at 0
 * (0/0 was NaN: never converged, `precision` null in the result); a spread around exactly 0 never
 * converges and reports the largest number rather than Infinity (also null in JSON).
 */
function relativeTo(halfWidth: number, statistic: number): number {
  if (halfWidth === 0) return 0;
  const relative = halfWidth / Math.abs(statistic);
  return Number.isFinite(relative) ? relative : Number.MAX_VALUE;
}
