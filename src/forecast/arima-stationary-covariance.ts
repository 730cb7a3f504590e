// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { abs, max, min } = Math;
const { isFinite } = Number;

/** Scratch arrays for `armaAutocovariances`, sized for AR order p and maximum lag L. */
export interface AutocovarianceScratch {
  /** Nested AR coefficients of orders p, p − 1, …, 1 (p × p). */
  nested: Float64Array;
  /** Reflection coefficients. */
  reflection: Float64Array;
  /** Autocovariances of the pure AR part, lags 0..L + q. */
  gammaAr: Float64Array;
  /** Autocovariances of the MA part, lags 0..q. */
  cu: Float64Array;
  /** Lags of the non-zero AR coefficients and MA autocovariances. */
  phiIdx: Int32Array;
  cuIdx: Int32Array;
  /** The AR coefficients and top lag gammaAr was last computed for (lag −1: not computed). */
  arPhi: Float64Array;
  arLag: number;
}

export const autocovarianceScratch = (p: number, q: number, maxLag: number): AutocovarianceScratch => ({
  nested: new Float64Array(max(p * p, 1)),
  reflection: new Float64Array(max(p, 1)),
  gammaAr: new Float64Array(maxLag + q + 2),
  cu: new Float64Array(q + 1),
  phiIdx: new Int32Array(p),
  cuIdx: new Int32Array(q),
  arPhi: new Float64Array(p),
  arLag: -1,
});

/** Whether phi equals the remembered AR coefficients bit for bit. */
function sameAr(phi: ArrayLike<number>, scratch: AutocovarianceScratch, lag: number): boolean {
  if (scratch.arLag !== lag) return false;
  const last = scratch.arPhi;
  for (let i = 0; i < phi.length; i++) if (!Object.is(phi[i], last[i])) return false;
  return true;
}

/**
 * ψ-weights ψ₀..ψ_L and autocovariances γ(0..L) of a stationary ARMA(p, q) process with unit
 * innovation variance. The pure AR part's autocovariances come from the Levinson–Durbin recursion
 * run backwards then forwards (reflection coefficients κₖ, γ_AR(0) = 1/∏(1 − κₖ²), the order-k
 * Yule–Walker equations for lags ≤ p, the AR recursion beyond; O(p²)); the ARMA autocovariances
 * are their convolution with those of the MA part, γ(k) = Σⱼ c(j) γ_AR(k − j), c(j) = Σᵢ θᵢθᵢ₊ⱼ,
 * since the spectrum is |θ|²/|φ|² (Brockwell & Davis 1991, §3.3). Writes into `gamma` and `psi`
 * (length ≥ L + 1). Returns false when the AR part is not stationary (a reflection coefficient ≥ 1).
 */
export function armaAutocovariances(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  maxLag: number,
  gamma: Float64Array,
  psi: Float64Array,
  scratch: AutocovarianceScratch = autocovarianceScratch(phi.length, theta.length, maxLag),
): boolean {
  const p = phi.length;
  const q = theta.length;
  const { phiIdx, cuIdx, gammaAr, cu } = scratch;
  // Seasonal polynomials are sparse: visit the non-zero AR coefficients only.
  let np = 0;
  for (let i = 0; i < p; i++) if (phi[i] !== 0) phiIdx[np++] = i + 1;
  for (let j = 0; j <= maxLag; j++) {
    let v = j === 0 ? 1 : j <= q ? theta[j - 1] : 0;
    for (let s = 0; s < np; s++) {
      const i = phiIdx[s];
      if (i > j) break;
      v += phi[i - 1] * psi[j - i];
    }
    psi[j] = v;
  }
  const L = maxLag + q;
  // The pure AR part depends on φ alone: unchanged when an evaluation moves only the MA coefficients
  // (central differences in θ, most of a seasonal MA model's search), it is what was computed last.
  if (!sameAr(phi, scratch, L) && !arAutocovariances(phi, p, np, L, scratch)) return false;
  let nc = 0;
  for (let j = 0; j <= q; j++) {
    let v = j === 0 ? 1 : theta[j - 1];
    for (let i = 1; i + j <= q; i++) v += theta[i - 1] * theta[i + j - 1];
    cu[j] = v;
    if (j > 0 && v !== 0) cuIdx[nc++] = j;
  }
  for (let k = 0; k <= maxLag; k++) {
    let v = cu[0] * gammaAr[k];
    for (let s = 0; s < nc; s++) {
      const j = cuIdx[s];
      v += cu[j] * (gammaAr[k + j] + gammaAr[abs(k - j)]);
    }
    gamma[k] = v;
  }
  return isFinite(gamma[0]);
}

