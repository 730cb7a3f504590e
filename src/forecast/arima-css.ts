import type { ArimaOrder } from './arima-params';

const { min } = Math;

/**
 * The differenced series w_t = y_t − Σ Δᵢ y_{t−i} (R's differencing inside `ARIMA_CSS`: d times at
 * lag 1, D times at lag m), into `out` (length n; the first d + mD entries are left undefined).
 */
export function differenceSeries(y: ArrayLike<number>, o: ArimaOrder, out: Float64Array): Float64Array {
  const n = y.length;
  for (let l = 0; l < n; l++) out[l] = y[l];
  for (let i = 0; i < o.d; i++) for (let l = n - 1; l > 0; l--) out[l] -= out[l - 1];
  for (let i = 0; i < o.D; i++) for (let l = n - 1; l >= o.m; l--) out[l] -= out[l - o.m];
  return out;
}

/** Positions of the non-zero entries of c into idx (returns their count): seasonal polynomials are sparse. */
export function nonZeroPositions(c: ArrayLike<number>, idx: Int32Array): number {
  let k = 0;
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) idx[k++] = i;
  return k;
}

/**
 * Conditional sum of squares of an ARIMA model (R `ARIMA_CSS`) on the differenced series w
 * (`differenceSeries`): the ARMA residuals e_t = w_t − Σ φⱼ w_{t−j} − Σ θⱼ e_{t−j} run from
 * t = ncond with earlier residuals taken as 0. Returns Σ e² / (number of finite e); `resid` (length n)
 * holds the residuals afterwards, zeros before ncond. Only the non-zero coefficients are visited
 * (`phiIdx`, `thetaIdx`: scratch of lengths p and q).
 */
export function conditionalSumOfSquares(
  w: ArrayLike<number>,
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  ncond: number,
  resid: Float64Array,
  phiIdx: Int32Array = new Int32Array(phi.length),
  thetaIdx: Int32Array = new Int32Array(theta.length),
): number {
  const n = w.length;
  const np = nonZeroPositions(phi, phiIdx);
  const nq = nonZeroPositions(theta, thetaIdx);
  for (let l = 0; l < ncond && l < n; l++) resid[l] = 0;
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = w[l];
    for (let k = 0; k < np; k++) {
      const j = phiIdx[k];
      tmp -= phi[j] * w[l - j - 1];
    }
    const jmax = min(l - ncond, theta.length);
    for (let k = 0; k < nq; k++) {
      const j = thetaIdx[k];
      if (j >= jmax) break;
      tmp -= theta[j] * resid[l - j - 1];
    }
    resid[l] = tmp;
    if (tmp === tmp) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return ssq / nu;
}
