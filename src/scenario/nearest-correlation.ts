/**
 * Validation of a target correlation matrix and repair of a non-positive-definite one.
 *
 * Repair: Higham's alternating projections with Dykstra's correction, "Computing the nearest
 * correlation matrix — a problem from finance", IMA J. Numer. Anal. 22 (2002) 329–343. It finds
 * the correlation matrix nearest in Frobenius norm, alternating between the positive semidefinite
 * cone (clip negative eigenvalues) and the unit-diagonal set. A small floor on the eigenvalues keeps
 * the result strictly positive definite so Cholesky succeeds.
 */
import { ScenarioErrors } from './errors';
import { cholesky, Matrix, symmetricEigen, symmetricEigenRows } from './matrix';

/**
 * Checks shape, symmetry, unit diagonal and entries in [−1, 1].
 * @throws SCENARIO_BAD_CORRELATION naming the first offending cell
 */
export function checkCorrelationMatrix(m: Matrix, names: readonly string[]): void {
  const k = names.length;
  if (m.length !== k || m.some((row) => row.length !== k)) {
    throw ScenarioErrors.badCorrelation(`the matrix must be ${k} × ${k} to match its ${k} names.`);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = m[i][j];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw ScenarioErrors.badCorrelation(`the entry for ${names[i]} × ${names[j]} is not a number.`);
      if (i === j && Math.abs(v - 1) > 1e-9)
        throw ScenarioErrors.badCorrelation(`the diagonal entry for ${names[i]} must be 1; got ${v}.`);
      if (Math.abs(v) > 1)
        throw ScenarioErrors.badCorrelation(
          `the entry for ${names[i]} × ${names[j]} must be between -1 and 1; got ${v}.`,
        );
      if (Math.abs(v - m[j][i]) > 1e-9)
        throw ScenarioErrors.badCorrelation(
          `the matrix is not symmetric at ${names[i]} × ${names[j]} (${v} vs ${m[j][i]}).`,
        );
    }
  }
}

function projectPsd(a: Matrix, floor: number): Matrix {
  const { values, vectors } = symmetricEigen(a);
  const k = a.length;
  const clipped = values.map((v) => Math.max(v, floor));
  const out: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += vectors[i][p] * clipped[p] * vectors[j][p];
      out[i][j] = out[j][i] = s;
    }
  return out;
}

/**
 * Decimals a repaired matrix and its largest change are written with, in the pane and in the run's
 * warning alike (the change is 0.400 under entries of 0.500); an entry that moves by half of the last
 * decimal reads as changed.
 */
export const REPAIRED_DECIMALS = 3;

export interface RepairResult {
  matrix: Matrix;
  /** False when the input was already positive definite (and is returned unchanged). */
  repaired: boolean;
  /** Largest absolute change of any entry. */
  maxChange: number;
  /** Projections onto the positive semidefinite cone the repair made (only when repaired). */
  iterations?: number;
}

/**
 * Up to this many drivers the repair runs as it always has, cyclic Jacobi eigen-decompositions inside
 * plain Dykstra iterations, so the repaired matrix of an existing workbook keeps its bits; it is
 * already fast there (a far-from-valid 30-driver target: 44 projections, 0.16 s CPU). Above it the
 * `'accelerated'` path, whose matrix differs from Jacobi's by ~1e-10 (invisible at
 * REPAIRED_DECIMALS): the same projections with the Householder + QL eigen-solver (18× faster than
 * Jacobi at 200 drivers) and Anderson acceleration (Higham & Strabić 2016; 53 → 19 projections at
 * 50 drivers). Every repair above 32 drivers moved by that ~1e-10 (from 100 on they took minutes).
 * 32 is also where the interim Householder + QL path inside `symmetricEigen` (b35aaeb) began.
 */
export const JACOBI_REPAIR_MAX_DRIVERS = 32;

/** `'jacobi'`: the original path; `'accelerated'`: QL eigen-solver with Anderson acceleration. */
export type RepairMethod = 'jacobi' | 'accelerated';

/** Iteration cap of both paths; a final rescaled projection guarantees a valid result after it. */
const MAX_ITERATIONS = 500;
/** Convergence: no entry of the unit-diagonal iterate moved more than this in the last projection. */
const TOLERANCE = 1e-10;

