/**
 * The metalog distribution (Keelin 2016, "The Metalog Distributions", Decision Analysis 13(4)), the
 * quantile function SIPmath 3.0 libraries carry (`Metalog_1_0`). With y in (0, 1) and L = ln(y/(1−y)):
 *
 *   M(y) = a1 + a2·L + a3·(y−½)·L + a4·(y−½) + a5·(y−½)² + a6·(y−½)²·L + a7·(y−½)³ + …
 *
 * (odd terms k ≥ 5: (y−½)^((k−1)/2); even terms k ≥ 6: (y−½)^(k/2−1)·L), and the quantile is M(y)
 * unbounded, lower + e^M with a lower bound, upper − e^(−M) with an upper bound, and
 * (lower + upper·e^M)/(1 + e^M) with both. Fitted by least squares on the empirical quantiles
 * (y_i = (i − ½)/n), as Keelin §3 and the metalog packages do; the number of terms is the smallest
 * from 2 to 16 whose quantile function is increasing and fits within 0.5% of the data's spread.
 */
import { detExp, detLog } from '../../stats/deterministic-math';
import { cholesky, Matrix, solveWithCholesky } from '../matrix';

export interface Metalog {
  /** Coefficients a1…ak. */
  a: number[];
  lowerBound?: number;
  upperBound?: number;
}

/** The k-th basis function (1-based) at y. */
export function metalogBasis(k: number, y: number): number {
  const c = y - 0.5;
  if (k === 1) return 1;
  const logit = detLog(y / (1 - y));
  if (k === 2) return logit;
  if (k === 3) return c * logit;
  if (k === 4) return c;
  let power = 1;
  const exponent = k % 2 === 1 ? (k - 1) / 2 : k / 2 - 1;
  for (let j = 0; j < exponent; j++) power *= c;
  return k % 2 === 1 ? power : power * logit;
}

/** M(y) before the bounds' transform. */
function metalogCore(y: number, a: readonly number[]): number {
  let m = 0;
  for (let k = 1; k <= a.length; k++) m += a[k - 1] * metalogBasis(k, y);
  return m;
}

/**
 * The quantile at y in (0, 1).
 * @example metalogQuantile(0.5, { a: [10, 2] }) // 10
 */
export function metalogQuantile(y: number, m: Metalog): number {
  const core = metalogCore(y, m.a);
  const { lowerBound: lo, upperBound: hi } = m;
  if (lo !== undefined && hi !== undefined) {
    const e = detExp(core);
    return Number.isFinite(e) ? (lo + hi * e) / (1 + e) : hi;
  }
  if (lo !== undefined) return lo + detExp(core);
  if (hi !== undefined) return hi - detExp(-core);
  return core;
}

/** Least squares by the normal equations (k ≤ 16 columns, well conditioned on these bases). */
function leastSquares(rows: Float64Array[], z: Float64Array, k: number): number[] | null {
  const ata: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atz = new Array<number>(k).fill(0);
  for (let i = 0; i < z.length; i++) {
    const r = rows[i];
    for (let p = 0; p < k; p++) {
      atz[p] += r[p] * z[i];
      for (let q = 0; q <= p; q++) ata[p][q] += r[p] * r[q];
    }
  }
  for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) ata[q][p] = ata[p][q];
  const l = cholesky(ata);
  return l ? solveWithCholesky(l, atz) : null;
}

/** Whether M is increasing on a fine grid of (0, 1) (a metalog with a decreasing stretch is no distribution). */
function isIncreasing(a: readonly number[]): boolean {
  let previous = -Infinity;
  for (let i = 1; i < 1000; i++) {
    const m = metalogCore(i / 1000, a);
    if (!(m > previous)) return false;
    previous = m;
  }
  return metalogCore(1e-6, a) < metalogCore(0.001, a) && metalogCore(0.999, a) < metalogCore(1 - 1e-6, a);
}

export interface MetalogFit extends Metalog {
  /** Largest |fitted − empirical| quantile over the data, relative to the data's range. */
  maxError: number;
}

/**
 * Fits a metalog to data.
 * @param values the data (any order; at least 3 finite values with some spread)
 * @param bounds optional lower and upper bounds (every value must lie strictly inside them)
 * @param tolerance largest quantile error accepted, relative to the data's range @default 0.005
 * @returns the fit with the fewest terms (2…16) that is increasing and within tolerance, else the
 *   increasing fit with the smallest error
 * @throws Error when no number of terms gives an increasing quantile function
 */
export function fitMetalog(
  values: Float64Array,
  bounds: { lowerBound?: number; upperBound?: number } = {},
  tolerance = 0.005,
): MetalogFit {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  const { lowerBound: lo, upperBound: hi } = bounds;
  const z = x.map((v) =>
    lo !== undefined && hi !== undefined
      ? detLog((v - lo) / (hi - v))
      : lo !== undefined
        ? detLog(v - lo)
        : hi !== undefined
          ? -detLog(hi - v)
          : v,
  );
  const range = x[n - 1] - x[0] || 1;
  // Fit on at most 2,000 evenly spaced order statistics: the quantile function, not every trial.
  const step = Math.max(1, Math.floor(n / 2000));
  const picks: number[] = [];
  for (let i = Math.floor(step / 2); i < n; i += step) picks.push(i);
  const ys = picks.map((i) => (i + 0.5) / n);
  const rows = ys.map((y) => Float64Array.from({ length: 16 }, (_, k) => metalogBasis(k + 1, y)));
  const zs = Float64Array.from(picks, (i) => z[i]);
  let best: MetalogFit | null = null;
  for (let k = 2; k <= 16; k++) {
    const a = leastSquares(rows, zs, k);
    if (!a || !isIncreasing(a)) continue;
    const m: Metalog = { a, lowerBound: lo, upperBound: hi };
    let maxError = 0;
    picks.forEach((i, j) => (maxError = Math.max(maxError, Math.abs(metalogQuantile(ys[j], m) - x[i]) / range)));
    const fit: MetalogFit = { ...m, maxError };
    if (!best || maxError < best.maxError) best = fit;
    if (maxError <= tolerance) return fit;
  }
  if (!best) throw new Error('no metalog with 2 to 16 terms is increasing on these data');
  return best;
}
