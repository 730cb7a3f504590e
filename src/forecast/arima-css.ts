import type { ArimaOrder } from './arima-params';

// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { min } = Math;

/**
 * Conditional sum of squares of an ARIMA model (R `ARIMA_CSS`): the series is differenced
 * (d times at lag 1, D times at lag m), and the ARMA residuals e_t = w_t − Σ φⱼ w_{t−j} − Σ θⱼ e_{t−j}
 * are run from t = ncond with earlier residuals taken as 0. Returns Σ e² / (number of finite e).
 * `work` and `resid` are scratch arrays of length n (resid holds the residuals afterwards, zeros
 * before ncond).
 */
export function conditionalSumOfSquares(
  y: ArrayLike<number>,
  o: ArimaOrder,
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  ncond: number,
  work: Float64Array,
  resid: Float64Array,
): number {
  const n = y.length;
  const p = phi.length;
  const q = theta.length;
  const w = work;
  for (let l = 0; l < n; l++) w[l] = y[l];
  for (let i = 0; i < o.d; i++) for (let l = n - 1; l > 0; l--) w[l] -= w[l - 1];
  const ns = o.m;
  for (let i = 0; i < o.D; i++) for (let l = n - 1; l >= ns; l--) w[l] -= w[l - ns];
  for (let l = 0; l < ncond && l < n; l++) resid[l] = 0;
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = w[l];
    for (let j = 0; j < p; j++) tmp -= phi[j] * w[l - j - 1];
    const jmax = min(l - ncond, q);
    for (let j = 0; j < jmax; j++) tmp -= theta[j] * resid[l - j - 1];
    resid[l] = tmp;
    if (tmp === tmp) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return ssq / nu;
}