/**
 * Returns the matrix unchanged when positive definite, otherwise the nearest correlation matrix.
 * @param method defaults by size: `'jacobi'` up to `JACOBI_REPAIR_MAX_DRIVERS` drivers
 * @example nearestCorrelation([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]).repaired // true
 */
export function nearestCorrelation(
  target: Matrix,
  floor = 1e-6,
  method: RepairMethod = target.length <= JACOBI_REPAIR_MAX_DRIVERS ? 'jacobi' : 'accelerated',
): RepairResult {
  if (cholesky(target)) return { matrix: target.map((r) => r.slice()), repaired: false, maxChange: 0 };
  const k = target.length;
  const solved = method === 'jacobi' ? dykstraJacobi(target, floor) : dykstraAnderson(target, floor);
  let y = solved.y;
  // Final guard: a last projection with unit-diagonal rescaling guarantees positive definiteness.
  if (!cholesky(y)) {
    const p = projectPsd(y, floor);
    y = p.map((row, i) => row.map((v, j) => v / Math.sqrt(p[i][i] * p[j][j])));
  }
  let maxChange = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) maxChange = Math.max(maxChange, Math.abs(y[i][j] - target[i][j]));
  return { matrix: y, repaired: true, maxChange, iterations: solved.iterations };
}

/** Higham (2002) as first written: each projection a Jacobi eigen-decomposition. */
function dykstraJacobi(target: Matrix, floor: number): { y: Matrix; iterations: number } {
  const k = target.length;
  let y = target.map((r) => r.slice());
  let correction: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let iter = 0;
  while (iter < MAX_ITERATIONS) {
    iter++;
    const r = y.map((row, i) => row.map((v, j) => v - correction[i][j]));
    const x = projectPsd(r, floor);
    correction = x.map((row, i) => row.map((v, j) => v - r[i][j]));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let diff = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) diff = Math.max(diff, Math.abs(next[i][j] - y[i][j]));
    y = next;
    if (diff < TOLERANCE && cholesky(y)) break;
  }
  return { y, iterations: iter };
}

