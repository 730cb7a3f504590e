import type { EtsFit } from './ets-fit';
import { etsPointForecast } from './ets-filter';
import { etsClass3Moments } from './ets-class3';

export interface MeanAndVariance {
  mean: Float64Array;
  /** Forecast variance per step; undefined when the model has no closed form (class 3+). */
  variance: Float64Array | undefined;
}

/**
 * Coefficients c_j = alpha + beta·(phi + … + phi^j) + gamma·[j mod m = 0], j = 1..h−1: the effect of
 * a one-step error on the forecast j steps later in the linear (class 1) models
 * (Hyndman et al. 2008, table 6.2).
 */
function impulseWeights(fit: EtsFit, h: number): Float64Array {
  const { spec, params } = fit;
  const c = new Float64Array(Math.max(h - 1, 0));
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  let phiSum = 0;
  let pow = 1;
  for (let j = 1; j < h; j++) {
    pow *= phi;
    phiSum += pow;
    let v = params.alpha;
    if (spec.trend !== 'N') v += params.beta * phiSum;
    if (spec.season !== 'N' && j % spec.period === 0) v += params.gamma;
    c[j - 1] = v;
  }
  return c;
}

/**
 * Point forecasts and analytic forecast variances of a fitted ETS model, as R forecast.ets():
 * class 1 (additive error, additive components): v_h = σ² (1 + Σ_{j<h} c_j²);
 * class 2 (multiplicative error, additive components): θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j},
 * v_h = (1 + σ²) θ_h − μ_h²; class 3 (multiplicative error and season): the matrix recursions of
 * ets-class3.ts. Additive error with multiplicative season returns no variance (simulate instead).
 */
export function etsForecastMoments(fit: EtsFit, h: number): MeanAndVariance {
  if (fit.spec.season === 'M') {
    // Class 3 (MNM, MAM, MAdM) has closed-form moments; AxM models (not in R's default set) do not.
    if (fit.spec.error === 'M') return etsClass3Moments(fit, h);
    return { mean: etsPointForecast(fit.finalState, fit.spec, fit.params, h), variance: undefined };
  }
  const mean = etsPointForecast(fit.finalState, fit.spec, fit.params, h);
  const c = impulseWeights(fit, h);
  const s2 = fit.sigma2;
  const variance = new Float64Array(h);
  if (fit.spec.error === 'A') {
    let acc = 0;
    for (let i = 0; i < h; i++) {
      variance[i] = s2 * (1 + acc);
      if (i < h - 1) acc += c[i] * c[i];
    }
  } else {
    const theta = new Float64Array(h);
    for (let i = 0; i < h; i++) {
      let t = mean[i] * mean[i];
      for (let j = 1; j <= i; j++) t += s2 * c[j - 1] * c[j - 1] * theta[i - j];
      theta[i] = t;
      variance[i] = (1 + s2) * t - mean[i] * mean[i];
    }
  }
  return { mean, variance };
}
