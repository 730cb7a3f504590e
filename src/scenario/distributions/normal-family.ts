/**
 * Normal, truncated normal and lognormal distributions.
 */
import { detExp, detLog, detLog1p } from '../../stats/deterministic-math';
import { normalCdf } from '../../stats/normal-cdf';
import { normalDensity } from '../../stats/normal-density';
import { normalQuantile, normalQuantiles } from '../../stats/normal-quantile';
import { Distribution, mapQuantiles } from './types';

/**
 * Normal(mean, sd).
 * @example normal(130, 10).quantile(0.95) // 146.44853626951472 (R: qnorm(0.95, 130, 10))
 */
export function normal(mean: number, sd: number): Distribution {
  return {
    family: 'normal',
    discrete: false,
    mean: () => mean,
    variance: () => sd * sd,
    cdf: (x) => normalCdf((x - mean) / sd),
    quantile: (p) => mean + sd * normalQuantile(p),
    quantiles: (u, out) => normalQuantiles(u, out, mean, sd),
  };
}

/**
 * Normal(mean, sd) truncated to [min, max] (either bound may be infinite). The quantile works on
 * the side of the mean where the tail probabilities are small, so far-tail truncation keeps its
 * precision.
 * @example truncatedNormal(0, 1, 0, Infinity).mean() // 0.7978845608028654 (√(2/π))
 */
export function truncatedNormal(mean: number, sd: number, min: number, max: number): Distribution {
  const alpha = (min - mean) / sd;
  const beta = (max - mean) / sd;
  // Flip to the lower tail when the interval lies above the mean, so Φ values stay small and exact.
  const flip = alpha > 0;
  const lowerTail = flip ? normalCdf(-beta) : normalCdf(alpha);
  const upperTail = flip ? normalCdf(-alpha) : normalCdf(beta);
  const mass = upperTail - lowerTail;
  const phiA = normalDensity(alpha);
  const phiB = normalDensity(beta);
  const ratio = (phiA - phiB) / mass;
  const aPhiA = Number.isFinite(alpha) ? alpha * phiA : 0;
  const bPhiB = Number.isFinite(beta) ? beta * phiB : 0;
  const quantile = (p: number): number => {
    if (p <= 0) return min;
    if (p >= 1) return max;
    const z = flip ? -normalQuantile(lowerTail + (1 - p) * mass) : normalQuantile(lowerTail + p * mass);
    return Math.min(max, Math.max(min, mean + sd * z));
  };
  return {
    family: 'truncnormal',
    discrete: false,
    mean: () => mean + sd * ratio,
    variance: () => sd * sd * (1 + (aPhiA - bPhiB) / mass - ratio * ratio),
    cdf: (x) => {
      if (x <= min) return 0;
      if (x >= max) return 1;
      const z = (x - mean) / sd;
      return flip ? (upperTail - normalCdf(-z)) / mass : (normalCdf(z) - lowerTail) / mass;
    },
    quantile,
    quantiles: (u, out) => mapQuantiles({ quantile }, u, out),
  };
}

/**
 * Lognormal with log-mean mu and log-sd sigma: X = exp(mu + sigma·Z).
 * @example lognormal(0, 1).quantile(0.5) // 1 (R: qlnorm(0.5))
 */
export function lognormal(mu: number, sigma: number): Distribution {
  return {
    family: 'lognormal',
    discrete: false,
    mean: () => detExp(mu + 0.5 * sigma * sigma),
    variance: () => Math.expm1(sigma * sigma) * detExp(2 * mu + sigma * sigma),
    cdf: (x) => (x <= 0 ? 0 : normalCdf((detLog(x) - mu) / sigma)),
    quantile: (p) => detExp(mu + sigma * normalQuantile(p)),
    quantiles(u, out) {
      // detExp(mu + sigma·Φ⁻¹(u)) in two loops, so neither calls out of line per draw.
      normalQuantiles(u, out, mu, sigma);
      for (let i = 0; i < u.length; i++) out[i] = detExp(out[i]);
    },
  };
}

/**
 * The (mu, sigma) of a lognormal whose own mean and sd are given (the way finance users state it):
 * sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2.
 * @example lognormalFromMoments(50000, 12000) // { mu: 10.79..., sigma: 0.2366... }
 */
export function lognormalFromMoments(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = detLog1p((sd * sd) / (mean * mean));
  return { mu: detLog(mean) - 0.5 * sigma2, sigma: Math.sqrt(sigma2) };
}
