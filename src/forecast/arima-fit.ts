import type { ArimaOrder } from './arima-params';
import { arimaInvtrans, arimaUndoPars, arStationary, expandArma, maInvert } from './arima-params';
import type { ArimaForecastState } from './arima-state-space';
import { differencingCoefficients, forecastState, prepareArimaState } from './arima-state-space';
import { arimaFilter } from './arima-diffuse-filter';
import type { ArimaInitialization, ArimaProblem, ArimaRegressor } from './arima-objective';
import {
  ArimaFailure,
  createArimaProblem,
  cssObjective,
  fillCoefficients,
  likelihoodObjective,
  regressionAdjusted,
} from './arima-objective';
import { conditionalSumOfSquares } from './arima-css';
import { differencedAdjusted } from './arima-objective';
import type { BfgsResult } from './optim-bfgs';
import { OptimFailure, optimBfgs } from './optim-bfgs';
import { regressionStart } from './arima-regression';
import { coefficientVariance } from './arima-variance';
import { createCssObjective } from './arima-css-gradient';
import type { MlObjective } from './arima-ml-gradient';
import { createMlObjective } from './arima-ml-gradient';

const { PI, log } = Math;

/** Estimation method, as R's `arima(method = …)`. */
export type ArimaMethod = 'CSS-ML' | 'ML' | 'CSS';

export interface ArimaFitOptions {
  /** "mean" (needs d + D = 0), "drift" (needs d + D = 1) or "none". @default "none" */
  regressor?: ArimaRegressor;
  /** @default "CSS-ML" */
  method?: ArimaMethod;
  /** Likelihood of the differencing states' start (arima-objective.ts). @default "diffuse" */
  initialization?: ArimaInitialization;
  /** Coefficients held fixed (ar, ma, sar, sma, regressor), NaN for free; R's `fixed`. */
  fixed?: ArrayLike<number>;
  /**
   * When to compute the coefficients' variance (a finite-difference Hessian, about 4k² objective
   * evaluations): "now" (R's behaviour), "defer" (attach `deferredVariance`, for the order search,
   * which needs it only for candidates that would become the best) or "skip".
   * @default "now"
   */
  variance?: 'now' | 'defer' | 'skip';
  /**
   * false leaves out the final filter pass (residuals, σ², the state forecasts start from) and
   * attaches `finish` to run it later: the order search scores candidates by their likelihood and
   * filters only the one it keeps. @default true
   */
  finish?: boolean;
  /**
   * Gradient of the CSS objective (the "CSS" fit and the CSS start of "CSS-ML"): "analytic", exact
   * (arima-css-gradient.ts, about two objective evaluations against R's 2k), or "numeric", R's central
   * differences, which reproduce R's path to rounding. Both reach the same optimum to the optimiser's
   * tolerance; on the R fixtures (19 fixed orders, 72 auto.arima searches) the results are the same.
   * @default "analytic"
   */
  cssGradient?: 'numeric' | 'analytic';
  /**
   * Gradient of the likelihood objective in the maximum-likelihood fit and its Hessian: "numeric",
   * R's central differences, which reproduce R's path, or "analytic", exact (arima-ml-gradient.ts;
   * the exact diffuse likelihood only: with `initialization: "kappa"` the gradient is always R's).
   * Both reach the same optimum to the optimiser's tolerance, but near the invertibility boundary
   * the two paths can stop at points whose criteria differ in the last digits, enough to turn the
   * order search elsewhere (1 of the 72 auto.arima fixtures, `npm run bench:arima`): the default
   * stays R's path, and the `auto` member, which needs speed more than R's exact path, takes the
   * exact gradient. @default "numeric"
   */
  mlGradient?: 'numeric' | 'analytic';
  /**
   * The result of the CSS fit of this same model and series (method "CSS" with the same options), for
   * "CSS-ML": its estimate starts the likelihood search in place of running the same CSS search again
   * (the order search refits its CSS candidates by maximum likelihood).
   */
  cssEstimate?: Pick<ArimaFit, 'coef' | 'convergence'>;
}

/**
 * A fitted ARIMA model: R's `Arima` object (forecast 8.20) in plain data. `sigma2` is forecast's
 * residual variance Σe² / (n − d − mD − k + 1) (k free coefficients + 1), which its intervals use.
 */
