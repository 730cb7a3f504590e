/**
 * One block of a Monte Carlo run: sample each driver's marginal (LHS or MC), impose the rank
 * correlation (Iman–Conover), evaluate the model, and measure the block's achieved rank correlation
 * and (when asked) the drivers' sensitivities. A block is a pure function of the plan, its index and
 * its size, so blocks can run on any thread in any order and be merged in block order into the same
 * bits (src/scenario/merge.ts).
 *
 * Streams: driver d in block b samples from stream "sample:<d>:<b>", takes its trial order from
 * "order:<d>:<b>" (or, when correlated, its score permutation from "ic:<d>:<b>"), so a driver's
 * samples never depend on the other drivers.
 */
import { blockSensitivity, correlationOfUnits, unitCentre } from './block-sensitivity';
import { evaluateProgram } from './expression/evaluate';
import { imanConoverRanks } from './iman-conover';
import { Matrix } from './matrix';
import { midRanksOfSorted } from './ranks';
import { gather, sortedUniforms } from './sampling';
import { Scratch } from './scratch';
import { sipColumn } from './sip-drivers';
import { SeededGenerator } from '../stats/seeded-generator';
import { PreparedScenario } from './spec';

export interface PhaseTimings {
  sampleMs: number;
  correlateMs: number;
  evaluateMs: number;
}

/** Where a block starts and how many trials it has. */
export interface BlockSlot {
  index: number;
  start: number;
  trials: number;
}

export interface BlockResult extends BlockSlot {
  /** Per output, the block's trial values. */
  outputs: readonly Float64Array[];
  /** Spearman matrix of the correlated drivers within the block (k × k). */
  achieved: Matrix;
  /** Per output, per driver (plan order, then the SIPs): Spearman and SRC within the block; only with `sensitivity`. */
  sensitivity: { spearman: number[]; src: number[] }[] | null;
  timings: PhaseTimings;
}

/**
 * The blocks of a run of `iterations` trials: `blockSize` each, a remainder under 100 trials joining
 * the last block rather than forming a tiny one.
 * @example blockLayout(250, 100) // [{index 0, start 0, trials 100}, {index 1, start 100, trials 150}]
 */
export function blockLayout(iterations: number, blockSize: number): BlockSlot[] {
  const slots: BlockSlot[] = [];
  for (let start = 0, index = 0; start < iterations; index++) {
    const trials = iterations - start - blockSize < 100 ? iterations - start : blockSize;
    slots.push({ index, start, trials });
    start += trials;
  }
  return slots;
}

const now = (): number => globalThis.performance.now();

/** This thread's reusable arrays: blocks on one thread run one after another. */
const scratch = new Scratch();

/** Whether an ascending array holds a value twice. */
function hasTies(sorted: Float64Array): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}

/**
 * Spearman matrix of the correlated drivers in one block: Pearson correlation of their (mid-)ranks.
 * Also each driver's centred, unit-length mid-rank column where it is at hand (a discrete driver's,
 * or one without ties, whose ranks are its mid-ranks): the sensitivities need the same columns.
 */
function blockSpearman(
  plan: PreparedScenario,
  sorted: Float64Array[],
  ranks: Uint32Array[],
  m: number,
): { matrix: Matrix; rankUnits: (Float64Array | undefined)[] } {
  const rankUnits: (Float64Array | undefined)[] = [];
  // Centre and scale each rank column once, so every pair is a single dot product.
  const cols = plan.correlated.map((d) => {
    const discrete = plan.drivers[d].distribution.discrete;
    const table = discrete ? midRanksOfSorted(sorted[d], scratch.float64('spearman:table', m)) : null;
    const r = ranks[d];
    const out = scratch.float64(`spearman:${d}`, m);
    if (table) for (let i = 0; i < m; i++) out[i] = table[r[i]];
    else for (let i = 0; i < m; i++) out[i] = r[i];
    unitCentre(out);
    if (discrete || !hasTies(sorted[d])) rankUnits[d] = out;
    return out;
  });
  return { matrix: correlationOfUnits(cols), rankUnits };
}

/**
 * Runs one block.
 * @param outputs where to write the outputs (one column per output, at `offset`); fresh block-sized
 *   columns when omitted
 * @example simulateBlock(plan, { index: 0, start: 0, trials: 1000 }).outputs[0].length // 1000
 */
export function simulateBlock(
  plan: PreparedScenario,
  slot: BlockSlot,
  outputs?: readonly Float64Array[],
  offset = 0,
): BlockResult {
  const { drivers, program, correlated } = plan;
  const { index: block, trials: m } = slot;
  const timings: PhaseTimings = { sampleMs: 0, correlateMs: 0, evaluateMs: 0 };
  let t = now();
  const sorted = drivers.map((d, i) => {
    const rng = new SeededGenerator(plan.seed, `sample:${d.name.toLowerCase()}:${block}`);
    const u = sortedUniforms(rng, m, plan.sampling, scratch.float64(`sorted:${i}`, m));
    d.distribution.quantiles(u, u);
    return u;
  });
  const isCorrelated = new Set(correlated);
  const ranks: Uint32Array[] = drivers.map((d, i) =>
    isCorrelated.has(i)
      ? new Uint32Array(0)
      : new SeededGenerator(plan.seed, `order:${d.name.toLowerCase()}:${block}`).permutation(
          scratch.uint32(`order:${i}`, m),
        ),
  );
  timings.sampleMs += now() - t;
  t = now();
  let achieved: Matrix = [];
  let rankUnits: (Float64Array | undefined)[] = [];
  if (correlated.length > 0) {
    const streams = correlated.map(
      (d) => new SeededGenerator(plan.seed, `ic:${drivers[d].name.toLowerCase()}:${block}`),
    );
    imanConoverRanks(m, plan.pearsonTarget, streams, scratch).forEach((r, j) => (ranks[correlated[j]] = r));
    ({ matrix: achieved, rankUnits } = blockSpearman(plan, sorted, ranks, m));
  }
  timings.correlateMs += now() - t;
  t = now();
  const columns = drivers.map((_, d) => {
    const column = scratch.float64(`column:${d}`, m);
    gather(sorted[d], ranks[d], column);
    return column;
  });
  // SIP drivers: trial t takes sample t mod n (their joint distribution kept by sample index).
  const inputs = plan.sips.length
    ? [...columns, ...plan.sips.map((s, k) => sipColumn(s.samples, slot.start, m, scratch.float64(`sip:${k}`, m)))]
    : columns;
  timings.sampleMs += now() - t;
  t = now();
  const out = outputs ?? program.outputs.map(() => new Float64Array(m));
  const at = outputs ? offset : 0;
  evaluateProgram(program, inputs, out, m, 0, at);
  timings.evaluateMs += now() - t;
  // SIP drivers (after the sampled ones, as in the model's inputs) are ranked from their columns.
  const sensitivity = plan.sensitivity
    ? blockSensitivity(
        inputs.map((column, d) =>
          d < drivers.length ? { sorted: sorted[d], ranks: ranks[d], column, rankUnit: rankUnits[d] } : { column },
        ),
        out.map((column) => (at === 0 && column.length === m ? column : column.subarray(at, at + m))),
        scratch,
      )
    : null;
  return { ...slot, outputs: out, achieved, sensitivity, timings };
}
