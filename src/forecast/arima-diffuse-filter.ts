import type { ArimaStateSpace } from './arima-state-space';
import { fullInitialState } from './arima-state-space';
import type { FilterSums } from './arima-kalman';
import { arimaFilterFull } from './arima-kalman';

// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { abs, log, sqrt } = Math;

/** R leaves out of the likelihood the observations whose innovation variance reaches this. */
const DIFFUSE_GAIN = 1e4;

/**
 * The same filter as R's `ARIMA_Like` (arimaFilterFull), computed in two exact phases instead of
 * on the full (r + K)-dimensional state:
 *
 * 1. The first K = d + mD observations involve the K diffuse pre-sample values u ~ N(0, κI):
 *    z_t = y_t − Σ_{i ≤ t} Δᵢ y_{t−i} = x_t + (Au)_t with A[t][j] = Δ_{t+j+1}, x the ARMA process.
 *    Their innovations are those of z ~ N(0, S), S = Σₓ + κAAᵀ (Σₓ the Toeplitz autocovariance
 *    matrix): with S = LLᵀ, the innovation variances are L[t][t]² (all ≥ 1e4 here, so R leaves them
 *    out of the likelihood) and the standardised innovations are L⁻¹z. The ARMA state predicted for
 *    time K given them is N(C S⁻¹ z, Q₀ − C S⁻¹ Cᵀ), C = Cov(α_K, x_{0..K−1}) from γ and ψ.
 * 2. From then on the differencing states hold observed values (zero variance, zero covariance with
 *    the ARMA state), so R's filter is the ARMA filter on w_t = y_t − Σ Δᵢ y_{t−i}: O(r²) per step,
 *    and O(r) once a pure AR model's state is known exactly (after r steps).
 *
 * Equal to R's filter in exact arithmetic (κ = 1e6 included); in floating point the two differ by
 * rounding (about 1e-10 relative), far below what the fits are compared at. Falls back to the full
 * filter if a diffuse-start innovation variance is below 1e4. `final` also writes the full filtered
 * state (ARMA state, last K observations, covariance) into ss.a / ss.P for forecasting.
 * Call `prepareArimaState` first.
 */
export function arimaFilter(
  y: ArrayLike<number>,
  ss: ArimaStateSpace,
  out: FilterSums,
  residuals?: Float64Array,
  final = false,
): void {
  if (!diffuseStart(y, ss, residuals)) {
    fullInitialState(ss);
    arimaFilterFull(y, ss, out, residuals);
    return;
  }
  armaFilter(y, ss, out, residuals);
  if (final) fillFullState(y, ss);
}

/** Phase 1: the predicted ARMA state at time K (into ss.anewa, ss.Pna). False when a gain is below 1e4. */
function diffuseStart(y: ArrayLike<number>, ss: ArimaStateSpace, residuals?: Float64Array): boolean {
  const { K, r, gamma, Q, anewa, Pna } = ss;
  if (K === 0) {
    anewa.fill(0);
    Pna.set(Q);
    return true;
  }
  const { delta, S, AAt, W, z, e, kappa, phi, theta, psi } = ss;
  const p = phi.length;
  const q = theta.length;
  for (let t = 0; t < K; t++) {
    let v = y[t];
    for (let i = 1; i <= t; i++) v -= delta[i - 1] * y[t - i];
    z[t] = v;
  }
  // S = Σₓ + κAAᵀ, Cholesky in place (lower triangle, row-major).
  for (let s = 0; s < K; s++) for (let t = 0; t <= s; t++) S[s * K + t] = gamma[s - t] + kappa * AAt[s * K + t];
  for (let j = 0; j < K; j++) {
    let d = S[j * K + j];
    for (let k = 0; k < j; k++) d -= S[j * K + k] * S[j * K + k];
    if (!(d >= DIFFUSE_GAIN)) return false;
    const l = sqrt(d);
    S[j * K + j] = l;
    for (let i = j + 1; i < K; i++) {
      let v = S[i * K + j];
      for (let k = 0; k < j; k++) v -= S[i * K + k] * S[j * K + k];
      S[i * K + j] = v / l;
    }
  }
  // e = L⁻¹ z: the standardised innovations R reports for these observations.
  for (let t = 0; t < K; t++) {
    let v = z[t];
    for (let k = 0; k < t; k++) v -= S[t * K + k] * e[k];
    e[t] = v / S[t * K + t];
    if (residuals) residuals[t] = e[t];
  }
  // C[i][t] = Cov(α_K(i), x_t) with α_K(i) = Σ_{k≥i} φₖ x_{K+i−1−k} + Σ_{k≥i−1} θₖ ε_{K+i−1−k}; W = L⁻¹Cᵀ.
  for (let i = 1; i <= r; i++) {
    for (let t = 0; t < K; t++) {
      let v = 0;
      for (let k = i; k <= p; k++) v += phi[k - 1] * gamma[abs(K + i - 1 - k - t)];
      for (let k = i - 1; k <= q; k++) {
        const lag = t - (K + i - 1 - k);
        if (lag >= 0) v += (k === 0 ? 1 : theta[k - 1]) * psi[lag];
      }
      for (let k = 0; k < t; k++) v -= S[t * K + k] * W[k * r + i - 1];
      W[t * r + i - 1] = v / S[t * K + t];
    }
  }
  for (let i = 0; i < r; i++) {
    let m = 0;
    for (let t = 0; t < K; t++) m += W[t * r + i] * e[t];
    anewa[i] = m;
    for (let j = 0; j <= i; j++) {
      let c = 0;
      for (let t = 0; t < K; t++) c += W[t * r + i] * W[t * r + j];
      Pna[i + j * r] = Pna[j + i * r] = Q[i + j * r] - c;
    }
  }
  return true;
}

