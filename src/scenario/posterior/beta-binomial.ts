/**
 * The beta–binomial conjugate update for a rate: successes out of trials per period, prior
 * p ~ Beta(α, β), posterior Beta(α + w·Σsuccesses, β + w·Σ(trials − successes)) (Gelman et al.,
 * Bayesian Data Analysis, 3rd ed., §2.4). A rate observed without its trials counts as one trial
 * with a fractional success (the rate itself), the usual quasi-binomial reading of a proportion.
 */

export interface BetaPosterior {
  alpha: number;
  beta: number;
}

/** One period of a rate: `successes` out of `trials` (0 ≤ successes ≤ trials). */
export interface RateObservation {
  successes: number;
  trials: number;
}

/**
 * Posterior shape parameters after the observations, each period counted `weight` times.
 * @example updateBeta({ alpha: 2, beta: 8 }, [{ successes: 3, trials: 10 }]) // { alpha: 5, beta: 15 }
 */
export function updateBeta(
  prior: BetaPosterior,
  observations: ReadonlyArray<RateObservation>,
  weight = 1,
): BetaPosterior {
  let successes = 0;
  let failures = 0;
  for (const o of observations) {
    successes += o.successes;
    failures += o.trials - o.successes;
  }
  return { alpha: prior.alpha + weight * successes, beta: prior.beta + weight * failures };
}
