/**
 * The update of each driver family (see update-driver.ts for the table). Each function takes a
 * validated prior and the actual values present, and returns the posterior driver, the exact
 * predictive percentiles and notes.
 */
import { ScenarioErrors } from '../errors';
import { makeDistribution } from '../distributions/catalogue';
import { studentT } from '../distributions/gamma-family';
import { lognormalFromMoments } from '../distributions/normal-family';
import type { DistributionParams } from '../distributions/types';
import { detExp, detLog } from '../../stats/deterministic-math';
import { nigFromNormal, nigPredictive, updateNormalInverseGamma } from './normal-inverse-gamma';
import type { NormalInverseGamma } from './normal-inverse-gamma';
import { updateBeta } from './beta-binomial';
import type { RateObservation } from './beta-binomial';
import { gammaPoissonPredictive, updateGamma } from './gamma-poisson';
import type { DistributionSummary, DriverActuals, DriverDistribution, FamilyUpdate } from './types';
import { figureInStyle, type NumberStyle } from '../../format/format-number';

const round = (v: number) => Math.round(v * 1000) / 1000;
/** A note's figure to three decimals, in the reader's style (default en-US, as FPA.DRIVER.UPDATE writes it). */
const figure = (v: number, style: NumberStyle) => figureInStyle(String(round(v)), style);

/** P5, P50, P95, mean and sd of a catalogue distribution. */
export function summarise(driver: string, family: string, params: DistributionParams): DistributionSummary {
  const d = makeDistribution(driver, family, params);
  const q = (p: number) => d.quantile(p);
  return { p5: q(0.05), p50: q(0.5), p95: q(0.95), mean: d.mean(), sd: Math.sqrt(d.variance()) };
}

function withPredictive(driver: string, posterior: DriverDistribution) {
  return { posterior, predictive: summarise(driver, posterior.family, posterior.params) };
}

function nigResult(driver: string, nig: NormalInverseGamma) {
  const t = nigPredictive(nig);
  return {
    ...withPredictive(driver, { family: 'student', params: { df: t.df, location: t.location, scale: t.scale } }),
    hyperparameters: { mu: nig.mu, kappa: nig.kappa, alpha: nig.alpha, beta: nig.beta },
  };
}

/** Normal(mean, sd): normal–inverse-gamma; the predictive is the re-run driver (Student-t). */
export function updateNormalDriver(
  driver: string,
  mean: number,
  sd: number,
  values: number[],
  weight: number,
): FamilyUpdate {
  const nig = updateNormalInverseGamma(nigFromNormal(mean, sd), values, weight);
  return { method: 'normal-inverse-gamma', ...nigResult(driver, nig), observations: values.length, notes: [] };
}

/** A continuous family without a conjugate pair, read as a normal with its own mean and sd. */
export function updateMatchedDriver(
  driver: string,
  family: string,
  prior: DistributionSummary,
  values: number[],
  weight: number,
  style: NumberStyle = {},
): FamilyUpdate {
  const nig = updateNormalInverseGamma(nigFromNormal(prior.mean, prior.sd), values, weight);
  return {
    method: 'moment-matched normal-inverse-gamma',
    ...nigResult(driver, nig),
    observations: values.length,
    notes: [
      `No conjugate pair for ${family}: the prior was read as a normal with its mean ${figure(prior.mean, style)} and sd ${figure(prior.sd, style)}, so the posterior is not bounded like the prior.`,
    ],
  };
}

/** Lognormal: normal–inverse-gamma on the logarithms of the actuals. */
export function updateLognormalDriver(
  driver: string,
  family: string,
  params: DistributionParams,
  values: number[],
  weight: number,
  style: NumberStyle = {},
): FamilyUpdate {
  if (values.some((v) => !(v > 0)))
    throw ScenarioErrors.badParameter(driver, 'lognormal actuals must all be above 0 (their logarithms are used).');
  const { mu, sigma } =
    family === 'lognormal2' || params.mu !== undefined
      ? { mu: params.mu as number, sigma: params.sigma as number }
      : lognormalFromMoments(params.mean as number, params.sd as number);
  const nig = updateNormalInverseGamma(nigFromNormal(mu, sigma), values.map(detLog), weight);
  const t = nigPredictive(nig);
  const logT = studentT(t.df, t.location, t.scale);
  const q = (p: number) => detExp(logT.quantile(p));
  const logSd = t.scale * Math.sqrt(t.df / (t.df - 2));
  return {
    method: 'lognormal normal-inverse-gamma',
    posterior: { family: 'lognormal2', params: { mu: t.location, sigma: logSd } },
    predictive: { p5: q(0.05), p50: q(0.5), p95: q(0.95), mean: NaN, sd: NaN },
    hyperparameters: { mu: nig.mu, kappa: nig.kappa, alpha: nig.alpha, beta: nig.beta },
    observations: values.length,
    notes: [
      `The exact predictive is exp(Student-t, ${figure(t.df, style)} df), which has no mean; the re-run driver is lognormal2 with its log-scale mean and sd.`,
    ],
  };
}

