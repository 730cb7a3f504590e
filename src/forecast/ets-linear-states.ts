import type { EtsParams, EtsSpec } from './ets-model';

let work = new Float64Array(0);

/**
 * The SSE-optimal initial state of a linear ETS model (additive error, additive or no trend and
 * season) for fixed smoothing parameters, and its sum of squared one-step errors.
 *
 * For such a model the one-step errors are affine in the initial state: e_t(x₀) = ē_t − Σ_k z_k·f_t⁽ᵏ⁾,
 * where ē is the error sequence from the base state `base`, z the correction to the free states
 * [l, b?, s_1..s_{m−1}] (s_m = −Σ s_j keeps the seasonal states summing to 0, as in fitEts) and
 * f⁽ᵏ⁾ the one-step forecasts of the homogeneous recursion (y = 0) started from the k-th free unit
 * state. So min over x₀ of Σe_t² is a least-squares problem with 1 to m + 1 unknowns: the
 * "concentrated" likelihood of Hyndman et al. (2008, §5.2), whose optimiser then searches only the
 * smoothing parameters. The p + 1 recursions run side by side in one pass (O(n·p)) and the normal
 * equations cost O(n·p²), solved by Cholesky.
 *
 * With `weights` (one per observation) it minimises Σ w_t·e_t² instead. Multiplicative-error models
 * with additive components share these recursions (only their criterion differs), which is how
 * fitEts uses the weighted form.
 *
 * Writes the optimal full state ([l, b?, s_1..s_m]) into `out` and returns its SSE (recomputed
 * from the normal equations, so it can differ from a filter pass by rounding). When the normal
 * equations are singular (a smoothing parameter at 1 can make a state unidentifiable), the
 * correction stays 0 along the offending directions.
 * @example optimalLinearState(Float64Array.of(5, 5, 5), { error: 'A', trend: 'N', season: 'N', period: 1 },
 *   { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, Float64Array.of(0), new Float64Array(1)) // 0, out = [5]
 */
export function optimalLinearState(
  y: Float64Array,
  spec: EtsSpec,
  params: EtsParams,
  base: Float64Array,
  out: Float64Array,
  weights?: Float64Array,
): number {
  const n = y.length;
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.period : 1;
  const off = hasTrend ? 2 : 1;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const { alpha } = params;
  const beta = hasTrend ? params.beta : 0;
  const gamma = seasonal ? params.gamma : 0;
  const p = off + (seasonal ? m - 1 : 0);
  const c = p + 1;
  // Columns 0..p−1: homogeneous recursions from the free unit states; column p: the data from `base`.
  // Layout of the work area: level[c], trend[c], seasonal ring[m·c], normal equations a[p·p], rhs[p].
  const need = c * (2 + m) + p * p + 2 * p + c;
  if (work.length < need) work = new Float64Array(need);
  const w = work;
  w.fill(0, 0, need);
  const L = 0;
  const B = c;
  const S = 2 * c;
  const A = S + m * c;
  const R = A + p * p;
  const Z = R + p;
  const F = Z + p;
  for (let k = 0; k < p; k++) {
    if (k < off) w[k === 0 ? L + k : B + k] = 1;
    else {
      // Free seasonal state s_j (j = k − off + 1) raises s_j and lowers s_m.
      w[S + (k - off) * c + k] = 1;
      w[S + (m - 1) * c + k] = -1;
    }
  }
  w[L + p] = base[0];
  if (hasTrend) w[B + p] = base[1];
  if (seasonal) for (let j = 0; j < m; j++) w[S + j * c + p] = base[off + j];
  // Ring of seasonal states as in etsFilter: the state used at step t sits at ring index idx.
  let idx = m - 1;
  let sse0 = 0;
  for (let t = 0; t < n; t++) {
    const srow = S + idx * c;
    for (let k = 0; k < c; k++) {
      const lk = w[L + k];
      const phib = phi * w[B + k];
      const q = lk + phib;
      const f = seasonal ? q + w[srow + k] : q;
      // Homogeneous columns see y = 0, so their error is −f; the data column's is y − f.
      const e = k === p ? y[t] - f : -f;
      w[F + k] = f;
      w[L + k] = q + alpha * e;
      w[B + k] = phib + beta * e;
      if (seasonal) w[srow + k] += gamma * e;
    }
    if (seasonal) idx = idx === 0 ? m - 1 : idx - 1;
    const eBar = y[t] - w[F + p];
    const wt = weights ? weights[t] : 1;
    sse0 += wt * eBar * eBar;
    for (let i = 0; i < p; i++) {
      const fi = wt * w[F + i];
      w[R + i] += fi * eBar;
      const row = A + i * p;
      for (let j = 0; j <= i; j++) w[row + j] += fi * w[F + j];
    }
  }
  // Cholesky A = G Gᵀ in place (lower triangle), skipping directions with no information.
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = w[A + i * p + j];
      for (let k = 0; k < j; k++) s -= w[A + i * p + k] * w[A + j * p + k];
      if (i === j) w[A + i * p + i] = s > 1e-12 * (w[A + i * p + i] + 1e-300) && s > 0 ? Math.sqrt(s) : 0;
      else w[A + i * p + j] = w[A + j * p + j] > 0 ? s / w[A + j * p + j] : 0;
    }
  }
  // Forward and back substitution for z; zero pivots leave their coordinate at 0.
  for (let i = 0; i < p; i++) {
    let s = w[R + i];
    for (let k = 0; k < i; k++) s -= w[A + i * p + k] * w[Z + k];
    const d = w[A + i * p + i];
    w[Z + i] = d > 0 ? s / d : 0;
  }
  let explained = 0;
  for (let i = 0; i < p; i++) explained += w[Z + i] * w[Z + i];
  for (let i = p - 1; i >= 0; i--) {
    let s = w[Z + i];
    for (let k = i + 1; k < p; k++) s -= w[A + k * p + i] * w[Z + k];
    const d = w[A + i * p + i];
    w[Z + i] = d > 0 ? s / d : 0;
  }
  for (let i = 0; i < base.length; i++) out[i] = base[i];
  out[0] += w[Z];
  if (hasTrend) out[1] += w[Z + 1];
  if (seasonal) {
    for (let j = 0; j < m - 1; j++) {
      out[off + j] += w[Z + off + j];
      out[off + m - 1] -= w[Z + off + j];
    }
  }
  // Σē² − ‖G⁻¹ r‖²: the minimum of the quadratic.
  return Math.max(sse0 - explained, 0);
}
