/**
 * Marginal sampling. Each driver's block of n trials is produced as its n values in ascending
 * order plus a permutation saying which trial gets which value. Sorted values come from sorted
 * uniforms pushed through the quantile function, so iterative quantiles warm-start and the
 * permutation can later be replaced by Iman–Conover without re-sampling.
 *
 * - Latin Hypercube (LHS): uᵢ = (i + Vᵢ)/n with Vᵢ ~ U(0,1): exactly one value in each of the n
 *   equal-probability strata (McKay, Beckman & Conover 1979).
 * - Monte Carlo (MC): n independent uniforms, sorted. A random permutation of a sorted iid sample
 *   has the same joint law as the iid sample itself.
 */
import { Distribution } from './distributions/types';
import { SeededGenerator } from '../stats/seeded-generator';

export type SamplingMethod = 'lhs' | 'mc';

/**
 * Ascending uniforms for one block.
 * @example sortedUniforms(new SeededGenerator(1, 'a'), 4, 'lhs') // one value in each of [0,¼), [¼,½), [½,¾), [¾,1)
 */
export function sortedUniforms(
  rng: SeededGenerator,
  n: number,
  method: SamplingMethod,
  u: Float64Array = new Float64Array(n),
): Float64Array {
  rng.fillOpen01(u.length === n ? u : u.subarray(0, n));
  if (method === 'lhs') {
    for (let i = 0; i < n; i++) u[i] = (i + u[i]) / n;
  } else {
    u.sort();
  }
  return u;
}

/**
 * The ascending sample of one driver for one block: quantiles of sorted uniforms.
 * @param rng the driver's own stream for this block
 */
export function sortedSample(
  dist: Distribution,
  rng: SeededGenerator,
  n: number,
  method: SamplingMethod,
): Float64Array {
  const u = sortedUniforms(rng, n, method);
  dist.quantiles(u, u);
  return u;
}

/** out[i] = sorted[ranks[i]]: places the sorted values into trial order. */
export function gather(sorted: Float64Array, ranks: Uint32Array, out: Float64Array, offset = 0): void {
  const n = ranks.length;
  for (let i = 0; i < n; i++) out[offset + i] = sorted[ranks[i]];
}