export interface ArimaFit {
  order: ArimaOrder;
  regressor: ArimaRegressor;
  /** ar1..p, ma1..q, sar1..P, sma1..Q, then the mean or drift coefficient when present. */
  coef: Float64Array;
  mask: boolean[];
  method: ArimaMethod;
  loglik: number;
  /** NaN for CSS fits (R gives NA). */
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  /** stats::arima's σ̂² (ssq / n.used for ML; the conditional mean square for CSS). */
  sigma2Estimate: number;
  /** Standardised one-step innovations (ML) or CSS residuals. */
  residuals: Float64Array;
  /** Observations used: n − d − mD. */
  nobs: number;
  /** Variance matrix of the free coefficients (row-major), undefined when skipped or deferred. */
  variance?: Float64Array;
  /** Computes the variance later (options.variance "defer"); throws where R's solve() would fail. */
  deferredVariance?: () => Float64Array;
  /** With options.finish false: the fit with residuals, σ² and final state (empty until then). */
  finish?: () => ArimaFit;
  /** The state after filtering the whole history, for forecasting (a CSS fit is not filtered: φ and θ only). */
  state: ArimaForecastState;
  /** 0 when the optimiser converged. */
  convergence: number;
  /** Value of R's objective at the estimate (½ log σ̂² + ½ Σ log F / ν for ML). */
  objective: number;
}

/**
 * Fits ARIMA(p,d,q)(P,D,Q)m by R's `stats::arima` procedure (default method "CSS-ML": conditional
 * sum of squares for starting values, then exact Gaussian maximum likelihood through the Kalman
 * filter with stationarity enforced by the partial-autocorrelation transform of the AR blocks and
 * non-invertible MA roots reflected), with forecast's `Arima()` additions (AICc, BIC, residual
 * variance). Returns undefined where R's arima() fails (non-stationary CSS start, non-finite
 * objective or gradient): the caller treats that model as not fittable, as `auto.arima` does.
 * @example fitArima(y, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m: 12 })!.coef // [ma1, sma1]
 */
export function fitArima(y: Float64Array, order: ArimaOrder, options: ArimaFitOptions = {}): ArimaFit | undefined {
  try {
    return fitOrThrow(y, order, options);
  } catch (e) {
    if (e instanceof ArimaFailure || e instanceof OptimFailure) return undefined;
    throw e;
  }
}

