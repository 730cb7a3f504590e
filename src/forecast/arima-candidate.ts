import type { ArimaOrder } from './arima-params';
import type { ArimaFit } from './arima-fit';
import { fitArima } from './arima-fit';
import { smallestRootModulus } from './polynomial-roots';
import { ArimaFailure } from './arima-objective';
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

/** The expanded polynomial up to its last coefficient above 1e-8 in size, as forecast's `myarima` trims it. */
function trimmed(c: Float64Array): Float64Array {
  let last = 0;
  for (let i = 0; i < c.length; i++) if (Math.abs(c[i]) > 1e-8) last = i + 1;
  return c.subarray(0, last);
}

/** Smallest root modulus of 1 − Σφᵢzⁱ and of 1 + Σθᵢzⁱ (2 when neither has a non-zero coefficient). */
export function smallestArmaRoot(phi: Float64Array, theta: Float64Array): number {
  let minroot = 2;
  const ar = trimmed(phi);
  if (ar.length > 0) minroot = Math.min(minroot, smallestRootModulus([1, ...Array.from(ar, (v) => -v)]));
  const ma = trimmed(theta);
  if (ma.length > 0) minroot = Math.min(minroot, smallestRootModulus([1, ...ma]));
  return minroot;
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
): ArimaCandidate {
  const diffs = order.d + order.D;
  const regressor = constant ? (diffs === 1 ? 'drift' : diffs === 0 ? 'mean' : 'none') : 'none';
  const fit = fitArima(y, order, { regressor, method: approximation ? 'CSS' : 'CSS-ML', variance: 'defer' });
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
  if (order.p + order.P + order.q + order.Q > 0 && smallestArmaRoot(fit.state.phi, fit.state.theta) < 1.01)
    ic = Infinity;
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
