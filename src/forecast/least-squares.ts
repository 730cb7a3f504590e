/**
 * Ordinary least squares by the normal equations with partial-pivot Gaussian elimination; fine for
 * the handful of well-scaled columns used to start ETS states. `columns[j][t]` is regressor j at t.
 * Returns the coefficients, or zeros for a singular design.
 * @example leastSquares([[1, 1, 1], [1, 2, 3]], [2, 4, 6]) // [0, 2]
 */
export function leastSquares(columns: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number>): Float64Array {
  const k = columns.length;
  const n = y.length;
  const a = Array.from({ length: k }, () => new Float64Array(k + 1));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += columns[i][t] * columns[j][t];
      a[i][j] = s;
    }
    let s = 0;
    for (let t = 0; t < n; t++) s += columns[i][t] * y[t];
    a[i][k] = s;
  }
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    if (Math.abs(a[c][c]) < 1e-300) return new Float64Array(k);
    for (let r = c + 1; r < k; r++) {
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= k; j++) a[r][j] -= f * a[c][j];
    }
  }
  const beta = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = a[i][k];
    for (let j = i + 1; j < k; j++) s -= a[i][j] * beta[j];
    beta[i] = s / a[i][i];
  }
  return beta;
}
