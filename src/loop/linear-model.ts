/**
 * Least squares with optional Gaussian shrinkage, the workhorse of the KPI response estimate.
 *
 * Minimises ‖y − Xβ‖² + Σⱼ λⱼβⱼ²: with every λⱼ = 0 this is ordinary least squares; λⱼ = σ²/τⱼ² makes
 * β̂ the posterior mean under independent priors βⱼ ~ Normal(0, τⱼ²) (ridge regression as a Bayesian
 * estimate: Hoerl & Kennard 1970; Gelman et al., Bayesian Data Analysis, 3rd ed., §14.8).
 * Columns are scaled to unit root-mean-square before the normal equations are solved by Cholesky, so
 * spend in millions and a time index in units sit side by side without loss of precision.
 */

export interface LinearFit {
  /** Coefficients, one per column. */
  beta: Float64Array;
  /** σ̂²(XᵀX + Λ)⁻¹: the covariance of β̂ (for OLS the usual one; with shrinkage, the posterior's given σ̂²). */
  covariance: Float64Array[];
  /** Residual sum of squares. */
  rss: number;
  /** Residual degrees of freedom n − k. */
  df: number;
  /** σ̂² = rss / df (NaN when df ≤ 0). */
  sigma2: number;
  n: number;
}

/** Cholesky factor L (lower) of a symmetric positive definite matrix, or undefined when it is singular. */
function cholesky(a: Float64Array[]): Float64Array[] | undefined {
  const k = a.length;
  const l = a.map(() => new Float64Array(k));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      if (i === j) {
        if (!(s > 1e-12 * Math.max(1, a[i][i]))) return undefined;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** Inverse of a matrix from its Cholesky factor. */
function inverseFromCholesky(l: Float64Array[]): Float64Array[] {
  const k = l.length;
  const inv = l.map(() => new Float64Array(k));
  for (let c = 0; c < k; c++) {
    const z = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let s = i === c ? 1 : 0;
      for (let m = 0; m < i; m++) s -= l[i][m] * z[m];
      z[i] = s / l[i][i];
    }
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i];
      for (let m = i + 1; m < k; m++) s -= l[m][i] * inv[m][c];
      inv[i][c] = s / l[i][i];
    }
  }
  return inv;
}

/**
 * Fits y on the columns of X (each `columns[j]` has one value per observation; include a column of
 * ones for an intercept).
 * @param penalty λⱼ per column (0 = no shrinkage), in the units of the unscaled coefficients
 * @returns undefined when the columns are collinear (XᵀX + Λ singular)
 * @example fitLinearModel([[1, 1, 1], [1, 2, 3]], [2, 4, 6])?.beta // Float64Array [0, 2]
 */
export function fitLinearModel(
  columns: ReadonlyArray<ArrayLike<number>>,
  y: ArrayLike<number>,
  penalty?: ReadonlyArray<number>,
): LinearFit | undefined {
  const k = columns.length;
  const n = y.length;
  const scale = columns.map((c) => {
    let s = 0;
    for (let t = 0; t < n; t++) s += c[t] * c[t];
    return Math.sqrt(s / n) || 1;
  });
  const a = Array.from({ length: k }, () => new Float64Array(k));
  const b = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += columns[i][t] * columns[j][t];
      a[i][j] = a[j][i] = s / (scale[i] * scale[j]);
    }
    // β on the scaled column is βⱼ·scaleⱼ, so its penalty is λⱼ/scaleⱼ².
    a[i][i] += (penalty?.[i] ?? 0) / (scale[i] * scale[i]);
    let s = 0;
    for (let t = 0; t < n; t++) s += columns[i][t] * y[t];
    b[i] = s / scale[i];
  }
  const l = cholesky(a);
  if (!l) return undefined;
  const inv = inverseFromCholesky(l);
  const beta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += inv[i][j] * b[j];
    beta[i] = s / scale[i];
  }
  let rss = 0;
  for (let t = 0; t < n; t++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += columns[j][t] * beta[j];
    rss += (y[t] - fitted) ** 2;
  }
  const df = n - k;
  const sigma2 = df > 0 ? rss / df : NaN;
  const covariance = inv.map((row, i) => row.map((v, j) => (sigma2 * v) / (scale[i] * scale[j])));
  return { beta, covariance, rss, df, sigma2, n };
}

/**
 * AICc of a Gaussian least-squares fit with `parameters` estimated (coefficients, plus σ², plus any
 * nonlinear parameter): n·ln(rss/n) + 2p + 2p(p + 1)/(n − p − 1) (Hurvich & Tsai 1989). Infinite when
 * n ≤ p + 1.
 * @example aicc(10, 20, 3) // 20·ln(0.5) + 6 + 24/16
 */
export function aicc(rss: number, n: number, parameters: number): number {
  if (n <= parameters + 1) return Infinity;
  return n * Math.log(rss / n) + 2 * parameters + (2 * parameters * (parameters + 1)) / (n - parameters - 1);
}
