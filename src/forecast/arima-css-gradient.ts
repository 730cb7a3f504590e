import type { ArimaProblem } from './arima-objective';
import { cssObjective, differencedAdjusted, fillCoefficients } from './arima-objective';
import { expandArma } from './arima-params';
import { conditionalSumOfSquares, nonZeroPositions } from './arima-css';
import { zeroedArray } from './zeroed-arrays';

/** Gradient of an objective at x (unscaled coordinates) into `out`. */
export type ObjectiveGradient = (x: ArrayLike<number>, out: Float64Array) => void;

/**
 * The exact gradient of R's `armaCSS` objective f = ½ log(Σe²/ν) (arima-objective.ts) with respect
 * to the free coefficients, for the order search's conditional-sum-of-squares fits: ∂f = Σ e ∂e / Σe².
 *
 * The residuals are e = M[φ(B)Φ(Bᵐ) w] from t = ncond, where M is the MA inverse filter 1/θ(B)Θ(Bᵐ)
 * started at zero at ncond (`conditionalSumOfSquares`), a unit lower-triangular solve. Differentiating
 * the product polynomials:
 * - ∂e/∂φᵢ = −M[Bⁱ Φ(Bᵐ) w] and ∂e/∂Φⱼ = −M[Bᵐʲ φ(B) w] (inputs taken from ncond on);
 * - ∂e/∂θᵢ = −M[Bⁱ Θ(Bᵐ) e] and ∂e/∂Θⱼ = −M[Bᵐʲ θ(B) e] (e is zero before ncond);
 * - for the mean or drift b, w = Δy − b·c with c the differenced regressor, a constant:
 *   ∂e/∂b = −M[c φ(1)Φ(1)].
 * Each component is Σ e·M[s] = Σ λ·s with the adjoint λ = Mᵀe (one backward pass), so a gradient
 * costs about two objective evaluations, against 2k for R's central differences. BFGS then takes a
 * slightly different path from R's (which differentiates numerically) to the same optimum; R's path
 * stays available as `cssGradient: "numeric"` (arima-fit.ts). A NaN in the series gives NaN
 * entries, which stop the search as R's non-finite differences do.
 */
export function createCssGradient(pb: ArimaProblem): ObjectiveGradient {
  return createCssObjective(pb).gradient;
}

/**
 * The point an objective was last evaluated at, so that its gradient can tell whether the work
 * the objective left behind belongs to the point it is asked at.
 */
export interface LastPoint {
  remember(x: ArrayLike<number>): void;
  /** True when x equals the remembered point entry for entry. */
  isAt(x: ArrayLike<number>): boolean;
  forget(): void;
}

/** A LastPoint for points of k entries. */
export function lastPoint(k: number): LastPoint {
  const at = new Float64Array(k);
  let valid = false;
  return {
    remember(x) {
      valid = x.length === k;
      if (valid) for (let i = 0; i < k; i++) at[i] = x[i];
    },
    isAt(x) {
      if (!valid || x.length !== k) return false;
      for (let i = 0; i < k; i++) if (!(x[i] === at[i])) return false;
      return true;
    },
    forget() {
      valid = false;
    },
  };
}

/** R's `armaCSS` objective and its exact gradient (createCssGradient), sharing their work. */
export interface CssObjective {
  objective: (x: ArrayLike<number>) => number;
  gradient: ObjectiveGradient;
}

/**
 * The CSS objective (cssObjective) and its exact gradient as a pair for one optimiser run: the
 * objective keeps the residuals of its last evaluation, and a gradient asked at that same point (as
 * BFGS asks it, at the point it has just accepted) starts from them instead of filtering the series
 * again. The numbers are those of cssObjective and createCssGradient, bit for bit.
 */
