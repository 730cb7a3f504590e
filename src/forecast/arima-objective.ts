import type { ArimaOrder } from './arima-params';
import { armaCount, expandArma } from './arima-params';
import type { ArimaStateSpace } from './arima-state-space';
import { createArimaStateSpace, prepareArimaState } from './arima-state-space';
import type { FilterSums } from './arima-kalman';
import { arimaFilter } from './arima-diffuse-filter';
import { arimaFilterDiffuse } from './arima-chandrasekhar';
import type { FilterTape } from './arima-chandrasekhar';
import { conditionalSumOfSquares, differenceSeries } from './arima-css';
import { zeroedArray } from './zeroed-arrays';

// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { log } = Math;
const { MAX_VALUE, isNaN } = Number;

/** Raised inside an ARIMA fit where R's arima() stops with an error; the fit is then not usable. */
export class ArimaFailure extends Error {}

/** The regression column of an ARIMA fit: none, a constant mean, or a linear drift 1..n. */
export type ArimaRegressor = 'none' | 'mean' | 'drift';

/**
 * How the likelihood treats the differencing states' unknown start: "diffuse" is the exact diffuse
 * likelihood (κ → ∞: the stationary likelihood of the differenced series, O(r) per observation);
 * "kappa" reproduces R's `arima`, which gives them variance κ = 1e6 (an approximation whose effect
 * on the log-likelihood is typically 1e-9 to 1e-6 relative, up to 1e-5 for series far from zero
 * relative to their variation), at O(r²) per observation.
 */
export type ArimaInitialization = 'diffuse' | 'kappa';

/**
 * One ARIMA estimation problem: the series, the orders, the regressor and which coefficients are
 * free, with every scratch array allocated once. Its two objectives are R `arima`'s `armaCSS` and
 * `armafn` (the concentrated Gaussian log-likelihood through the Kalman filter); both take the free
 * coefficients and allocate nothing.
 */
export interface ArimaProblem {
  y: Float64Array;
  order: ArimaOrder;
  regressor: ArimaRegressor;
  initialization: ArimaInitialization;
  /** Coefficients (ar, ma, sar, sma, regressor) with NaN where free. */
  fixed: Float64Array;
  mask: boolean[];
  narma: number;
  ncond: number;
  ss: ArimaStateSpace;
  par: Float64Array;
  trans: Float64Array;
  adjusted: Float64Array;
  /** The differenced series Δy (entries from d + mD on), and Δ applied to the regressor (a constant). */
  diffY: Float64Array;
  diffRegressor: number;
  /** Δ(y − regression) at the current coefficients. */
  w: Float64Array;
  /** The regression shift w was last computed with (NaN before the first). */
  wShift: number;
  resid: Float64Array;
  phiIdx: Int32Array;
  thetaIdx: Int32Array;
  sums: FilterSums;
}

export function createArimaProblem(
  y: Float64Array,
  order: ArimaOrder,
  regressor: ArimaRegressor,
  fixed: Float64Array,
  delta: Float64Array,
  initialization: ArimaInitialization = 'diffuse',
): ArimaProblem {
  const narma = armaCount(order);
  const n = y.length;
  const K = delta.length;
  // Δ of the regressor at t = K: 1 − ΣΔᵢ = 1 for a mean (K = 0), Σ iΔᵢ for a drift (d + D = 1).
  let diffRegressor = 0;
  if (regressor !== 'none' && n > K) {
    const z = (t: number): number => (regressor === 'mean' ? 1 : t + 1);
    diffRegressor = z(K);
    for (let i = 1; i <= K; i++) diffRegressor -= delta[i - 1] * z(K - i);
  }
  const p = order.p + order.m * order.P;
  const q = order.q + order.m * order.Q;
  // The four series-length arrays as views of one buffer (a problem is made for every candidate).
  const series = zeroedArray(4 * n);
  return {
    y,
    order,
    regressor,
    initialization,
    fixed,
    mask: Array.from(fixed, (v) => isNaN(v)),
    narma,
    ncond: order.d + order.D * order.m + order.p + order.m * order.P,
    ss: createArimaStateSpace(p, q, delta, undefined, true),
    par: new Float64Array(fixed.length),
    trans: new Float64Array(narma),
    adjusted: series.subarray(0, n),
    diffY: differenceSeries(y, order, series.subarray(n, 2 * n)),
    diffRegressor,
    w: series.subarray(2 * n, 3 * n),
    wShift: NaN,
    resid: series.subarray(3 * n),
    phiIdx: new Int32Array(p),
    thetaIdx: new Int32Array(q),
    sums: { ssq: 0, sumlog: 0, nu: 0 },
  };
}

