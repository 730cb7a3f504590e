/**
 * Discrete families: a general discrete distribution (values with probabilities), Bernoulli,
 * Poisson and negative binomial. Quantile convention (as R's): the smallest x with P(X ≤ x) ≥ p.
 */
import { incompleteBeta, lnBeta } from '../special/beta';
import { gammaQ } from '../../stats/gamma-functions';
import { normalQuantile } from '../../stats/normal-quantile';
import { Distribution } from './types';

/** First index i with cumulative[i] ≥ p (binary search); cumulative ends with exactly 1. */
function searchCumulative(cumulative: Float64Array, p: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] >= p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Discrete distribution on `values` with `probabilities` (validated by the caller: same length,
 * non-negative, summing to 1). Values are sorted; equal values are merged.
 * @example discrete([0, 250000, 1000000], [0.6, 0.3, 0.1]).quantile(0.65) // 250000
 */
export function discrete(values: readonly number[], probabilities: readonly number[]): Distribution {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const support: number[] = [];
  const mass: number[] = [];
  for (const i of order) {
    if (support.length > 0 && support[support.length - 1] === values[i]) mass[mass.length - 1] += probabilities[i];
    else {
      support.push(values[i]);
      mass.push(probabilities[i]);
    }
  }
  const total = mass.reduce((s, m) => s + m, 0);
  const cumulative = new Float64Array(support.length);
  let running = 0;
  for (let i = 0; i < support.length; i++) {
    running += mass[i] / total;
    cumulative[i] = running;
  }
  cumulative[support.length - 1] = 1;
  const mean = support.reduce((s, v, i) => s + (v * mass[i]) / total, 0);
  const variance = support.reduce((s, v, i) => s + ((v - mean) * (v - mean) * mass[i]) / total, 0);
  const quantile = (p: number): number => support[searchCumulative(cumulative, p)];
  return {
    family: 'discrete',
    discrete: true,
    mean: () => mean,
    variance: () => variance,
    cdf: (x) => {
      let c = 0;
      for (let i = 0; i < support.length && support[i] <= x; i++) c = cumulative[i];
      return c;
    },
    quantile,
    quantiles(u, out) {
      for (let i = 0; i < u.length; i++) out[i] = support[searchCumulative(cumulative, u[i])];
    },
  };
}

/**
 * Bernoulli(p): 1 with probability p, else 0.
 * @example bernoulli(0.3).quantile(0.75) // 1
 */
export function bernoulli(p: number): Distribution {
  return { ...discrete([0, 1], [1 - p, p]), family: 'bernoulli' };
}

/**
 * The quantile of a distribution on 0, 1, 2, …: the smallest k with P(X ≤ k) ≥ p, found by walking
 * the CDF from the normal approximation's `guess(z)`, z = Φ⁻¹(p) (floored, at least 0).
 */
function walkedQuantile(cdf: (k: number) => number, guess: (z: number) => number): (p: number) => number {
  return (p) => {
    if (p <= 0) return 0;
    if (p >= 1) return Infinity;
    const z = normalQuantile(p);
    let k = Math.max(0, Math.floor(guess(z)));
    while (cdf(k) < p) k += 1;
    while (k > 0 && cdf(k - 1) >= p) k -= 1;
    return k;
  };
}

/** A count distribution from its moments, CDF and quantile. */
function countDistribution(
  family: string,
  mean: number,
  variance: number,
  cdf: (x: number) => number,
  quantile: (p: number) => number,
): Distribution {
  return {
    family,
    discrete: true,
    mean: () => mean,
    variance: () => variance,
    cdf,
    quantile,
    quantiles(u, out) {
      for (let i = 0; i < u.length; i++) out[i] = quantile(u[i]);
    },
  };
}

/**
 * Poisson(lambda). The quantile starts from the Cornish–Fisher normal approximation and walks the
 * CDF (P(X ≤ k) = Q(k + 1, λ)) to the exact answer.
 * @example poisson(4).quantile(0.9) // 7 (R: qpois(0.9, 4))
 */
export function poisson(lambda: number): Distribution {
  const cdf = (k: number): number => (k < 0 ? 0 : gammaQ(Math.floor(k) + 1, lambda));
  const quantile = walkedQuantile(cdf, (z) => lambda + Math.sqrt(lambda) * z + (z * z - 1) / 6);
  return countDistribution('poisson', lambda, lambda, cdf, quantile);
}

/**
 * Negative binomial in R's (size, prob) form: the number of failures before the size-th success,
 * mean size(1 − prob)/prob; a real size > 0 makes it the gamma–Poisson mixture (the predictive
 * count of a Poisson rate with a gamma posterior). P(X ≤ k) = I_prob(size, k + 1); the quantile
 * starts from the normal approximation and walks the CDF to the exact answer (with prob = 1, all
 * mass at 0).
 * @example negativeBinomial(3, 0.4).quantile(0.5) // 4 (R: qnbinom(0.5, 3, 0.4))
 */
export function negativeBinomial(size: number, prob: number): Distribution {
  const mean = (size * (1 - prob)) / prob;
  const variance = mean / prob;
  const cache = new Map<number, number>();
  const cdf = (x: number): number => {
    if (x < 0) return 0;
    const k = Math.floor(x);
    let c = cache.get(k);
    if (c === undefined) {
      c = incompleteBeta(prob, size, k + 1, lnBeta(size, k + 1));
      if (cache.size < 4096) cache.set(k, c);
    }
    return c;
  };
  const walked = walkedQuantile(cdf, (z) => mean + Math.sqrt(variance) * z);
  const quantile = prob >= 1 ? (p: number): number => (p >= 1 ? Infinity : 0) : walked;
  return countDistribution('negbinomial', mean, variance, cdf, quantile);
}
