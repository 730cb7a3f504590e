/**
 * A univariate distribution as the scenario engine uses it: sampled only through its quantile
 * function (inverse CDF), so Latin Hypercube sampling and Iman–Conover rank correlation work for
 * every family.
 */
export interface Distribution {
  /** Canonical family name, e.g. "pert". */
  readonly family: string;
  /** True for integer/finite-support families (ties in samples are expected). */
  readonly discrete: boolean;
  /** Expected value (NaN where it does not exist, e.g. Student-t with df ≤ 1). */
  mean(): number;
  /** Variance (Infinity where it diverges). */
  variance(): number;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /** Smallest x with P(X ≤ x) ≥ p, for p in [0, 1]. */
  quantile(p: number): number;
  /**
   * out[i] = quantile(u[i]). Families whose quantile needs iterations use the previous answer as
   * the starting point, which is fastest when `u` is ascending (the engine always passes it so).
   */
  quantiles(u: Float64Array, out: Float64Array): void;
}

/** Parameters as given by the user (the model's): numbers, or value lists for the discrete family. */
export type { DistributionParams } from '../../model/driver';

/** Applies `quantile` element-wise: the default `quantiles` for closed-form families. */
export function mapQuantiles(dist: Pick<Distribution, 'quantile'>, u: Float64Array, out: Float64Array): void {
  for (let i = 0; i < u.length; i++) out[i] = dist.quantile(u[i]);
}
