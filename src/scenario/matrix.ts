/**
 * Small dense symmetric-matrix routines for k × k correlation matrices (k = number of drivers):
 * Cholesky factorisation, triangular solves, and the Jacobi eigen-decomposition Higham's method
 * needs. Matrices are arrays of rows.
 */
export type Matrix = number[][];

export function identity(k: number): Matrix {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
}

/** Lower-triangular L with A = L·Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(a: Matrix): Matrix | null {
  const k = a.length;
  const l: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let p = 0; p < j; p++) s -= l[i][p] * l[j][p];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  return l;
}

/** x with L·Lᵀ·x = b, for L from `cholesky` (forward then back substitution). */
export function solveWithCholesky(l: Matrix, b: readonly number[]): number[] {
  const k = l.length;
  const y = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= l[i][j] * y[j];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < k; j++) s -= l[j][i] * x[j];
    x[i] = s / l[i][i];
  }
  return x;
}

/** Inverse of a lower-triangular matrix. */
export function invertLower(l: Matrix): Matrix {
  const k = l.length;
  const inv: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    inv[j][j] = 1 / l[j][j];
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let p = j; p < i; p++) s -= l[i][p] * inv[p][j];
      inv[i][j] = s / l[i][i];
    }
  }
  return inv;
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b[0].length;
  const inner = b.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++)
    for (let p = 0; p < inner; p++) {
      const aip = a[i][p];
      for (let j = 0; j < m; j++) out[i][j] += aip * b[p][j];
    }
  return out;
}

export function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan §8.5):
 * A = V·diag(values)·Vᵀ, with eigenvectors in the columns of V.
 */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: Matrix } {
  const k = a.length;
  const m = a.map((row) => row.slice());
  const v = identity(k);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += m[i][j] * m[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r][p];
          const mrq = m[r][q];
          m[r][p] = c * mrp - s * mrq;
          m[r][q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p][r];
          const mqr = m[q][r];
          m[p][r] = c * mpr - s * mqr;
          m[q][r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}