function rateObservations(driver: string, actuals: DriverActuals, min: number, max: number): RateObservation[] {
  const out: RateObservation[] = [];
  actuals.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (actuals.trials) {
      const trials = actuals.trials[i];
      if (trials === null || trials === undefined || !Number.isFinite(trials)) return;
      if (!(trials >= 0 && v >= 0 && v <= trials))
        throw ScenarioErrors.badParameter(
          driver,
          `period ${i + 1}: successes ${v} must be between 0 and the trials ${trials}.`,
        );
      out.push({ successes: v, trials });
    } else {
      if (!(v >= min && v <= max))
        throw ScenarioErrors.badParameter(driver, `period ${i + 1}: the rate ${v} is outside [${min}, ${max}].`);
      out.push({ successes: (v - min) / (max - min), trials: 1 });
    }
  });
  return out;
}

/** Beta(alpha, beta[, min, max]) rate: beta–binomial; the posterior of the rate is the re-run driver. */
export function updateBetaDriver(
  driver: string,
  params: DistributionParams,
  actuals: DriverActuals,
  weight: number,
): FamilyUpdate {
  const min = (params.min as number | undefined) ?? 0;
  const max = (params.max as number | undefined) ?? 1;
  const observations = rateObservations(driver, actuals, min, max);
  const post = updateBeta({ alpha: params.alpha as number, beta: params.beta as number }, observations, weight);
  return {
    method: 'beta-binomial',
    ...withPredictive(driver, { family: 'beta', params: { alpha: post.alpha, beta: post.beta, min, max } }),
    hyperparameters: { alpha: post.alpha, beta: post.beta },
    observations: observations.length,
    notes: actuals.trials ? [] : ['Each rate counts as one trial with a fractional success.'],
  };
}

/** Bernoulli(p): beta–Bernoulli with the prior Beta(2p, 2(1 − p)), worth two trials. */
export function updateBernoulliDriver(driver: string, p: number, values: number[], weight: number): FamilyUpdate {
  if (!(p > 0 && p < 1))
    throw ScenarioErrors.badParameter(driver, `bernoulli: p must be strictly between 0 and 1 to be updated; got ${p}.`);
  if (values.some((v) => v !== 0 && v !== 1))
    throw ScenarioErrors.badParameter(driver, 'bernoulli actuals must be 0 or 1.');
  const post = updateBeta(
    { alpha: 2 * p, beta: 2 * (1 - p) },
    values.map((v) => ({ successes: v, trials: 1 })),
    weight,
  );
  return {
    method: 'beta-bernoulli',
    ...withPredictive(driver, { family: 'bernoulli', params: { p: post.alpha / (post.alpha + post.beta) } }),
    hyperparameters: { alpha: post.alpha, beta: post.beta },
    observations: values.length,
    notes: [],
  };
}

/** Poisson(lambda) counts: gamma–Poisson with the prior Gamma(λ, 1), worth one period. */
export function updatePoissonDriver(driver: string, lambda: number, values: number[], weight: number): FamilyUpdate {
  if (values.some((v) => !(v >= 0) || !Number.isInteger(v)))
    throw ScenarioErrors.badParameter(driver, 'poisson actuals must be whole numbers ≥ 0.');
  const post = updateGamma({ shape: lambda, rate: 1 }, values, weight);
  const nb = gammaPoissonPredictive(post);
  return {
    method: 'gamma-poisson',
    ...withPredictive(driver, { family: 'negbinomial', params: { size: nb.size, prob: nb.prob } }),
    hyperparameters: { shape: post.shape, rate: post.rate },
    observations: values.length,
    notes: [],
  };
}
