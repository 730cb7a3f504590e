import type { ArimaStateSpace } from './arima-state-space';
import type { FilterSums } from './arima-kalman';

// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { log } = Math;

/** Innovation variances at or above this are left out of the likelihood, as R's filter does. */
const LARGE_GAIN = 1e4;

/**
 * Exact Gaussian likelihood of an ARIMA model with diffuse differencing states (κ → ∞, the limit
 * R's κ = 1e6 approximates; de Jong 1991): the stationary ARMA likelihood of the differenced series
 * w_t = y_t − Σ Δᵢ y_{t−i}, t ≥ K, from the stationary start (a = 0, P = Q₀).
 *
 * The Kalman filter is run with the Chandrasekhar recursions of Morf, Sidhu & Kailath (1974), as in
 * Mélard's (1984) fast ARMA likelihood: the one-step change of the predicted covariance,
 * P_{t+1} − P_t = Y_t M_t Y_tᵀ, has rank one from the stationary start (P₂ − P₁ = −K₁K₁ᵀ/F₁), so
 * with K_t = T P_t Z, F_t = Z P_t Zᵀ, z = Y_t[0], u = T Y_t:
 *   Y_{t+1} = u − (z / F_t) K_t,  K_{t+1} = K_t + M_t z u,  F_{t+1} = F_t + M_t z²,
 *   M_{t+1} = M_t F_t / F_{t+1},  a_{t+1} = T a_t + K_t v_t / F_t,
 * O(r) work per observation instead of O(r²), with nothing allocated. Only the first column of Q₀
 * is needed; `prepareArimaState` must have run (it computes γ and ψ). `w` is the differenced series
 * (`differenceSeries`; entries from d + mD on are used).
 */
export function arimaFilterDiffuse(w: ArrayLike<number>, ss: ArimaStateSpace, out: FilterSums): void {
  const { K, r, phi, theta, gamma, psi, phiPad } = ss;
  const p = phi.length;
  const q = theta.length;
  // Work vectors: the predicted state a, K_t, Y_t (reusing the state space's r-vectors).
  const a = ss.aa;
  const k = ss.anewa;
  const Y = ss.Ma;
  // First column of Q₀: Q(1, j) = Σ_{i≥j} φᵢ γ(i − j + 1) + Σ_{i≥j−1} θᵢ ψ_{i−j+1}; then K₁ = T Q₀ e₁.
  const col = ss.col;
  for (let j = 1; j <= r; j++) {
    let v = 0;
    for (let i = j; i <= p; i++) v += phi[i - 1] * gamma[i - j + 1];
    for (let i = j - 1; i <= q && i <= r - 1; i++) v += (i === 0 ? 1 : theta[i - 1]) * psi[i - j + 1];
    col[j - 1] = v;
  }
  let F = col[0];
  for (let i = 0; i < r; i++) {
    k[i] = phiPad[i] * F + (i < r - 1 ? col[i + 1] : 0);
    Y[i] = k[i];
    a[i] = 0;
  }
  let M = -1 / F;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  // Steady state: once M·YᵀY, the size of every remaining change of P, is below 1e-20 of F, further
  // updates of F and K are below rounding (Y only decays from then on): only the state is updated.
  // (A step that leaves F and K unchanged is not enough: Y[0] is exactly 0 for the first m − 1 steps
  // of a seasonal MA model while its other entries are not.)
  let steady = false;
  const n = w.length;
  const last = r - 1;
  for (let t = K; t < n; t++) {
    const v = w[t] - a[0];
    if (F < LARGE_GAIN) {
      nu++;
      ssq += (v * v) / F;
      sumlog += log(F);
    }
    const a0 = a[0];
    const vf = v / F;
    if (steady) {
      for (let i = 0; i < last; i++) a[i] = phiPad[i] * a0 + a[i + 1] + k[i] * vf;
      a[last] = phiPad[last] * a0 + k[last] * vf;
      continue;
    }
    // a ← T a + K v / F ; Y ← T Y − (z/F) K ; K ← K + M z (T Y_old).
    const z = Y[0];
    const zf = z / F;
    const mz = M * z;
    let yy = 0;
    for (let i = 0; i < last; i++) {
      const ph = phiPad[i];
      const ki = k[i];
      const u = ph * z + Y[i + 1];
      a[i] = ph * a0 + a[i + 1] + ki * vf;
      const yi = u - zf * ki;
      Y[i] = yi;
      yy += yi * yi;
      k[i] = ki + mz * u;
    }
    const ph = phiPad[last];
    const ki = k[last];
    const u = ph * z;
    a[last] = ph * a0 + ki * vf;
    const yl = u - zf * ki;
    Y[last] = yl;
    yy += yl * yl;
    k[last] = ki + mz * u;
    const F1 = F + mz * z;
    M = (M * F) / F1;
    F = F1;
    if (-M * yy < 1e-20 * F) steady = true;
  }
  out.ssq = ssq;
  out.sumlog = sumlog;
  out.nu = nu;
}