function fitOrThrow(y: Float64Array, order: ArimaOrder, options: ArimaFitOptions): ArimaFit {
  const method = options.method ?? 'CSS-ML';
  const regressor = options.regressor ?? 'none';
  const nd = order.d + order.D;
  if ((regressor === 'mean' && nd !== 0) || (regressor === 'drift' && nd !== 1))
    throw new RangeError(`fitArima: a ${regressor} term needs d + D = ${regressor === 'mean' ? 0 : 1}`);
  const narma = order.p + order.q + order.P + order.Q;
  const ncoef = narma + (regressor === 'none' ? 0 : 1);
  const fixed = new Float64Array(ncoef).fill(NaN);
  if (options.fixed) for (let i = 0; i < ncoef; i++) fixed[i] = options.fixed[i];
  const delta = differencingCoefficients(order.d, order.D, order.m);
  const n = y.length;
  const nUsed = n - delta.length;
  if (nUsed <= 0) throw new ArimaFailure('too few non-missing observations');
  const pb = createArimaProblem(y, order, regressor, fixed, delta, options.initialization);
  const { mask } = pb;
  const free = mask.filter(Boolean).length;
  const noOptim = free === 0;
  const transform = !noOptim;
  const init = new Float64Array(ncoef);
  const parscale = new Float64Array(ncoef).fill(1);
  if (regressor !== 'none') {
    const start = regressionStart(y, order, regressor);
    init[narma] = start.coef;
    parscale[narma] = 10 * start.se;
  }
  const freeScale = parscale.filter((_, i) => mask[i]);
  const pick = (v: Float64Array): Float64Array => v.filter((_, i) => mask[i]);

  const css = (x: ArrayLike<number>): number => cssObjective(pb, x);
  if (method === 'CSS') return cssFit(pb, css, init, freeScale, nUsed, options);

  if (method === 'CSS-ML') {
    if (!noOptim) {
      const res = options.cssEstimate
        ? { par: pick(options.cssEstimate.coef), convergence: options.cssEstimate.convergence }
        : cssSearch(pb, css, pick(init), freeScale, options);
      if (res.convergence === 0) fillInto(init, mask, res.par);
    }
    if (order.p > 0 && !arStationary(init.subarray(0, order.p)))
      throw new ArimaFailure('non-stationary AR part from CSS');
    if (order.P > 0 && !arStationary(init.subarray(order.p + order.q, order.p + order.q + order.P)))
      throw new ArimaFailure('non-stationary seasonal AR part from CSS');
    pb.ncond = 0;
  }
  let start: Float64Array = init;
  if (transform) {
    start = arimaInvtrans(init, order);
    invertMaBlocks(start, order);
  }
  const armafn = (x: ArrayLike<number>): number => likelihoodObjective(pb, x, transform);
  const exact = noOptim ? undefined : mlObjective(pb, transform, options);
  const exactGradient = exact?.gradient;
  let res: { par: Float64Array; value: number; convergence: number } = noOptim
    ? { par: new Float64Array(0), value: armafn(new Float64Array(0)), convergence: 0 }
    : optimBfgs(exact?.objective ?? armafn, pick(start), { parscale: freeScale, gradient: exactGradient });
  const coef = fillCoefficients(pb, res.par, new Float64Array(ncoef));
  if (transform) {
    const before = Float64Array.from(coef);
    if (order.q > 0 && allFree(mask, order.p, order.q)) invertBlock(coef, order.p, order.q);
    if (order.Q > 0 && allFree(mask, order.p + order.q + order.P, order.Q))
      invertBlock(coef, order.p + order.q + order.P, order.Q);
    if (coef.some((v, i) => v !== before[i])) {
      const par = pick(coef);
      res = { par, value: armafn(par), convergence: res.convergence };
    }
  }
  const raw = Float64Array.from(coef);
  const free0 = res.par;
  const variance = varianceSource(noOptim ? 'skip' : options.variance, () =>
    coefficientVariance(pb, free0, raw, freeScale, nUsed, transform, 'ml', exactGradient),
  );
  if (transform) coef.set(arimaUndoPars(coef, order));
  const value = res.value;
  const convergence = res.convergence;
  const fit = (filtered: boolean) => mlFit(pb, coef, value, convergence, nUsed, variance, method, filtered);
  if (options.finish === false) return { ...fit(false), finish: () => fit(true) };
  return fit(true);
}

/**
 * The likelihood objective with its exact gradient where it applies (options.mlGradient); undefined
 * for R's central differences.
 */
function mlObjective(pb: ArimaProblem, transform: boolean, options: ArimaFitOptions): MlObjective | undefined {
  if (options.mlGradient !== 'analytic' || pb.initialization !== 'diffuse') return undefined;
  return createMlObjective(pb, transform);
}

/** The variance now, later or never. */
interface VarianceSource {
  value?: Float64Array;
  later?: () => Float64Array;
}

function varianceSource(when: ArimaFitOptions['variance'], compute: () => Float64Array): VarianceSource {
  if (when === 'skip') return {};
  if (when === 'defer') return { later: compute };
  return { value: compute() };
}

function fillInto(target: Float64Array, mask: boolean[], free: ArrayLike<number>): void {
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) target[i] = free[k++];
}

function allFree(mask: boolean[], from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) if (!mask[i]) return false;
  return true;
}

function invertBlock(v: Float64Array, from: number, count: number): void {
  v.set(maInvert(v.slice(from, from + count)), from);
}

function invertMaBlocks(v: Float64Array, o: ArimaOrder): void {
  if (o.q > 0) invertBlock(v, o.p, o.q);
  if (o.Q > 0) invertBlock(v, o.p + o.q + o.P, o.Q);
}

/**
 * Log-likelihood and the information criteria at the ML estimate. With `filtered`, after the final
 * filter at the estimate (R's arimaSS), with its residuals and σ̂²; without, before it (see
 * options.finish): no residuals, and σ² NaN.
 */
