import type { ArimaForecastState, ArimaStateSpace } from './arima-state-space';

const { log, sqrt } = Math;

/** Sums of a filter run: Σ v²/F and Σ log F over the observations whose F < 1e4, and their count. */
export interface FilterSums {
  ssq: number;
  sumlog: number;
  nu: number;
}

/**
 * R's Kalman filter over y (`ARIMA_Like` with up = 0), step for step on the full state (ARMA and
 * differencing states), from the initial state set by `fullInitialState`: updates `a`, `P` and `Pn`
 * in place. Observations whose innovation variance F is 1e4 or more (the diffuse start) are left out
 * of the sums. With `residuals`, writes the standardised innovations v/√F for every t.
 * O(n (r + K)²) work: `arimaFilter` (arima-diffuse-filter.ts) gives the same numbers faster and
 * falls back to this when its shortcut does not apply.
 */
export function arimaFilterFull(
  y: ArrayLike<number>,
  ss: ArimaStateSpace,
  out: FilterSums,
  residuals?: Float64Array,
): void {
  const { phi, delta, r, rd, a, P, anew, M } = ss;
  const Pnew = ss.Pn;
  const p = phi.length;
  const d = delta.length;
  const n = y.length;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let l = 0; l < n; l++) {
    for (let i = 0; i < r; i++) {
      let tmp = i < r - 1 ? a[i + 1] : 0;
      if (i < p) tmp += phi[i] * a[0];
      anew[i] = tmp;
    }
    if (d > 0) {
      for (let i = r + 1; i < rd; i++) anew[i] = a[i - 1];
      let tmp = a[0];
      for (let i = 0; i < d; i++) tmp += delta[i] * a[r + i];
      anew[r] = tmp;
    }
    if (l > 0) {
      if (d === 0) predictStationary(ss.phi, ss.theta, r, P, Pnew);
      else predictIntegrated(ss);
    }
    const yl = y[l];
    if (yl === yl) {
      let resid = yl - anew[0];
      for (let i = 0; i < d; i++) resid -= delta[i] * anew[r + i];
      for (let i = 0; i < rd; i++) {
        let tmp = Pnew[i];
        for (let j = 0; j < d; j++) tmp += Pnew[i + (r + j) * rd] * delta[j];
        M[i] = tmp;
      }
      let gain = M[0];
      for (let j = 0; j < d; j++) gain += delta[j] * M[r + j];
      if (gain < 1e4) {
        nu++;
        ssq += (resid * resid) / gain;
        sumlog += log(gain);
      }
      if (residuals) residuals[l] = resid / sqrt(gain);
      for (let i = 0; i < rd; i++) a[i] = anew[i] + (M[i] * resid) / gain;
      for (let i = 0; i < rd; i++) {
        const mi = M[i];
        for (let j = 0; j < rd; j++) P[i + j * rd] = Pnew[i + j * rd] - (mi * M[j]) / gain;
      }
    } else {
      for (let i = 0; i < rd; i++) a[i] = anew[i];
      for (let i = 0; i < rd * rd; i++) P[i] = Pnew[i];
      if (residuals) residuals[l] = NaN;
    }
  }
  out.ssq = ssq;
  out.sumlog = sumlog;
  out.nu = nu;
}

/** Pnew = T P Tᵀ + V for the ARMA state alone (R's d == 0 branch), r × r column-major. */
export function predictStationary(
  phi: Float64Array,
  theta: Float64Array,
  r: number,
  P: Float64Array,
  Pnew: Float64Array,
): void {
  const p = phi.length;
  const q = theta.length;
  const p0 = P[0];
  for (let i = 0; i < r; i++) {
    const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
    for (let j = 0; j < r; j++) {
      let tmp = j === 0 ? vi : j - 1 < q ? vi * theta[j - 1] : 0;
      if (i < p && j < p) tmp += phi[i] * phi[j] * p0;
      if (i < r - 1 && j < r - 1) tmp += P[i + 1 + r * (j + 1)];
      if (i < p && j < r - 1) tmp += phi[i] * P[j + 1];
      if (j < p && i < r - 1) tmp += phi[j] * P[i + 1];
      Pnew[i + r * j] = tmp;
    }
  }
}

