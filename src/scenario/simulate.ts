/**
 * The simulation loop: block by block, sample each driver's marginal (LHS or MC), impose the rank
 * correlation (Iman–Conover), evaluate the model, and check the convergence rule. It is a
 * generator that yields after every block, so the same code runs synchronously (CLI, custom
 * functions) or cooperatively with progress and cancellation (Web Worker).
 *
 * Streams: driver d in block b samples from stream "sample:<d>:<b>", takes its trial order from
 * "order:<d>:<b>" (or, when correlated, its score permutation from "ic:<d>:<b>"), so a driver's
 * samples never depend on the other drivers.
 */
import { evaluateProgram } from './expression/evaluate';
import { imanConoverRanks, spearmanToPearson } from './iman-conover';
import { Matrix } from './matrix';
import { SeededGenerator } from '../stats/seeded-generator';
import { midRanksOfSorted } from './ranks';
import { gather, sortedSample } from './sampling';
import { percentiles } from '../stats/percentiles';
import { normalQuantile } from '../stats/normal-quantile';
import { PreparedScenario } from './spec';

export interface PhaseTimings {
  sampleMs: number;
  correlateMs: number;
  evaluateMs: number;
}

export interface Simulation {
  /** Trials run (less than the maximum when the convergence rule stopped early). */
  trials: number;
  /** Per output, the trial values (length `trials`). */
  outputColumns: Float64Array[];
  /** Per driver, the trial values; only kept when sensitivity was requested. */
  driverColumns: Float64Array[] | null;
  /** Spearman correlation achieved among the correlated drivers (trial-weighted mean over blocks). */
  achieved: Matrix;
  timings: PhaseTimings;
  /** Present only with a convergence rule: whether it was met before the maximum. */
  converged?: boolean;
  /** Relative half-width reached by the convergence statistic. */
  precision?: number;
}

export interface Progress {
  done: number;
  total: number;
}

const now = (): number => globalThis.performance.now();

function relativePrecision(plan: PreparedScenario, column: Float64Array): number {
  const c = plan.convergence!;
  const n = column.length;
  const z = normalQuantile(0.5 + c.confidence / 200);
  if (c.statistic === 'mean') {
    let s = 0;
    for (let i = 0; i < n; i++) s += column[i];
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (column[i] - mean) * (column[i] - mean);
    return (z * Math.sqrt(ss / (n - 1) / n)) / Math.abs(mean);
  }
  // Distribution-free interval for a quantile from binomial order statistics.
  const p = c.statistic / 100;
  const spread = z * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.min(100, (100 * (n * p - spread)) / n));
  const hi = Math.max(0, Math.min(100, (100 * (n * p + spread)) / n));
  const [xLo, xP, xHi] = percentiles(column, [lo, c.statistic, hi]);
  return (xHi - xLo) / 2 / Math.abs(xP);
}

/** Spearman matrix of the correlated drivers in one block: Pearson correlation of their (mid-)ranks. */
function blockSpearman(plan: PreparedScenario, sorted: Float64Array[], ranks: Uint32Array[], m: number): Matrix {
  // Centre and scale each rank column once, so every pair is a single dot product.
  const cols = plan.correlated.map((d) => {
    const table = plan.drivers[d].distribution.discrete ? midRanksOfSorted(sorted[d]) : null;
    const r = ranks[d];
    const out = new Float64Array(m);
    let sum = 0;
    for (let i = 0; i < m; i++) sum += out[i] = table ? table[r[i]] : r[i];
    const mean = sum / m;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const v = (out[i] -= mean);
      ss += v * v;
    }
    const scale = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let i = 0; i < m; i++) out[i] *= scale;
    return out;
  });
  const k = cols.length;
  const matrix: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const x = cols[i];
      const y = cols[j];
      let dot = 0;
      for (let t = 0; t < m; t++) dot += x[t] * y[t];
      matrix[i][j] = matrix[j][i] = dot;
    }
  return matrix;
}

/**
 * Runs the plan; yields progress after each block and returns the simulation.
 * @example for (const p of simulate(plan)) {} // synchronous use; see runScenario
 */
export function* simulate(plan: PreparedScenario): Generator<Progress, Simulation> {
  const { drivers, program, correlated, iterations: max, blockSize } = plan;
  const k = correlated.length;
  const pearsonTarget = k > 0 ? spearmanToPearson(plan.spearmanTarget) : [];
  const outputs = program.outputs.map(() => new Float64Array(max));
  const keepDrivers = plan.sensitivity;
  const bufferSize = Math.min(max, blockSize + 99);
  const columns = drivers.map(() => new Float64Array(keepDrivers ? max : bufferSize));
  const achievedSum: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const timings: PhaseTimings = { sampleMs: 0, correlateMs: 0, evaluateMs: 0 };
  const isCorrelated = new Set(correlated);
  let done = 0;
  let converged: boolean | undefined;
  let precision: number | undefined;
  for (let block = 0; done < max; block++) {
    // A remainder under 100 trials joins this block rather than forming a tiny one.
    const m = max - done - blockSize < 100 ? max - done : blockSize;
    let t = now();
    const sorted = drivers.map((d) =>
      sortedSample(
        d.distribution,
        new SeededGenerator(plan.seed, `sample:${d.name.toLowerCase()}:${block}`),
        m,
        plan.sampling,
      ),
    );
    const ranks: Uint32Array[] = drivers.map((d, i) =>
      isCorrelated.has(i)
        ? new Uint32Array(0)
        : new SeededGenerator(plan.seed, `order:${d.name.toLowerCase()}:${block}`).permutation(new Uint32Array(m)),
    );
    timings.sampleMs += now() - t;
    t = now();
    if (k > 0) {
      const streams = correlated.map(
        (d) => new SeededGenerator(plan.seed, `ic:${drivers[d].name.toLowerCase()}:${block}`),
      );
      imanConoverRanks(m, pearsonTarget, streams).forEach((r, j) => (ranks[correlated[j]] = r));
      const achieved = blockSpearman(plan, sorted, ranks, m);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) achievedSum[i][j] += m * achieved[i][j];
    }
    timings.correlateMs += now() - t;
    t = now();
    const offset = keepDrivers ? done : 0;
    drivers.forEach((_, d) => gather(sorted[d], ranks[d], columns[d], offset));
    timings.sampleMs += now() - t;
    t = now();
    evaluateProgram(program, columns, outputs, m, offset, done);
    timings.evaluateMs += now() - t;
    done += m;
    if (plan.convergence) {
      const column = outputs[program.outputs.indexOf(plan.convergence.output)].subarray(0, done);
      precision = relativePrecision(plan, column);
      converged = precision <= plan.convergence.target;
      if (converged) break;
    }
    yield { done, total: max };
  }
  return {
    trials: done,
    outputColumns: outputs.map((o) => (done < max ? o.subarray(0, done) : o)),
    driverColumns: keepDrivers ? columns.map((c) => (done < max ? c.subarray(0, done) : c)) : null,
    achieved: achievedSum.map((row) => row.map((v) => v / done)),
    timings,
    converged,
    precision,
  };
}