/**
 * Autocovariances γ_AR(0..L) of the pure AR part (unit innovation variance) into scratch.gammaAr, by
 * the Levinson–Durbin recursion run backwards then forwards; remembers φ and L. Returns false when
 * a reflection coefficient is not inside (−1, 1). `np` non-zero coefficients at scratch.phiIdx.
 */
function arAutocovariances(
  phi: ArrayLike<number>,
  p: number,
  np: number,
  L: number,
  scratch: AutocovarianceScratch,
): boolean {
  const { phiIdx, nested, reflection, gammaAr, arPhi } = scratch;
  scratch.arLag = -1;
  // Step down: nested[(k−1)·p + j − 1] = a^{(k)}_j, the AR(k) coefficients; κₖ = a^{(k)}_k.
  for (let j = 0; j < p; j++) nested[(p - 1) * p + j] = phi[j];
  let g0 = 1;
  for (let k = p; k >= 1; k--) {
    const row = (k - 1) * p;
    const kk = nested[row + k - 1];
    if (!(abs(kk) < 1)) return false;
    reflection[k - 1] = kk;
    g0 /= 1 - kk * kk;
    const below = (k - 2) * p;
    for (let j = 1; j < k; j++)
      nested[below + j - 1] = (nested[row + j - 1] + kk * nested[row + k - j - 1]) / (1 - kk * kk);
  }
  // Step up: ρ(k) = Σⱼ a^{(k)}_j ρ(k − j) for k ≤ p, the AR recursion beyond.
  gammaAr[0] = 1;
  for (let k = 1; k <= L; k++) {
    let v = 0;
    if (k <= p) {
      const row = (k - 1) * p;
      for (let j = 1; j <= k; j++) v += nested[row + j - 1] * gammaAr[k - j];
    } else {
      for (let s = 0; s < np; s++) v += phi[phiIdx[s] - 1] * gammaAr[k - phiIdx[s]];
    }
    gammaAr[k] = v;
  }
  for (let k = 0; k <= L; k++) gammaAr[k] *= g0;
  for (let j = 0; j < p; j++) arPhi[j] = phi[j];
  scratch.arLag = L;
  return true;
}

/**
 * Covariance matrix Q₀ of the state of a stationary ARMA(p, q) process with unit innovation
 * variance, in the state-space form R's `makeARIMA` uses (Harvey 1989, §3.3: state dimension
 * r = max(p, q + 1), transition T with φ in the first column and ones above the diagonal, and
 * V = (1, θ)(1, θ)ᵀ): the solution of Q₀ = T Q₀ Tᵀ + V.
 *
 * R computes it with Gardner, Harvey & Phillips's AS 154 (`getQ0`, O(r⁶) work); here the first
 * column comes from the autocovariances γ and ψ-weights (`gamma`, `psi`, lags 0..r, from
 * `armaAutocovariances`): Q(1, j) = Σ_{k=j}^{r} φₖ γ(k − j + 1) + Σ_{k=j−1}^{r−1} θₖ ψ_{k−j+1}; the
 * rest from the Lyapunov equation read entry by entry,
 *   Q(i+1, j+1) = Q(i, j) − φᵢφⱼQ(1,1) − φᵢQ(1, j+1) − φⱼQ(i+1, 1) − θᵢ₋₁θⱼ₋₁,
 * in O(r²): the same matrix, cheap enough for every likelihood evaluation of a seasonal model.
 * Writes the r × r matrix column-major into `out` with leading dimension `ld` (≥ r).
 */
export function stationaryCovariance(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  gamma: Float64Array,
  psi: Float64Array,
  out: Float64Array,
  ld: number,
): void {
  const p = phi.length;
  const q = theta.length;
  const r = max(p, q + 1);
  for (let j = 1; j <= r; j++) {
    let v = 0;
    for (let k = j; k <= p; k++) v += phi[k - 1] * gamma[k - j + 1];
    for (let k = j - 1; k <= min(q, r - 1); k++) v += (k === 0 ? 1 : theta[k - 1]) * psi[k - j + 1];
    out[(j - 1) * ld] = v;
    out[j - 1] = v;
  }
  const q11 = out[0];
  // Q(i+1, j+1) from Q(i, j), row by row (1-based i ≤ j < r); Q(1, ·) and Q(·, 1) are known.
  for (let i = 1; i < r; i++) {
    const phi_i = i <= p ? phi[i - 1] : 0;
    const th_i = i === 1 ? 1 : i - 1 <= q ? theta[i - 2] : 0;
    for (let j = i; j < r; j++) {
      const phi_j = j <= p ? phi[j - 1] : 0;
      const th_j = j === 1 ? 1 : j - 1 <= q ? theta[j - 2] : 0;
      const v = out[i - 1 + (j - 1) * ld] - phi_i * phi_j * q11 - phi_i * out[j * ld] - phi_j * out[i] - th_i * th_j;
      out[i + j * ld] = v;
      out[j + i * ld] = v;
    }
  }
}
