/**
 * The normal–inverse-gamma conjugate update: observations x ~ Normal(μ, σ²) with both μ and σ²
 * unknown, prior σ² ~ InvGamma(α₀, β₀) and μ | σ² ~ Normal(μ₀, σ²/κ₀). The posterior has the same
 * form, and the predictive of one new observation is a Student-t
 * t_{2αₙ}(μₙ, βₙ(κₙ + 1)/(αₙκₙ)) (Murphy, "Conjugate Bayesian analysis of the Gaussian
 * distribution", 2007, §6; Gelman et al., Bayesian Data Analysis, 3rd ed., §3.3).
 *
 * Each observation may count `weight` times (a tempered or "power" likelihood, Ibrahim & Chen 2000):
 * the sufficient statistics are scaled by the weight, so weight 0.5 makes every actual worth half an
 * observation against the prior.
 */

export interface NormalInverseGamma {
  /** Location of μ. */
  mu: number;
  /** Observations' worth of information about μ (κ > 0). */
  kappa: number;
  /** Shape of the inverse-gamma on σ² (α > 0). */
  alpha: number;
  /** Scale of the inverse-gamma on σ² (β > 0). */
  beta: number;
}

/** A location–scale Student-t: the predictive distribution of one new observation. */
export interface StudentPredictive {
  df: number;
  location: number;
  scale: number;
}

/**
 * Posterior hyperparameters after observing `values` (NaN and null are skipped), each counted `weight` times.
 * κₙ = κ₀ + wn, μₙ = (κ₀μ₀ + wn·x̄)/κₙ, αₙ = α₀ + wn/2,
 * βₙ = β₀ + ½w·Σ(xᵢ − x̄)² + κ₀·wn·(x̄ − μ₀)²/(2κₙ).
 * The sum of squares is accumulated around a running mean (Welford), so huge values stay exact.
 * @example updateNormalInverseGamma({ mu: 0, kappa: 1, alpha: 1, beta: 1 }, [1, 2, 3]).mu // 1.5
 */
export function updateNormalInverseGamma(
  prior: NormalInverseGamma,
  values: ReadonlyArray<number | null>,
  weight = 1,
): NormalInverseGamma {
  let n = 0;
  let mean = 0;
  let squares = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    n += 1;
    const delta = v - mean;
    mean += delta / n;
    squares += delta * (v - mean);
  }
  if (n === 0) return { ...prior };
  const wn = weight * n;
  const kappa = prior.kappa + wn;
  const shift = mean - prior.mu;
  return {
    mu: prior.mu + (wn * shift) / kappa,
    kappa,
    alpha: prior.alpha + wn / 2,
    beta: prior.beta + 0.5 * weight * squares + (prior.kappa * wn * shift * shift) / (2 * kappa),
  };
}

/**
 * The predictive Student-t of one new observation under `nig`.
 * @example nigPredictive({ mu: 0, kappa: 1, alpha: 2, beta: 1 }) // { df: 4, location: 0, scale: 1 }
 */
export function nigPredictive(nig: NormalInverseGamma): StudentPredictive {
  return {
    df: 2 * nig.alpha,
    location: nig.mu,
    scale: Math.sqrt((nig.beta * (nig.kappa + 1)) / (nig.alpha * nig.kappa)),
  };
}

/**
 * The prior OpenFPA reads from a driver stated as Normal(mean, sd): worth one observation of the
 * mean (κ₀ = 1) and α₀ = 2, the smallest whole shape whose predictive variance exists, with β₀ set
 * so that the prior predictive has the driver's mean and variance (β₀ = sd²(α₀ − 1)κ₀/(κ₀ + 1)).
 * @example nigFromNormal(130, 10) // { mu: 130, kappa: 1, alpha: 2, beta: 50 }
 */
export function nigFromNormal(mean: number, sd: number): NormalInverseGamma {
  const kappa = 1;
  const alpha = 2;
  return { mu: mean, kappa, alpha, beta: (sd * sd * (alpha - 1) * kappa) / (kappa + 1) };
}
