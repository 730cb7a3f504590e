/**
 * The gamma–Poisson conjugate update for counts per period: counts ~ Poisson(λ·exposure), prior
 * λ ~ Gamma(shape a, rate b), posterior Gamma(a + w·Σcounts, b + w·Σexposure). The predictive count of
 * one new period (exposure 1) is negative binomial with size a and probability b/(b + 1)
 * (Gelman et al., Bayesian Data Analysis, 3rd ed., §2.6).
 */

export interface GammaPosterior {
  /** Shape a > 0. */
  shape: number;
  /** Rate b > 0 (periods of exposure the information is worth). */
  rate: number;
}

/** The negative binomial in R's (size, prob) form: failures before `size` successes. */
export interface NegativeBinomial {
  size: number;
  prob: number;
}

/**
 * Posterior after `counts` (null skipped), each period counted `weight` times.
 * @example updateGamma({ shape: 4, rate: 1 }, [3, 5, 4]) // { shape: 16, rate: 4 }
 */
export function updateGamma(prior: GammaPosterior, counts: ReadonlyArray<number | null>, weight = 1): GammaPosterior {
  let total = 0;
  let periods = 0;
  for (const c of counts) {
    if (c === null || !Number.isFinite(c)) continue;
    total += c;
    periods += 1;
  }
  return { shape: prior.shape + weight * total, rate: prior.rate + weight * periods };
}

/**
 * Predictive of the count in one new period.
 * @example gammaPoissonPredictive({ shape: 16, rate: 4 }) // { size: 16, prob: 0.8 }
 */
export function gammaPoissonPredictive(posterior: GammaPosterior): NegativeBinomial {
  return { size: posterior.shape, prob: posterior.rate / (posterior.rate + 1) };
}
