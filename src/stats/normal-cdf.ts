/**
 * The standard normal distribution function Φ(z) = P(Z ≤ z), accurate in both tails.
 *
 * Φ is computed through the regularised incomplete gamma function: with x = z²/2,
 * Φ(z) = ½·Q(½, x) for z < 0 and ½ + ½·P(½, x) for z ≥ 0 (Abramowitz & Stegun 26.2.30 with
 * 6.5.16), so the lower tail is a small number computed directly, never 1 minus something close
 * to 1. Within 5e-14 relative of R's `pnorm` down to z = −37.5, where R underflows to 0 and this
 * returns a subnormal number below 1e-307 (test/stats/normal-cdf.test.ts). Deterministic in every
 * engine (built on gamma-functions.ts, which uses only deterministic-math.ts).
 */
import { gammaP, gammaQ } from './gamma-functions';

/**
 * Standard normal CDF Φ(z); NaN for NaN.
 * @example normalCdf(-1.959963984540054) // 0.025 (R: pnorm(-1.959963984540054))
 * @example normalCdf(-10) // 7.619853024160527e-24 (R: pnorm(-10))
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const half = 0.5 * z * z;
  return z < 0 ? 0.5 * gammaQ(0.5, half) : 0.5 + 0.5 * gammaP(0.5, half);
}