/** Phase 2: the ARMA Kalman filter on the differenced series from time K, as R's d = 0 branch. */
function armaFilter(y: ArrayLike<number>, ss: ArimaStateSpace, out: FilterSums, residuals?: Float64Array): void {
  const { K, r, delta, phi, theta, aa, anewa, Ma, Pa, Pna } = ss;
  const p = phi.length;
  const pureAr = theta.length === 0;
  const n = y.length;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let l = K; l < n; l++) {
    let w = y[l];
    for (let i = 0; i < K; i++) w -= delta[i] * y[l - i - 1];
    if (l > K) {
      for (let i = 0; i < r; i++) {
        let tmp = i < r - 1 ? aa[i + 1] : 0;
        if (i < p) tmp += phi[i] * aa[0];
        anewa[i] = tmp;
      }
      if (pureAr && l - K >= r) {
        // A pure AR state is known once r values are seen: the predicted covariance is V = e₁e₁ᵀ.
        const resid = w - anewa[0];
        nu++;
        ssq += resid * resid;
        if (residuals) residuals[l] = resid;
        aa.set(anewa);
        aa[0] = w;
        continue;
      }
      predictArma(ss);
    }
    const resid = w - anewa[0];
    const gain = Pna[0];
    if (gain < DIFFUSE_GAIN) {
      nu++;
      ssq += (resid * resid) / gain;
      sumlog += log(gain);
    }
    if (residuals) residuals[l] = resid / sqrt(gain);
    for (let i = 0; i < r; i++) Ma[i] = Pna[i];
    for (let i = 0; i < r; i++) aa[i] = anewa[i] + (Ma[i] * resid) / gain;
    // P = Pnew − M Mᵀ / F, on the lower triangle, mirrored (both are symmetric).
    for (let j = 0; j < r; j++) {
      const mj = Ma[j] / gain;
      for (let i = j; i < r; i++) Pa[i + j * r] = Pna[i + j * r] - Ma[i] * mj;
    }
    for (let j = 1; j < r; j++) for (let i = 0; i < j; i++) Pa[i + j * r] = Pa[j + i * r];
  }
  if (pureAr && n - K > r) Pa.fill(0);
  out.ssq = ssq;
  out.sumlog = sumlog;
  out.nu = nu;
}

/**
 * Pnew = T P Tᵀ + V for the ARMA state (T: φ in the first column, ones above the diagonal;
 * V = (1, θ)(1, θ)ᵀ), entry by entry as R's d = 0 branch:
 * Pnew[i][j] = P[i+1][j+1] + φᵢ(φⱼP[0][0] + P[0][j+1]) + φⱼP[i+1][0] + θ̃ᵢθ̃ⱼ, lower triangle, mirrored.
 */
function predictArma(ss: ArimaStateSpace): void {
  const { r, Pa: P, Pna: Pn, phiPad, thetaPad, col } = ss;
  const p00 = P[0];
  for (let i = 0; i < r - 1; i++) col[i] = P[i + 1];
  col[r - 1] = 0;
  for (let j = 0; j < r; j++) {
    const phj = phiPad[j];
    const thj = thetaPad[j];
    const gj = phj * p00 + col[j];
    const base = j * r;
    const shifted = (j + 1) * r + 1;
    // P[i+1][j+1] exists for i, j < r − 1.
    const end = j < r - 1 ? r - 1 : j;
    for (let i = j; i < end; i++) Pn[base + i] = P[shifted + i] + phiPad[i] * gj + phj * col[i] + thetaPad[i] * thj;
    for (let i = end; i < r; i++) Pn[base + i] = phiPad[i] * gj + phj * col[i] + thetaPad[i] * thj;
  }
  for (let j = 1; j < r; j++) for (let i = 0; i < j; i++) Pn[i + j * r] = Pn[j + i * r];
}

/** The filtered state in R's full form: ARMA block from phase 2, differencing states = past observations. */
function fillFullState(y: ArrayLike<number>, ss: ArimaStateSpace): void {
  const { r, K, rd, a, P, aa, Pa } = ss;
  const n = y.length;
  a.fill(0);
  P.fill(0);
  for (let i = 0; i < r; i++) a[i] = aa[i];
  for (let i = 0; i < K; i++) a[r + i] = y[n - 2 - i];
  for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) P[i + j * rd] = Pa[i + j * r];
}