export function createCssObjective(pb: ArimaProblem): CssObjective {
  const n = pb.y.length;
  const work = zeroedArray(3 * n);
  const e = work.subarray(0, n);
  const lambda = work.subarray(n, 2 * n);
  const g = work.subarray(2 * n);
  const thetaIdx = new Int32Array(pb.ss.theta.length);
  const phiIdx = new Int32Array(pb.ss.phi.length);
  // The point e was last computed at, with the conditioning it was computed with.
  const last = lastPoint(pb.mask.filter(Boolean).length);
  let lastNcond = -1;
  const objective = (x: ArrayLike<number>): number => {
    const value = cssObjective(pb, x, e);
    last.remember(x);
    lastNcond = pb.ncond;
    return value;
  };
  const gradient: ObjectiveGradient = (x, out) => {
    const reuse = last.isAt(x) && lastNcond === pb.ncond;
    const par = fillCoefficients(pb, x);
    const { phi, theta, K } = pb.ss;
    const { p, q, P, Q, m } = pb.order;
    expandArma(par, pb.order, false, phi, theta);
    const w = differencedAdjusted(pb, par);
    const nc = pb.ncond;
    if (!reuse) {
      conditionalSumOfSquares(w, phi, theta, nc, e, phiIdx, thetaIdx);
      last.forget();
    }
    const nq = nonZeroPositions(theta, thetaIdx);
    let ssq = 0;
    for (let l = nc; l < n; l++) ssq += e[l] * e[l];
    adjoint(e, theta, thetaIdx, nq, nc, lambda);
    const { mask } = pb;
    let k = 0;
    // AR: g = Φ(Bᵐ) w; ∂f/∂φᵢ ∝ −Σ λ_l g_{l−i}.
    if (p > 0) {
      factorFilter(w, par, p + q, P, m, -1, K, g);
      for (let i = 1; i <= p; i++) if (mask[i - 1]) out[k++] = -lagged(lambda, g, i, nc) / ssq;
    }
    // MA: g = Θ(Bᵐ) e; ∂f/∂θᵢ ∝ −Σ λ_l g_{l−i}.
    if (q > 0) {
      factorFilter(e, par, p + q + P, Q, m, 1, nc, g);
      for (let i = 1; i <= q; i++) if (mask[p + i - 1]) out[k++] = -lagged(lambda, g, i, nc + i) / ssq;
    }
    // Seasonal AR: g = φ(B) w.
    if (P > 0) {
      factorFilter(w, par, 0, p, 1, -1, K, g);
      for (let j = 1; j <= P; j++) if (mask[p + q + j - 1]) out[k++] = -lagged(lambda, g, m * j, nc) / ssq;
    }
    // Seasonal MA: g = θ(B) e.
    if (Q > 0) {
      factorFilter(e, par, p, q, 1, 1, nc, g);
      for (let j = 1; j <= Q; j++) if (mask[p + q + P + j - 1]) out[k++] = -lagged(lambda, g, m * j, nc + m * j) / ssq;
    }
    if (pb.regressor !== 'none' && mask[pb.narma]) {
      let phi1 = 1;
      for (let j = 0; j < phi.length; j++) phi1 -= phi[j];
      let s = 0;
      for (let l = nc; l < n; l++) s += lambda[l];
      out[k++] = (-pb.diffRegressor * phi1 * s) / ssq;
    }
  };
  return { objective, gradient };
}

/** λ = Mᵀe: λ_l = e_l − Σⱼ θⱼ λ_{l+j+1} from the end back to nc. */
function adjoint(
  e: Float64Array,
  theta: Float64Array,
  thetaIdx: Int32Array,
  nq: number,
  nc: number,
  lambda: Float64Array,
): void {
  const n = e.length;
  for (let l = n - 1; l >= nc; l--) {
    let v = e[l];
    for (let k = 0; k < nq; k++) {
      const j = thetaIdx[k];
      if (l + j + 1 >= n) break;
      v -= theta[j] * lambda[l + j + 1];
    }
    lambda[l] = v;
  }
}

/** Σ λ_l g_{l−lag} over l ≥ from. */
function lagged(lambda: Float64Array, g: Float64Array, lag: number, from: number): number {
  let s = 0;
  for (let l = from; l < lambda.length; l++) s += lambda[l] * g[l - lag];
  return s;
}

/**
 * out_t = v_t + sign Σⱼ c[from + j − 1] v_{t−step·j} (j = 1..count) for t ≥ start, terms before start
 * counting as 0: a seasonal factor (step m) or a non-seasonal one (step 1) applied to v.
 */
function factorFilter(
  v: Float64Array,
  c: ArrayLike<number>,
  from: number,
  count: number,
  step: number,
  sign: number,
  start: number,
  out: Float64Array,
): void {
  // floor((t − start) / step), counted instead of divided.
  let whole = 0;
  let part = 0;
  for (let t = start; t < v.length; t++) {
    let s = v[t];
    // The terms with t − step·j ≥ start, in the same order.
    const jmax = whole < count ? whole : count;
    for (let j = 1; j <= jmax; j++) s += sign * c[from + j - 1] * v[t - step * j];
    out[t] = s;
    if (++part === step) {
      part = 0;
      whole++;
    }
  }
}
