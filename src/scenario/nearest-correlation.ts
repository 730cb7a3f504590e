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
import { cholesky, Matrix, symmetricEigen } from './matrix';

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
}

/**
 * Returns the matrix unchanged when positive definite, otherwise the nearest correlation matrix.
 * @example nearestCorrelation([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]).repaired // true
 */
export function nearestCorrelation(target: Matrix, floor = 1e-6): RepairResult {
  if (cholesky(target)) return { matrix: target.map((r) => r.slice()), repaired: false, maxChange: 0 };
  const k = target.length;
  let y = target.map((r) => r.slice());
  let correction: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let iter = 0; iter < 500; iter++) {
    const r = y.map((row, i) => row.map((v, j) => v - correction[i][j]));
    const x = projectPsd(r, floor);
    correction = x.map((row, i) => row.map((v, j) => v - r[i][j]));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let diff = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) diff = Math.max(diff, Math.abs(next[i][j] - y[i][j]));
    y = next;
    if (diff < 1e-10 && cholesky(y)) break;
  }
  // Final guard: a last projection with unit-diagonal rescaling guarantees positive definiteness.
  if (!cholesky(y)) {
    const p = projectPsd(y, floor);
    y = p.map((row, i) => row.map((v, j) => v / Math.sqrt(p[i][i] * p[j][j])));
  }
  let maxChange = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) maxChange = Math.max(maxChange, Math.abs(y[i][j] - target[i][j]));
  return { matrix: y, repaired: true, maxChange };
}
