import type { ArimaStateSpace } from './arima-state-space';
import type { FilterSums } from './arima-kalman';

// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { log } = Math;

/** Innovation variances at or above this are left out of the likelihood, as R's filter does. */
export const LARGE_GAIN = 1e4;

/**
 * What a filter run records for the reverse pass of its gradient (arima-ml-gradient.ts): for each
 * step t ≥ K the innovation v and a₀ = a_t[0]; for each step before the steady state, and for the
 * first steady step, Y_t and K_t (rows of r, at t·r) and F_t, M_t, the values the step starts from.
 */
export interface FilterTape {
  v: Float64Array;
  a0: Float64Array;
  F: Float64Array;
  M: Float64Array;
  Y: Float64Array;
  k: Float64Array;
  /** First steady step (n when the filter never reached the steady state). */
  steadyFrom: number;
}

/** A tape for series of length n and state dimension r. */
export const filterTape = (n: number, r: number): FilterTape => ({
  v: new Float64Array(n),
  a0: new Float64Array(n),
  F: new Float64Array(n + 1),
  M: new Float64Array(n + 1),
  Y: new Float64Array((n + 1) * r),
  k: new Float64Array((n + 1) * r),
  steadyFrom: n,
});

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
 * (`differenceSeries`; entries from d + mD on are used). With `tape`, records what the gradient's
 * reverse pass needs (the numbers computed are the same).
 */
export function arimaFilterDiffuse(
  w: ArrayLike<number>,
  ss: ArimaStateSpace,
  out: FilterSums,
  tape?: FilterTape,
): void {
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
  // log F once F stops changing (the steady state): the same value the step would compute.
  let logF = 0;
  const n = w.length;
  const last = r - 1;
  if (tape) tape.steadyFrom = n;
  for (let t = K; t < n; t++) {
    const v = w[t] - a[0];
    if (tape) record(tape, t, v, a[0], steady ? -1 : F, M, Y, k, r);
    if (F < LARGE_GAIN) {
      nu++;
      ssq += (v * v) / F;
      sumlog += steady ? logF : log(F);
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
    if (-M * yy < 1e-20 * F) {
      steady = true;
      logF = log(F);
      if (tape) {
        tape.steadyFrom = t + 1;
        record(tape, t + 1, NaN, NaN, F, M, Y, k, r);
      }
    }
  }
  out.ssq = ssq;
  out.sumlog = sumlog;
  out.nu = nu;
}

/** One step of a tape: v and a₀ at t (unless NaN), and with F ≥ 0 the covariance recursion's values. */
function record(
  tape: FilterTape,
  t: number,
  v: number,
  a0: number,
  F: number,
  M: number,
  Y: Float64Array,
  k: Float64Array,
  r: number,
): void {
  if (v === v) {
    tape.v[t] = v;
    tape.a0[t] = a0;
  }
  if (F < 0) return;
  tape.F[t] = F;
  tape.M[t] = M;
  for (let i = 0; i < r; i++) {
    tape.Y[t * r + i] = Y[i];
    tape.k[t * r + i] = k[i];
  }
}