/** X = V·diag(max(λ, floor))·Vᵀ of the flat symmetric k × k matrix r, written into x. */
function projectPsdFlat(r: Float64Array, k: number, floor: number, x: Float64Array): void {
  const { values, rows } = symmetricEigenRows(r.slice(), k);
  x.fill(0);
  for (let p = 0; p < k; p++) {
    const lambda = Math.max(values[p], floor);
    const rp = p * k;
    for (let i = 0; i < k; i++) {
      const w = lambda * rows[rp + i];
      if (w === 0) continue;
      const ri = i * k;
      for (let j = i; j < k; j++) x[ri + j] += w * rows[rp + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) x[j * k + i] = x[i * k + j];
}

/**
 * Number of earlier steps Anderson acceleration mixes. Higham & Strabić default to 2; here a step
 * costs one eigen-decomposition and the history only O(k) (the iteration lives on the diagonal), so
 * more pays: far-from-valid targets (seed 1) at 50/100/200 drivers take 26/37/36 projections with 2,
 * 19/23/24 with 8, 18/21/21 with 12.
 */
const ANDERSON_HISTORY = 8;

/**
 * Dykstra's iteration written as a fixed point of R = Y − ΔS alone (the next R depends on nothing
 * else): X = P_psd(R), Y = P_unit(X), g(R) = R + Y − X. The step Y − X is diagonal, so R keeps the
 * target's off-diagonal entries throughout and the iteration lives in R's diagonal d: R = A + diag(d),
 * g(d) = d + 1 − diag(X) (it is gradient ascent on the dual of the problem, with step 1). Any fixed
 * point gives the nearest correlation matrix: X ⪰ floor·I, diag(X) = 1, A − X = −(R − X) + diag(·).
 * Anderson acceleration (Higham & Strabić, "Anderson acceleration of the alternating projections
 * method for computing the nearest correlation matrix", Numer. Algorithms 72 (2016)) takes
 * d ← g − ΔG·γ, γ the least-squares fit of the residual f = g(d) − d by its last differences. An
 * accelerated step whose residual is larger than the last accepted one's is rejected for the plain
 * step from that point and the history cleared: unguarded, a history of 3 or more drove d far
 * negative on "all ones but three −0.5" targets (X = floor·I, Y = I repeated, 500 iterations).
 * It stops as the Jacobi path does (the unit-diagonal iterate moved less than TOLERANCE) once the
 * residual (the distance of X's diagonal from 1) is below TOLERANCE too.
 */
function dykstraAnderson(target: Matrix, floor: number): { y: Matrix; iterations: number } {
  const k = target.length;
  const size = k * k;
  const r = new Float64Array(size);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) r[i * k + j] = target[i][j];
  const base = target.map((row, i) => row[i]);
  const d = new Float64Array(k);
  const x = new Float64Array(size);
  let y = r.slice();
  const f = new Float64Array(k);
  const g = new Float64Array(k);
  let accepted: { g: Float64Array; f: Float64Array; residual: number } | null = null;
  const dG: Float64Array[] = [];
  const dF: Float64Array[] = [];
  let iter = 0;
  while (iter < MAX_ITERATIONS) {
    iter++;
    for (let i = 0; i < k; i++) r[i * k + i] = base[i] + d[i];
    projectPsdFlat(r, k, floor, x);
    let residual = 0;
    for (let i = 0; i < k; i++) {
      f[i] = 1 - x[i * k + i];
      residual = Math.max(residual, Math.abs(f[i]));
    }
    if (accepted && dG.length > 0 && residual > accepted.residual) {
      // Rejected: the plain step from the last accepted point, and a fresh history.
      dG.length = 0;
      dF.length = 0;
      d.set(accepted.g);
      continue;
    }
    let diff = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const v = i === j ? 1 : x[i * k + j];
        diff = Math.max(diff, Math.abs(v - y[i * k + j]));
      }
    y = x.slice();
    for (let i = 0; i < k; i++) y[i * k + i] = 1;
    // An extrapolated d can repeat Y (e.g. the identity, from an R far from the cone) without being
    // a fixed point: stop only when the fixed point's residual is as small as the step.
    if (diff < TOLERANCE && residual < TOLERANCE && cholesky(toMatrix(y, k))) break;
    for (let i = 0; i < k; i++) g[i] = d[i] + f[i];
    if (accepted) {
      if (dG.length === ANDERSON_HISTORY) {
        dG.shift();
        dF.shift();
      }
      const previous = accepted;
      dG.push(g.map((v, i) => v - previous.g[i]));
      dF.push(f.map((v, i) => v - previous.f[i]));
    }
    accepted = { g: g.slice(), f: f.slice(), residual };
    const gamma = leastSquares(dF, f);
    d.set(g);
    for (let c = 0; c < gamma.length; c++) for (let i = 0; i < k; i++) d[i] -= gamma[c] * dG[c][i];
  }
  return { y: toMatrix(y, k), iterations: iter };
}

function toMatrix(flat: Float64Array, k: number): Matrix {
  return Array.from({ length: k }, (_, i) => Array.from(flat.subarray(i * k, i * k + k)));
}

/**
 * γ minimising ‖f − Σ γ_c·columns[c]‖₂ by modified Gram–Schmidt on the (at most
 * ANDERSON_HISTORY) columns; a column dependent on the earlier ones gets γ = 0.
 */
function leastSquares(columns: readonly Float64Array[], f: Float64Array): number[] {
  const m = columns.length;
  const q = columns.map((c) => c.slice());
  const rr: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const used: boolean[] = [];
  for (let c = 0; c < m; c++) {
    const original = Math.sqrt(q[c].reduce((s, v) => s + v * v, 0));
    for (let p = 0; p < c; p++) {
      if (!used[p]) continue;
      let dot = 0;
      for (let i = 0; i < f.length; i++) dot += q[p][i] * q[c][i];
      rr[p][c] = dot;
      for (let i = 0; i < f.length; i++) q[c][i] -= dot * q[p][i];
    }
    const norm = Math.sqrt(q[c].reduce((s, v) => s + v * v, 0));
    used[c] = norm > 1e-12 * original && norm > 0;
    rr[c][c] = norm;
    if (used[c]) for (let i = 0; i < f.length; i++) q[c][i] /= norm;
  }
  const rhs = q.map((column, c) => (used[c] ? column.reduce((s, v, i) => s + v * f[i], 0) : 0));
  const gamma = new Array<number>(m).fill(0);
  for (let c = m - 1; c >= 0; c--) {
    if (!used[c]) continue;
    let s = rhs[c];
    for (let p = c + 1; p < m; p++) s -= rr[c][p] * gamma[p];
    gamma[c] = s / rr[c][c];
  }
  return gamma;
}
