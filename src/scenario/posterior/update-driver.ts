/**
 * Learning a driver from its actuals: the driver's distribution is the prior, each actual period is
 * one observation, and the update is conjugate where a conjugate pair exists:
 *
 * | driver family             | actuals                     | update                             | re-run driver           |
 * |---------------------------|-----------------------------|------------------------------------|-------------------------|
 * | normal(mean, sd)          | values                      | normal–inverse-gamma               | student(df, location, scale) |
 * | lognormal, lognormal2     | positive values (logs used) | normal–inverse-gamma on the logs   | lognormal2(mu, sigma) ¹ |
 * | beta(alpha, beta, …)      | rates, or successes/trials  | beta–binomial                      | beta(alpha', beta', …)  |
 * | bernoulli(p)              | 0/1 outcomes                | beta–Bernoulli, prior Beta(2p, 2(1 − p)) | bernoulli(p')     |
 * | poisson(lambda)           | counts                      | gamma–Poisson, prior Gamma(λ, 1)   | negbinomial(size, prob) |
 * | truncnormal, uniform, triangular, pert, gamma, student | values | moment-matched normal, then normal–inverse-gamma | student |
 * | discrete                  | —                           | refused (no update is defined)     | —                       |
 *
 * ¹ The exact predictive of a lognormal driver is exp(Student-t), whose mean does not exist; the
 *   re-run driver is the lognormal with the predictive's log-scale mean and sd, and the reported
 *   P5/P50/P95 are the exact predictive's.
 *
 * Prior strength: a normal or lognormal prior is worth one observation (see `nigFromNormal`), a
 * Poisson prior one period, a bernoulli prior two trials, a beta prior its α + β trials. `weight` is
 * what one actual counts against that (default 1; 0.25 makes the prior worth four actuals). With no
 * actuals the prior is returned unchanged.
 */
import { ScenarioErrors } from '../errors';
import { canonicalFamily } from '../distributions/catalogue';
import type { DistributionParams } from '../distributions/types';
import {
  summarise,
  updateBernoulliDriver,
  updateBetaDriver,
  updateLognormalDriver,
  updateMatchedDriver,
  updateNormalDriver,
  updatePoissonDriver,
} from './family-updates';
import type { DriverActuals, DriverUpdate, FamilyUpdate } from './types';
import type { NumberStyle } from '../../format/format-number';

const MOMENT_MATCHED = new Set(['truncnormal', 'uniform', 'triangular', 'pert', 'gamma', 'student']);

const CONJUGATE = new Set(['normal', 'lognormal', 'lognormal2', 'beta', 'bernoulli', 'poisson']);

/**
 * Checks that a (canonical) family can be learnt from actuals, before its parameters are read.
 * @throws SCENARIO_BAD_SPEC for the discrete family and anything outside the table above
 */
export function assertUpdatable(family: string): void {
  if (!CONJUGATE.has(family) && !MOMENT_MATCHED.has(family))
    throw ScenarioErrors.badSpec(
      'distribution',
      `no update is defined for a ${family} driver; state it as normal, lognormal, beta or poisson to learn from actuals.`,
    );
}

function numbers(params: DistributionParams): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'number') out[k] = v;
  return out;
}

/**
 * Updates a driver's distribution with its actuals (see the table above).
 * @param driver the driver's name, for messages
 * @param style how the notes write their numbers (the pane's locale and minus sign; default en-US, as
 *   FPA.DRIVER.UPDATE writes them)
 * @throws SCENARIO_UNKNOWN_DISTRIBUTION, SCENARIO_BAD_PARAMETER (a bad prior, or an actual outside the
 *   family's support), SCENARIO_BAD_SPEC for a weight that is not above 0 or a family with no update.
 * @example updateDriver('price', 'normal', { mean: 130, sd: 10 }, { values: [140, 138, 142] }).posterior
 *   // { family: 'student', params: { df: 7, location: 137.5, scale: 5.7165… } }
 */
export function updateDriver(
  driver: string,
  family: string,
  params: DistributionParams,
  actuals: DriverActuals,
  weight = 1,
  style: NumberStyle = {},
): DriverUpdate {
  const canonical = canonicalFamily(family) ?? family;
  if (canonicalFamily(family)) assertUpdatable(canonical);
  const summary = summarise(driver, family, params);
  const prior = { family: canonical, params: numbers(params), ...summary };
  if (!(weight > 0) || !Number.isFinite(weight))
    throw ScenarioErrors.badSpec('weight', `must be a number above 0; got ${weight}.`);
  const values = actuals.values.filter((v): v is number => v !== null && Number.isFinite(v));
  let update: FamilyUpdate;
  if (values.length === 0) {
    update = {
      method: 'none',
      posterior: { family: prior.family, params: prior.params },
      predictive: summary,
      hyperparameters: {},
      observations: 0,
      notes: ['No actuals: the prior is returned unchanged.'],
    };
  } else if (canonical === 'normal') {
    update = updateNormalDriver(driver, params.mean as number, params.sd as number, values, weight);
  } else if (canonical === 'lognormal' || canonical === 'lognormal2') {
    update = updateLognormalDriver(driver, canonical, params, values, weight, style);
  } else if (canonical === 'beta') {
    update = updateBetaDriver(driver, params, actuals, weight);
  } else if (canonical === 'bernoulli') {
    update = updateBernoulliDriver(driver, params.p as number, values, weight);
  } else if (canonical === 'poisson') {
    update = updatePoissonDriver(driver, params.lambda as number, values, weight);
  } else if (MOMENT_MATCHED.has(canonical) && Number.isFinite(summary.sd) && summary.sd > 0) {
    update = updateMatchedDriver(driver, canonical, summary, values, weight, style);
  } else {
    throw ScenarioErrors.badSpec('distribution', `a ${canonical} prior with an infinite variance cannot be updated.`);
  }
  return { ...update, prior };
}
