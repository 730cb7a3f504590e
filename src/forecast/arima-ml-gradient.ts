import type { ArimaProblem } from './arima-objective';
import { differencedAdjusted, fillCoefficients, likelihoodObjective } from './arima-objective';
import { expandArma } from './arima-params';
import { prepareArimaState } from './arima-state-space';
import { arimaFilterDiffuse, filterTape } from './arima-chandrasekhar';
import type { ObjectiveGradient } from './arima-css-gradient';
import { lastPoint } from './arima-css-gradient';

const { MAX_VALUE } = Number;
import type { FilterSums } from './arima-kalman';
import { autocovarianceTangent, autocovarianceTangentScratch } from './arima-autocovariance-tangent';
import { filterAdjoint } from './arima-filter-adjoint';
import { coefficientTangent } from './arima-params-tangent';

/**
 * The exact gradient of R's `armafn` (arima-objective.ts) with the exact diffuse likelihood: f =
 * ½ (log(Σv²/F / ν) + Σ log F / ν) as a function of the free coefficients (AR blocks unconstrained
 * when `transform`), for the maximum-likelihood fit of "CSS-ML" and "ML".
 *
 * The likelihood depends on the coefficients through four steps: the AR blocks' transform and the
 * seasonal expansion (coefficients → φ, θ), the autocovariances and ψ-weights (φ, θ → γ, ψ), the
 * first column of the stationary covariance Q₀ that starts the filter (φ, θ, γ, ψ → Q₀e₁), and the
 * Chandrasekhar filter over the differenced series (φ, Q₀e₁, w → f). The filter, which holds all the
 * O(n) work, is differentiated in reverse (arima-filter-adjoint.ts: one backward pass over the run's
 * tape gives ∂f/∂φ, ∂f/∂Q₀e₁ and Σ ∂f/∂w); the first three steps, which cost O(p² + r·q) and do not
 * grow with n, forwards, one direction per free coefficient. A gradient therefore costs about three
 * objective evaluations, against 2k for R's central differences of step 1e-3; it is checked against
 * small central differences in test/forecast/arima-ml-gradient.test.ts. Returns NaN entries where
 * the objective cannot be formed, which stops the search as R's non-finite differences do.
 */
export function createMlGradient(pb: ArimaProblem, transform: boolean): ObjectiveGradient {
  return createMlObjective(pb, transform).gradient;
}

/** R's `armafn` (likelihoodObjective) and its exact gradient (createMlGradient), sharing their work. */
export interface MlObjective {
  objective: (x: ArrayLike<number>) => number;
  gradient: ObjectiveGradient;
}

/**
 * The likelihood objective and its exact gradient as a pair for one optimiser run: the objective
 * records its filter run on the gradient's tape, and a gradient asked at that same point (as BFGS asks
 * it, at the point it has just accepted) runs only the reverse pass. The numbers are those of
 * likelihoodObjective and createMlGradient, bit for bit. The exact diffuse likelihood only.
 */
export function createMlObjective(pb: ArimaProblem, transform: boolean): MlObjective {
  const { ss, order } = pb;
  const n = pb.y.length;
  const { r } = ss;
  const p = ss.phi.length;
  const q = ss.theta.length;
  const tape = filterTape(n, r);
  const phiBar = new Float64Array(r);
  const colBar = new Float64Array(r);
  const work = new Float64Array(3 * r);
  const dphi = new Float64Array(p);
  const dtheta = new Float64Array(q);
  const dgamma = new Float64Array(r + 1);
  const dpsi = new Float64Array(r + 1);
  const tangentScratch = autocovarianceTangentScratch(p, q, r);
  const ncoef = pb.fixed.length;
  // The point the tape was last recorded at by the objective, and the sums of that run.
  const last = lastPoint(pb.mask.filter(Boolean).length);
  const sums: FilterSums = { ssq: 0, sumlog: 0, nu: 0 };
  const objective = (x: ArrayLike<number>): number => {
    const value = likelihoodObjective(pb, x, transform, tape);
    if (value === MAX_VALUE) last.forget();
    else {
      last.remember(x);
      Object.assign(sums, pb.sums);
    }
    return value;
  };
  const gradient: ObjectiveGradient = (x, out) => {
    const reuse = last.isAt(x);
    const par = fillCoefficients(pb, x);
    expandArma(par, order, transform, ss.phi, ss.theta, pb.trans);
    if (!prepareArimaState(ss, false)) {
      out.fill(NaN);
      return;
    }
    if (!reuse) {
      last.forget();
      arimaFilterDiffuse(differencedAdjusted(pb, par), ss, sums, tape);
    }
    const wBar = filterAdjoint(ss, sums, tape, phiBar, colBar, work);
    const { gamma, psi } = ss;
    let k = 0;
    for (let c = 0; c < ncoef; c++) {
      if (!pb.mask[c]) continue;
      if (c >= pb.narma) {
        // w = Δy − b·c for t ≥ K: ∂f/∂b = −c Σ ∂f/∂w_t.
        out[k++] = -pb.diffRegressor * wBar;
        continue;
      }
      coefficientTangent(par, order, transform, c, dphi, dtheta);
      autocovarianceTangent(ss.phi, ss.theta, dphi, dtheta, r, psi, ss.scratch, dgamma, dpsi, tangentScratch);
      // Q₀e₁: col_j = Σ_{i≥j} φᵢ γ(i − j + 1) + Σ_{i≥j−1} θᵢ ψ(i − j + 1) (θ₀ = 1), j = 1..r.
      let g = 0;
      for (let i = 0; i < p && i < r; i++) g += phiBar[i] * dphi[i];
      for (let j = 1; j <= r; j++) {
        let dcol = 0;
        for (let i = j; i <= p; i++) dcol += dphi[i - 1] * gamma[i - j + 1] + ss.phi[i - 1] * dgamma[i - j + 1];
        for (let i = j - 1; i <= q && i <= r - 1; i++)
          dcol += i === 0 ? dpsi[1 - j + i] : dtheta[i - 1] * psi[i - j + 1] + ss.theta[i - 1] * dpsi[i - j + 1];
        g += colBar[j - 1] * dcol;
      }
      out[k++] = g;
    }
  };
  return { objective, gradient };
}
