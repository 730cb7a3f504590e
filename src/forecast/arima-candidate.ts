import type { ArimaOrder } from './arima-params';
import type { ArimaFit, ArimaFitOptions } from './arima-fit';
import type { ArimaRegressor } from './arima-objective';
import { fitArima } from './arima-fit';
import { smallestRootModulus } from './polynomial-roots';
import { ArimaFailure } from './arima-objective';

const { abs } = Math;
import { OptimFailure } from './optim-bfgs';

/** Information criterion used to compare candidate models. */
export type ArimaCriterion = 'aicc' | 'aic' | 'bic';

/**
 * A candidate of the order search: its fit (when usable) and the criterion value (Infinity when
 * rejected). `checked` is false while the variance check is still pending (see confirmCandidate).
 */
export interface ArimaCandidate {
  fit?: ArimaFit;
  ic: number;
  checked: boolean;
}

/** Smallest root modulus of 1 ± Σ cᵢ zⁱ over c[from .. from + k) (Infinity without a coefficient above 1e-8). */
function smallestFactorRoot(c: ArrayLike<number>, from: number, k: number, sign: number): number {
  let last = 0;
  for (let i = 0; i < k; i++) if (abs(c[from + i]) > 1e-8) last = i + 1;
  if (last === 0) return Infinity;
  const poly = [1];
  for (let i = 0; i < last; i++) poly.push(sign * c[from + i]);
  return smallestRootModulus(poly);
}

/**
 * Smallest modulus among the roots of the model's AR polynomial φ(z)Φ(zᵐ) and MA polynomial
 * θ(z)Θ(zᵐ) (2 when neither has a coefficient), as forecast's `myarima` checks them on the expanded
 * polynomials; computed factor by factor (a root w of Φ gives roots of modulus |w|^(1/m)), which is
 * the same set of roots from polynomials of degree ≤ 5.
 */
export function smallestArmaRoot(coef: ArrayLike<number>, o: ArimaOrder): number {
  const { p, q, P, Q, m } = o;
  const seasonal = (r: number): number => (r === Infinity ? r : r ** (1 / m));
  return Math.min(
    2,
    smallestFactorRoot(coef, 0, p, -1),
    seasonal(smallestFactorRoot(coef, p + q, P, -1)),
    smallestFactorRoot(coef, p, q, 1),
    seasonal(smallestFactorRoot(coef, p + q + P, Q, 1)),
  );
}

/** The constant of a candidate: a drift for d + D = 1, a mean for d + D = 0, nothing otherwise. */
export function constantRegressor(order: ArimaOrder, constant: boolean): ArimaRegressor {
  const diffs = order.d + order.D;
  return constant ? (diffs === 1 ? 'drift' : diffs === 0 ? 'mean' : 'none') : 'none';
}

/**
 * One candidate of forecast's `auto.arima`, as its `myarima`: the model with a constant when asked
 * (a drift for d + D = 1, a mean for d + D = 0, nothing otherwise), fitted by CSS-ML, or by CSS with
 * AIC shifted by `offset` when `approximation`; scored by the criterion, and rejected (Infinity) when
 * it cannot be fitted, when an AR or MA root lies within 1.01 of the unit circle, or when the
 * coefficients' variance has a negative diagonal entry (forecast's `checkarima`).
 */
export function fitCandidate(
  y: Float64Array,
  order: ArimaOrder,
  constant: boolean,
  criterion: ArimaCriterion,
  approximation: boolean,
  offset: number,
  estimation: Pick<ArimaFitOptions, 'initialization' | 'cssGradient' | 'mlGradient' | 'cssEstimate'> = {},
): ArimaCandidate {
  const regressor = constantRegressor(order, constant);
  const fit = fitArima(y, order, {
    ...estimation,
    regressor,
    method: approximation ? 'CSS' : 'CSS-ML',
    variance: 'defer',
    finish: false,
  });
  if (!fit) return { ic: Infinity, checked: true };
  const nstar = y.length - order.d - order.D * order.m;
  const npar = fit.mask.filter(Boolean).length + 1;
  let aic = fit.aic;
  if (approximation) aic = offset + nstar * Math.log(fit.sigma2Estimate) + 2 * npar;
  if (!(aic === aic)) return { fit, ic: Infinity, checked: true };
  const aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
  const bic = aic + npar * (Math.log(nstar) - 2);
  const scored: ArimaFit = { ...fit, aic, aicc, bic };
  let ic = criterion === 'bic' ? bic : criterion === 'aic' ? aic : aicc;
  if (order.p + order.P + order.q + order.Q > 0 && smallestArmaRoot(fit.coef, order) < 1.01) ic = Infinity;
  ic = ic === ic ? ic : Infinity;
  return { fit: scored, ic, checked: ic === Infinity || !fit.deferredVariance };
}

/**
 * Completes a candidate's checks with forecast's `checkarima` (the coefficients' variance from a
 * finite-difference Hessian must have no negative or undefined diagonal entry; a singular Hessian
 * fails the fit, as R's solve() does). The search runs it only for candidates that would change its
 * course, which gives the same result as checking every candidate and saves most Hessians.
 */
export function confirmCandidate(c: ArimaCandidate): ArimaCandidate {
  if (c.checked || !c.fit?.deferredVariance) return { ...c, checked: true };
  let variance: Float64Array;
  try {
    variance = c.fit.deferredVariance();
  } catch (e) {
    if (e instanceof ArimaFailure || e instanceof OptimFailure) return { ic: Infinity, checked: true };
    throw e;
  }
  const fit: ArimaFit = { ...c.fit, variance, deferredVariance: undefined };
  const k = Math.round(Math.sqrt(variance.length));
  for (let i = 0; i < k; i++) if (!(variance[i * k + i] >= 0)) return { fit, ic: Infinity, checked: true };
  return { fit, ic: c.ic, checked: true };
}