function mlFit(
  pb: ArimaProblem,
  coef: Float64Array,
  value: number,
  convergence: number,
  nUsed: number,
  variance: VarianceSource,
  method: ArimaMethod,
  filtered: boolean,
): ArimaFit {
  expandArma(coef, pb.order, false, pb.ss.phi, pb.ss.theta);
  const minus2 = 2 * nUsed * value + nUsed + nUsed * log(2 * PI);
  const aic = minus2 + 2 * pb.mask.filter(Boolean).length + 2;
  if (!filtered) {
    const fit = criteria(pb, coef, -0.5 * minus2, aic, NaN, new Float64Array(0), variance, convergence, value, method);
    return { ...fit, sigma2: NaN };
  }
  const residuals = new Float64Array(pb.y.length);
  if (!prepareArimaState(pb.ss)) throw new ArimaFailure('non-stationary AR part');
  arimaFilter(regressionAdjusted(pb, coef), pb.ss, pb.sums, residuals, true);
  const sigma2Estimate = pb.sums.ssq / nUsed;
  return criteria(pb, coef, -0.5 * minus2, aic, sigma2Estimate, residuals, variance, convergence, value, method);
}

/** The BFGS search of the CSS objective from `start` (free coefficients), with its exact gradient unless asked for R's. */
function cssSearch(
  pb: ArimaProblem,
  css: (x: ArrayLike<number>) => number,
  start: Float64Array,
  freeScale: Float64Array,
  options: ArimaFitOptions,
  exact = options.cssGradient !== 'numeric' ? createCssObjective(pb) : undefined,
): BfgsResult {
  return optimBfgs(exact?.objective ?? css, start, { parscale: freeScale, gradient: exact?.gradient });
}

/** R's CSS method: conditional least squares only (used by auto.arima's approximation). */
function cssFit(
  pb: ArimaProblem,
  css: (x: ArrayLike<number>) => number,
  init: Float64Array,
  freeScale: Float64Array,
  nUsed: number,
  options: ArimaFitOptions,
): ArimaFit {
  const { mask } = pb;
  const noOptim = !mask.some(Boolean);
  const exact = options.cssGradient !== 'numeric' ? createCssObjective(pb) : undefined;
  const gradient = exact?.gradient;
  const res = noOptim
    ? { par: new Float64Array(0), value: css(new Float64Array(0)), convergence: 0 }
    : cssSearch(
        pb,
        css,
        init.filter((_, i) => mask[i]),
        freeScale,
        options,
        exact,
      );
  const coef = fillCoefficients(pb, res.par, new Float64Array(init.length));
  expandArma(coef, pb.order, false, pb.ss.phi, pb.ss.theta);
  // R also runs the Kalman filter here (arimaSS), for predictions from a CSS fit; none are made from one.
  const resid = new Float64Array(pb.y.length);
  const sigma2 = conditionalSumOfSquares(differencedAdjusted(pb, coef), pb.ss.phi, pb.ss.theta, pb.ncond, resid);
  const free0 = res.par;
  const raw = Float64Array.from(coef);
  const variance = varianceSource(noOptim ? 'skip' : options.variance, () =>
    coefficientVariance(pb, free0, raw, freeScale, nUsed, false, 'css', gradient),
  );
  const minus2 = 2 * nUsed * res.value + nUsed + nUsed * log(2 * PI);
  return criteria(pb, coef, -0.5 * minus2, NaN, sigma2, resid, variance, res.convergence, res.value, 'CSS');
}

/** forecast::Arima's additions: AICc, BIC and the residual variance its intervals use. */
function criteria(
  pb: ArimaProblem,
  coef: Float64Array,
  loglik: number,
  aic: number,
  sigma2Estimate: number,
  residuals: Float64Array,
  variance: VarianceSource,
  convergence: number,
  objective: number,
  method: ArimaMethod,
): ArimaFit {
  const { order } = pb;
  const npar = pb.mask.filter(Boolean).length + 1;
  const nstar = pb.y.length - order.d - order.D * order.m;
  let ss = 0;
  for (let i = 0; i < residuals.length; i++) if (residuals[i] === residuals[i]) ss += residuals[i] * residuals[i];
  return {
    order,
    regressor: pb.regressor,
    coef,
    mask: pb.mask,
    method,
    loglik,
    aic,
    aicc: aic + (2 * npar * (npar + 1)) / (nstar - npar - 1),
    bic: aic + npar * (log(nstar) - 2),
    sigma2: ss / (nstar - npar + 1),
    sigma2Estimate,
    residuals,
    nobs: pb.y.length - pb.ss.delta.length,
    variance: variance.value,
    deferredVariance: variance.later,
    state: forecastState(pb.ss, residuals.length > 0),
    convergence,
    objective,
  };
}
