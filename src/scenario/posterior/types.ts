/**
 * The contract of a driver update: a prior driver and its actuals in, the posterior driver, the
 * predictive distribution of the next actual and notes out.
 */

export type UpdateMethod =
  | 'none'
  | 'normal-inverse-gamma'
  | 'lognormal normal-inverse-gamma'
  | 'beta-binomial'
  | 'beta-bernoulli'
  | 'gamma-poisson'
  | 'moment-matched normal-inverse-gamma';

/** A driver as the scenario engine takes it: a catalogue family and its named parameters. */
export interface DriverDistribution {
  family: string;
  params: Record<string, number>;
}

/** Percentiles and moments of one distribution (NaN where a moment does not exist). */
export interface DistributionSummary {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  sd: number;
}

/** What a family's update computes. */
export interface FamilyUpdate {
  method: UpdateMethod;
  /** The driver to re-run the scenario with. */
  posterior: DriverDistribution;
  /** The predictive distribution of the next actual. */
  predictive: DistributionSummary;
  /** The conjugate posterior's own parameters (e.g. mu, kappa, alpha, beta). */
  hyperparameters: Record<string, number>;
  /** Actual periods used. */
  observations: number;
  notes: string[];
}

export interface DriverUpdate extends FamilyUpdate {
  prior: DriverDistribution & DistributionSummary;
}

/** The actuals of one driver: one value per period, or successes with trials for a rate. */
export interface DriverActuals {
  values: ReadonlyArray<number | null>;
  /** Trials per period (beta drivers only); `values` then holds the successes. */
  trials?: ReadonlyArray<number | null>;
}