/** Full coefficient vector from the free ones (fixed entries kept). */
export function fillCoefficients(pb: ArimaProblem, free: ArrayLike<number>, out: Float64Array = pb.par): Float64Array {
  let k = 0;
  for (let i = 0; i < pb.fixed.length; i++) out[i] = pb.mask[i] ? free[k++] : pb.fixed[i];
  return out;
}

/** y minus the regression part, into pb.adjusted. */
export function regressionAdjusted(pb: ArimaProblem, par: ArrayLike<number>): Float64Array {
  const { y, adjusted } = pb;
  const n = y.length;
  if (pb.regressor === 'none') {
    adjusted.set(y);
  } else {
    const b = par[pb.narma];
    if (pb.regressor === 'mean') for (let t = 0; t < n; t++) adjusted[t] = y[t] - b;
    else for (let t = 0; t < n; t++) adjusted[t] = y[t] - b * (t + 1);
  }
  return adjusted;
}

/** Δ(y − regression) into pb.w: the differenced series less Δ of the regression part (from t = d + mD). */
export function differencedAdjusted(pb: ArimaProblem, par: ArrayLike<number>): Float64Array {
  const { diffY, w } = pb;
  const K = pb.ss.K;
  const shift = pb.regressor === 'none' ? 0 : par[pb.narma] * pb.diffRegressor;
  // Most evaluations move only the ARMA coefficients: w is then what the last one computed.
  if (Object.is(shift, pb.wShift)) return w;
  for (let t = K; t < w.length; t++) w[t] = diffY[t] - shift;
  pb.wShift = shift;
  return w;
}

/**
 * R's `armaCSS`: ½ log of the conditional mean square, at the free coefficients `free`; the residuals
 * are left in `resid` (length n).
 */
export function cssObjective(pb: ArimaProblem, free: ArrayLike<number>, resid: Float64Array = pb.resid): number {
  const par = fillCoefficients(pb, free);
  expandArma(par, pb.order, false, pb.ss.phi, pb.ss.theta);
  const w = differencedAdjusted(pb, par);
  return 0.5 * log(conditionalSumOfSquares(w, pb.ss.phi, pb.ss.theta, pb.ncond, resid, pb.phiIdx, pb.thetaIdx));
}

/**
 * R's `armafn`: ½ (log σ̂² + Σ log F / ν), the negative concentrated log-likelihood per observation,
 * at the free coefficients, with the AR blocks given as unconstrained values when `transform`.
 * Returns MAX_VALUE when the state covariance cannot be formed (as R's error branch). With `tape`
 * (the exact diffuse likelihood only), the filter run is recorded for its gradient's reverse pass.
 */
export function likelihoodObjective(
  pb: ArimaProblem,
  free: ArrayLike<number>,
  transform: boolean,
  tape?: FilterTape,
): number {
  const par = fillCoefficients(pb, free);
  expandArma(par, pb.order, transform, pb.ss.phi, pb.ss.theta, pb.trans);
  if (!prepareArimaState(pb.ss, pb.initialization === 'kappa')) return MAX_VALUE;
  if (pb.initialization === 'diffuse') arimaFilterDiffuse(differencedAdjusted(pb, par), pb.ss, pb.sums, tape);
  else arimaFilter(regressionAdjusted(pb, par), pb.ss, pb.sums);
  const { ssq, sumlog, nu } = pb.sums;
  return 0.5 * (log(ssq / nu) + sumlog / nu);
}