/** Pnew = T P Tᵀ + V with differencing states (R's d > 0 branch: mm = T P, then Pnew = mm Tᵀ + V). */
function predictIntegrated(ss: ArimaStateSpace): void {
  const { phi, theta, delta, r, rd, P, mm } = ss;
  const Pnew = ss.Pn;
  const p = phi.length;
  const q = theta.length;
  const d = delta.length;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < rd; j++) {
      let tmp = 0;
      if (i < p) tmp += phi[i] * P[rd * j];
      if (i < r - 1) tmp += P[i + 1 + rd * j];
      mm[i + rd * j] = tmp;
    }
  }
  for (let j = 0; j < rd; j++) {
    let tmp = P[rd * j];
    for (let k = 0; k < d; k++) tmp += delta[k] * P[r + k + rd * j];
    mm[r + rd * j] = tmp;
  }
  for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) mm[r + i + rd * j] = P[r + i - 1 + rd * j];
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < rd; j++) {
      let tmp = 0;
      if (i < p) tmp += phi[i] * mm[j];
      if (i < r - 1) tmp += mm[rd * (i + 1) + j];
      Pnew[j + rd * i] = tmp;
    }
  }
  for (let j = 0; j < rd; j++) {
    let tmp = mm[j];
    for (let k = 0; k < d; k++) tmp += delta[k] * mm[rd * (r + k) + j];
    Pnew[rd * r + j] = tmp;
  }
  for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) Pnew[rd * (r + i) + j] = mm[rd * (r + i - 1) + j];
  for (let i = 0; i <= q; i++) {
    const vi = i === 0 ? 1 : theta[i - 1];
    for (let j = 0; j <= q; j++) Pnew[i + rd * j] += vi * (j === 0 ? 1 : theta[j - 1]);
  }
}

/**
 * Forecasts h steps from the filtered state (R `KalmanForecast`): the means Z Tᵏ a and the
 * variances Z Pₖ Zᵀ in units of the innovation variance. Leaves the state space unchanged.
 */
export function arimaStateForecast(ss: ArimaForecastState, h: number): { mean: Float64Array; variance: Float64Array } {
  const { phi, theta, delta, r, rd } = ss;
  const p = phi.length;
  const q = theta.length;
  const d = delta.length;
  // Dense T and V as makeARIMA builds them; forecasting is done once per fit.
  const T = new Float64Array(rd * rd);
  for (let i = 0; i < p; i++) T[i] = phi[i];
  for (let i = 1; i < r; i++) T[i - 1 + rd * i] = 1;
  if (d > 0) {
    T[r] = 1;
    for (let j = 0; j < d; j++) T[r + rd * (r + j)] = delta[j];
    for (let i = 1; i < d; i++) T[r + i + rd * (r + i - 1)] = 1;
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 0; i < r - 1; i++) R[i + 1] = i < q ? theta[i] : 0;
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let j = 0; j < d; j++) Z[r + j] = delta[j];
  // T is sparse (companion and differencing blocks): its non-zeros by row, columns ascending, so
  // every product below adds the same terms in the same order as the dense loops, zeros skipped
  // (bit-identical results at O(nnz·rd) instead of O(rd³) per step).
  const rowStart = new Int32Array(rd + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < rd; i++) {
    rowStart[i] = cols.length;
    for (let k = 0; k < rd; k++) {
      const v = T[i + rd * k];
      if (v !== 0) {
        cols.push(k);
        vals.push(v);
      }
    }
  }
  rowStart[rd] = cols.length;
  let a = Float64Array.from(ss.a);
  const P = Float64Array.from(ss.P);
  const anew = new Float64Array(rd);
  const mm = new Float64Array(rd * rd);
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let l = 0; l < h; l++) {
    let fc = 0;
    for (let i = 0; i < rd; i++) {
      let tmp = 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) tmp += vals[e] * a[cols[e]];
      anew[i] = tmp;
      fc += tmp * Z[i];
    }
    a = Float64Array.from(anew);
    mean[l] = fc;
    // mm = T P
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let tmp = 0;
        for (let e = rowStart[i]; e < rowStart[i + 1]; e++) tmp += vals[e] * P[cols[e] + rd * j];
        mm[i + rd * j] = tmp;
      }
    // P = mm Tᵀ + R Rᵀ
    let v = 0;
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let tmp = R[i] * R[j];
        for (let e = rowStart[j]; e < rowStart[j + 1]; e++) tmp += mm[i + rd * cols[e]] * vals[e];
        P[i + rd * j] = tmp;
      }
    for (let i = 0; i < rd; i++) for (let j = 0; j < rd; j++) v += Z[i] * Z[j] * P[i + j * rd];
    variance[l] = v;
  }
  return { mean, variance };
}
