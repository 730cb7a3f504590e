/**
 * The sensitivities of every output of one block at once: the same Spearman coefficients and
 * standardised regression coefficients as `sensitivityValues` (src/scenario/sensitivity.ts), computed
 * from what the block already holds. A driver's mid-ranks come from its sorted sample and its trial
 * order (no sort), and everything about the drivers (their centred, unit-length rank and value
 * columns, their correlation matrix and its Cholesky factor) is computed once per block rather than
 * once per output; each output costs one radix argsort and a dot product per driver. The task pane
 * asks for sensitivities on every run: done per output and per driver, they cost three times the
 * rest of the block (measured on the standard model: 0.9–1.4 s of CPU per 100,000 trials).
 */
import { cholesky, Matrix, solveWithCholesky } from './matrix';
import { midRanksOfSorted } from './ranks';
import { argsort } from './ranks-radix';
import { Scratch } from './scratch';
import type { SensitivityValues } from './sensitivity';

/**
 * One driver of the block: its trial column and, for a sampled driver, its ascending sample and the
 * rank of each trial in it. A driver without them (a SIP driver, whose trials are given) is ranked
 * here by a sort of its column.
 */
export interface BlockDriver {
  column: Float64Array;
  sorted?: Float64Array;
  ranks?: Uint32Array;
  /** Its mid-ranks, `unitCentre`d, when the caller has them already (the block's Spearman matrix does). */
  rankUnit?: Float64Array;
}

/** Whether a driver's trials take more than one value in the block. */
function varies({ sorted, column }: BlockDriver): boolean {
  if (sorted) return sorted[0] !== sorted[sorted.length - 1];
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return true;
  return false;
}

/** Centres `out` on its mean and scales it to unit length (out = (x − x̄)/‖x − x̄‖; 0 when constant). */
export function unitCentre(out: Float64Array): void {
  const n = out.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = (out[i] -= mean);
    ss += v * v;
  }
  const scale = ss > 0 ? 1 / Math.sqrt(ss) : 0;
  for (let i = 0; i < n; i++) out[i] *= scale;
}

/** Σ x·y: the Pearson correlation of two `unitCentre`d columns. */
export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/**
 * `dot(x, ys[j])` for every j, into `out[j]`: to the bit the same sums (each in index order), four
 * at a time in one pass over `x`. A lone dot product waits for its own running sum at every element
 * (an addition's latency, about four cycles); four independent sums keep the adder busy, which made
 * a block's 230 dot products (Spearman matrix, regression, sensitivities) about three times faster.
 * @example dots(Float64Array.of(1, 2), [Float64Array.of(3, 4), Float64Array.of(1, 0)]) // [11, 1]
 */
export function dots(
  x: Float64Array,
  ys: readonly Float64Array[],
  out: number[] = new Array<number>(ys.length),
): number[] {
  const n = x.length;
  for (let j = 0; j < ys.length; j += 4) {
    // Past the last column, `x` stands in: its sums cost no more time and are not kept.
    const a = ys[j];
    const b = ys[j + 1] ?? x;
    const c = ys[j + 2] ?? x;
    const d = ys[j + 3] ?? x;
    let sa = 0;
    let sb = 0;
    let sc = 0;
    let sd = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      sa += v * a[i];
      sb += v * b[i];
      sc += v * c[i];
      sd += v * d[i];
    }
    out[j] = sa;
    if (j + 1 < ys.length) out[j + 1] = sb;
    if (j + 2 < ys.length) out[j + 2] = sc;
    if (j + 3 < ys.length) out[j + 3] = sd;
  }
  return out;
}

/**
 * The Pearson correlation matrix of `unitCentre`d columns (1 on the diagonal): each row's products
 * by `dots`, so every entry is `dot(columns[a], columns[b])` to the bit.
 */
export function correlationOfUnits(columns: readonly Float64Array[]): Matrix {
  const k = columns.length;
  const matrix: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let a = 0; a + 1 < k; a++) {
    const row = dots(columns[a], columns.slice(a + 1));
    for (let b = a + 1; b < k; b++) matrix[a][b] = matrix[b][a] = row[b - a - 1];
  }
  return matrix;
}

/**
 * Mid-ranks of `values` (ties averaged) into `out`, with arrays from `scratch`: in one pass over the
 * sorted order, each run of equal values given the mean of its positions (0.5·(first + last), as
 * `midRanksOfSorted` gives it), without writing the sorted values out first.
 */
function midRanksInto(values: Float64Array, out: Float64Array, scratch: Scratch): void {
  const n = values.length;
  const order = argsort(values, 'full', scratch);
  let start = 0;
  while (start < n) {
    const first = values[order[start]];
    let end = start + 1;
    while (end < n && values[order[end]] === first) end++;
    const value = 0.5 * (start + end - 1);
    for (let p = start; p < end; p++) out[order[p]] = value;
    start = end;
  }
}

/**
 * Per output (in order), per driver (in order): Spearman with the output and the SRC. A constant
 * driver gets 0 for both; a constant output gets 0 everywhere.
 * @param outputs the block's output columns (each as long as the drivers' columns)
 * @example blockSensitivity([{ sorted, ranks, column }], [y]) // [{ spearman: [1], src: [1] }] when y = 2·column + 3
 */
export function blockSensitivity(
  drivers: readonly BlockDriver[],
  outputs: readonly Float64Array[],
  scratch: Scratch = new Scratch(),
): SensitivityValues[] {
  const n = drivers.length ? drivers[0].column.length : 0;
  const active = drivers.map((_, d) => d).filter((d) => varies(drivers[d]));
  const rankUnits = active.map((d) => {
    const { sorted, ranks, column, rankUnit } = drivers[d];
    if (rankUnit) return rankUnit;
    const out = scratch.float64(`block-sensitivity:rank:${d}`, n);
    if (sorted && ranks) {
      const table = midRanksOfSorted(sorted, scratch.float64('block-sensitivity:table', n));
      for (let i = 0; i < n; i++) out[i] = table[ranks[i]];
    } else midRanksInto(column, out, scratch);
    unitCentre(out);
    return out;
  });
  const valueUnits = active.map((d) => {
    const out = scratch.float64(`block-sensitivity:value:${d}`, n);
    out.set(drivers[d].column);
    unitCentre(out);
    return out;
  });
  const k = active.length;
  const rxx = correlationOfUnits(valueUnits);
  let l = k > 0 ? cholesky(rxx) : null;
  // Collinear drivers: a tiny ridge keeps the system solvable.
  for (let ridge = 1e-10; k > 0 && !l && ridge < 1; ridge *= 100)
    l = cholesky(rxx.map((row, a) => row.map((v, b) => (a === b ? v + ridge : v))));
  const outRanks = scratch.float64('block-sensitivity:output-ranks', n);
  const outValues = scratch.float64('block-sensitivity:output-values', n);
  return outputs.map((output) => {
    const spearman = new Array<number>(drivers.length).fill(0);
    const src = new Array<number>(drivers.length).fill(0);
    let flat = true;
    for (let i = 1; i < n && flat; i++) flat = output[i] === output[0];
    if (flat || k === 0) return { spearman, src };
    midRanksInto(output, outRanks, scratch);
    unitCentre(outRanks);
    outValues.set(output);
    unitCentre(outValues);
    const rankProducts = dots(outRanks, rankUnits);
    active.forEach((d, a) => (spearman[d] = rankProducts[a]));
    if (l) {
      const b = solveWithCholesky(l, dots(outValues, valueUnits));
      active.forEach((d, a) => (src[d] = b[a]));
    }
    return { spearman, src };
  });
}
