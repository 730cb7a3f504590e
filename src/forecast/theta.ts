import { fitEts } from './ets-fit';
import { etsPointForecast } from './ets-filter';
import { autocorrelations } from './seasonality-test';
import { seasonalFigure } from './classical-decomposition';

export interface ThetaForecast {
  mean: Float64Array;
  /** Standard error per step (R thetaf: σ·sqrt(1 + (h−1)·α²) on the adjusted scale). */
  se: Float64Array;
  alpha: number;
  /** Half the slope of the linear trend of the (adjusted) series: the theta-0 line's drift. */
  drift: number;
  seasonal: boolean;
}

/**
 * thetaf()'s seasonality test: 90% one-sided ACF test at lag m, for n > 2m and a non-constant series.
 */
export function thetaSeasonal(y: Float64Array, m: number): boolean {
  const n = y.length;
  if (m <= 1 || n <= 2 * m) return false;
  let constant = true;
  for (let t = 1; t < n; t++) if (y[t] !== y[0]) constant = false;
  if (constant) return false;
  const r = autocorrelations(y, m);
  let s = 1;
  for (let k = 0; k < m - 1; k++) s += 2 * r[k] * r[k];
  return Math.abs(r[m - 1]) / Math.sqrt(s / n) > 1.6448536269514722;
}

/**
 * Classical multiplicative seasonal indices (R decompose) when `seasonal` (by default thetaf's
 * test at lag m) and the data allow it (no negatives, every index above 1e-4); undefined otherwise.
 */
export function multiplicativeAdjustment(
  y: Float64Array,
  m: number,
  seasonal = thetaSeasonal(y, m),
): Float64Array | undefined {
  for (let t = 0; t < y.length; t++) if (!(y[t] >= 0)) return undefined;
  if (!seasonal || m <= 1) return undefined;
  const fig = seasonalFigure(y, m, 'multiplicative');
  for (let i = 0; i < m; i++) if (!(fig[i] > 1e-4)) return undefined;
  return fig;
}

/**
 * The standard Theta method of Assimakopoulos & Nikolopoulos (2000) in Hyndman & Billah's (2003)
 * form, as R forecast::thetaf(): simple exponential smoothing (ETS(A,N,N), maximum likelihood) of
 * the series, plus half the slope b of its least-squares line: f_h = ses_h + (b/2)(h − 1 + (1 − (1−α)^n)/α).
 * When thetaf's 90% ACF test finds seasonality at lag m (and the data are positive), the series is
 * first divided by classical multiplicative seasonal indices and the forecasts multiplied back
 * (zeros are allowed, as in R; negative data are not adjusted). `forceSeasonal` replaces the
 * test's verdict (the "auto" combination passes what the ETS selection found).
 * Returns undefined when the series is shorter than ETS(A,N,N) needs (4 values).
 */
export function thetaForecast(
  y: Float64Array,
  m: number,
  h: number,
  forceSeasonal?: boolean,
): ThetaForecast | undefined {
  const n = y.length;
  if (n < 4) return undefined;
  const fig = multiplicativeAdjustment(y, m, forceSeasonal ?? thetaSeasonal(y, m));
  const seasonal = fig !== undefined;
  const x = fig ? y.map((v, t) => v / fig[t % m]) : y;
  const fit = fitEts(x, { error: 'A', trend: 'N', season: 'N', period: 1 });
  if (!fit) return undefined;
  const alpha = Math.max(1e-10, fit.params.alpha);
  let tMean = 0;
  let xMean = 0;
  for (let t = 0; t < n; t++) {
    tMean += t / n;
    xMean += x[t] / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (x[t] - xMean);
    sxx += (t - tMean) * (t - tMean);
  }
  const drift = sxx > 0 ? sxy / sxx / 2 : 0;
  const base = etsPointForecast(fit.finalState, fit.spec, fit.params, h);
  const lead = (1 - Math.pow(1 - alpha, n)) / alpha;
  const mean = new Float64Array(h);
  const se = new Float64Array(h);
  const sigma = Math.sqrt(fit.sigma2);
  for (let k = 0; k < h; k++) {
    mean[k] = (base[k] + drift * (k + lead)) * (fig ? fig[(n + k) % m] : 1);
    se[k] = sigma * Math.sqrt(k * alpha * alpha + 1);
  }
  return { mean, se, alpha, drift, seasonal };
}
