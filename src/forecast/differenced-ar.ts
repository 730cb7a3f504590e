import { leastSquares } from './least-squares';

export interface DifferencedArForecast {
  mean: Float64Array;
  se: Float64Array;
  /** AR order chosen by AIC. */
  order: number;
}

/**
 * A small ARIMA-type model, different in kind from exponential smoothing: the series is differenced
 * at lag d (the season length, or 1 without a season), the differences follow an AR(p) with a
 * constant fitted by least squares (p = 0..maxOrder chosen by AIC), and forecasts are integrated back.
 * With d = 12 this is ARIMA(p,0,0)(0,1,0)₁₂ with drift; with d = 1, ARIMA(p,1,0) with drift.
 * Forecast variance is σ² Σ ψ_j², with ψ the impulse response of the integrated model.
 * Returns undefined when fewer than d + 2·maxOrder + 4 values are available.
 */
export function differencedAr(y: Float64Array, d: number, h: number, maxOrder = 3): DifferencedArForecast | undefined {
  const n = y.length;
  if (n < d + 2 * maxOrder + 4) return undefined;
  const z = new Float64Array(n - d);
  for (let t = d; t < n; t++) z[t - d] = y[t] - y[t - d];
  const nz = z.length;
  let best: { aic: number; coef: Float64Array; sigma2: number; p: number } | undefined;
  for (let p = 0; p <= maxOrder; p++) {
    // Use the same sample (t ≥ maxOrder) for every order so AIC values are comparable.
    const rows = nz - maxOrder;
    const cols: Float64Array[] = [new Float64Array(rows).fill(1)];
    for (let i = 1; i <= p; i++) cols.push(Float64Array.from({ length: rows }, (_, r) => z[r + maxOrder - i]));
    const target = z.subarray(maxOrder);
    const coef = leastSquares(cols, target);
    let sse = 0;
    for (let r = 0; r < rows; r++) {
      let f = coef[0];
      for (let i = 1; i <= p; i++) f += coef[i] * cols[i][r];
      sse += (target[r] - f) ** 2;
    }
    const sigma2 = sse / Math.max(rows - p - 1, 1);
    const aic = rows * Math.log(Math.max(sse, 1e-300) / rows) + 2 * (p + 2);
    if (!best || aic < best.aic) best = { aic, coef, sigma2, p };
  }
  if (!best) return undefined;
  const { coef, sigma2, p } = best;
  // Forecast the differences, then integrate.
  const zf = new Float64Array(nz + h);
  zf.set(z);
  const yf = new Float64Array(n + h);
  yf.set(y);
  for (let k = 0; k < h; k++) {
    let f = coef[0];
    for (let i = 1; i <= p; i++) f += coef[i] * zf[nz + k - i];
    zf[nz + k] = f;
    yf[n + k] = yf[n + k - d] + f;
  }
  // Impulse response ψ of y to a unit shock: AR on the differences, then summed at lag d.
  const psiZ = new Float64Array(h);
  const psiY = new Float64Array(h);
  for (let j = 0; j < h; j++) {
    let v = j === 0 ? 1 : 0;
    for (let i = 1; i <= p && j - i >= 0; i++) v += coef[i] * psiZ[j - i];
    psiZ[j] = v;
    psiY[j] = v + (j - d >= 0 ? psiY[j - d] : 0);
  }
  const mean = yf.slice(n);
  const se = new Float64Array(h);
  let acc = 0;
  for (let k = 0; k < h; k++) {
    acc += psiY[k] * psiY[k];
    se[k] = Math.sqrt(sigma2 * acc);
  }
  return { mean, se, order: p };
}
