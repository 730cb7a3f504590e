/**
 * The distribution catalogue: family names (with aliases), parameter names in positional order
 * (for the Excel drivers table, param1..param4), and validation with messages a finance user can
 * act on. `makeDistribution` is the one entry point the engine, the CLI and FPA.DIST.INV use.
 */
import { ScenarioErrors } from '../errors';
import { bernoulli, discrete, negativeBinomial, poisson } from './discrete-family';
import { gamma, studentT } from './gamma-family';
import { beta, pert, triangular, uniform } from './bounded-family';
import { lognormal, lognormalFromMoments, normal, truncatedNormal } from './normal-family';
import { Distribution, DistributionParams } from './types';

/** Parameter names in positional order, per canonical family; optional ones have defaults. */
export const DISTRIBUTION_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  normal: ['mean', 'sd'],
  truncnormal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['mean', 'sd'],
  lognormal2: ['mu', 'sigma'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max', 'shape'],
  beta: ['alpha', 'beta', 'min', 'max'],
  gamma: ['shape', 'scale'],
  student: ['df', 'location', 'scale'],
  discrete: ['values', 'probabilities'],
  bernoulli: ['p'],
  poisson: ['lambda'],
  negbinomial: ['size', 'prob'],
};

const ALIASES: Readonly<Record<string, string>> = {
  norm: 'normal',
  truncatednormal: 'truncnormal',
  truncnorm: 'truncnormal',
  lognorm: 'lognormal',
  lognorm2: 'lognormal2',
  triang: 'triangular',
  t: 'student',
  studentt: 'student',
  unif: 'uniform',
  bern: 'bernoulli',
  nbinom: 'negbinomial',
  negativebinomial: 'negbinomial',
};

/** Parameters that take a list of numbers (the discrete family's values and probabilities). */
export function isListParameter(family: string, parameter: string): boolean {
  return family === 'discrete' && (parameter === 'values' || parameter === 'probabilities');
}

/** All accepted family names, canonical first. */
export const DISTRIBUTION_NAMES: readonly string[] = Object.keys(DISTRIBUTION_PARAMETERS);

/** Canonical family for a user-typed name ("Student-T", "truncated_normal" …), or undefined. */
export function canonicalFamily(name: string): string | undefined {
  const key = name.toLowerCase().replace(/[\s_\-.]/g, '');
  if (key in DISTRIBUTION_PARAMETERS) return key;
  return ALIASES[key];
}

/** The largest Poisson lambda and gamma shape (see `Reader.positiveUpTo`). */
export const LARGEST_COUNT_PARAMETER = 1e7;

/** How far (in sd) the whole range of a truncated normal may lie from its mean (see `build`). */
export const FARTHEST_TRUNCATION = 37;

const formatSds = (x: number): string => (x < 1e6 ? String(Math.round(x * 10) / 10) : x.toExponential(1));

class Reader {
  constructor(
    private readonly driver: string,
    readonly family: string,
    readonly params: DistributionParams,
  ) {}

  has(name: string): boolean {
    return this.params[name] !== undefined && this.params[name] !== null;
  }

  fail(message: string): never {
    const label = this.family === 'pert' ? 'PERT' : this.family;
    throw ScenarioErrors.badParameter(this.driver, `${label}: ${message}`);
  }

  number(name: string, fallback?: number): number {
    const value = this.params[name];
    if (value === undefined || value === null) {
      if (fallback !== undefined) return fallback;
      this.fail(`parameter "${name}" is missing (needs ${DISTRIBUTION_PARAMETERS[this.family].join(', ')}).`);
    }
    if (typeof value !== 'number' || Number.isNaN(value)) this.fail(`parameter "${name}" must be a number.`);
    if (!Number.isFinite(value) && fallback === undefined) this.fail(`parameter "${name}" must be finite.`);
    return value;
  }

  positive(name: string, fallback?: number): number {
    const value = this.number(name, fallback);
    if (!(value > 0) || !Number.isFinite(value)) this.fail(`${name} must be > 0; got ${value}.`);
    return value;
  }

  /**
   * A positive count-like parameter up to `most`: the Poisson and gamma CDFs cost about √value terms
   * per evaluation, and beyond `most` the family is its normal approximation to within 1e-3 of an sd.
   */
  positiveUpTo(name: string, most: number, instead: string): number {
    const value = this.positive(name);
    if (value > most)
      this.fail(
        `${name} must be at most ${most.toLocaleString('en-US')}; got ${value}. A ${this.family} that large is ${instead}: use that.`,
      );
    return value;
  }

  list(name: string): readonly number[] {
    const value = this.params[name];
    if (!Array.isArray(value) || value.length === 0)
      this.fail(`parameter "${name}" must be a non-empty list of numbers.`);
    const list = value as readonly number[];
    if (list.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
      this.fail(`every entry of "${name}" must be a finite number.`);
    return list;
  }

  checkKnown(): void {
    const allowed = new Set(DISTRIBUTION_PARAMETERS[this.family]);
    if (this.family === 'lognormal') ['mu', 'sigma'].forEach((k) => allowed.add(k));
    if (this.family === 'gamma') allowed.add('rate');
    for (const key of Object.keys(this.params)) {
      if (!allowed.has(key) && this.params[key] !== undefined) {
        this.fail(`unknown parameter "${key}" (use ${[...allowed].join(', ')}).`);
      }
    }
  }
}

function ordered(r: Reader, lo: number, hi: number, what: string): void {
  if (!(lo < hi)) r.fail(`${what} (got ${lo} and ${hi}).`);
}

function build(r: Reader, family: string): Distribution {
  switch (family) {
    case 'normal':
      return normal(r.number('mean'), r.positive('sd'));
    case 'truncnormal': {
      const min = r.number('min', -Infinity);
      const max = r.number('max', Infinity);
      ordered(r, min, max, 'min must be < max');
      const mean = r.number('mean');
      const sd = r.positive('sd');
      // Beyond 37 sd the normal's tail mass is below the smallest double: every trial came out at the
      // far bound (a range of [40, 50] sd sampled 50 for all trials).
      const away = Math.max((min - mean) / sd, (mean - max) / sd);
      if (away > FARTHEST_TRUNCATION)
        r.fail(
          `min and max lie ${formatSds(away)} sd ${min > mean ? 'above' : 'below'} the mean, where the normal holds no probability a number can represent (at most ${FARTHEST_TRUNCATION} sd). Move the mean or the bounds, or use a uniform on [min, max].`,
        );
      return truncatedNormal(mean, sd, min, max);
    }
    case 'lognormal':
    case 'lognormal2':
      return lognormalFrom(r, family);
    case 'uniform': {
      const min = r.number('min');
      const max = r.number('max');
      ordered(r, min, max, 'min must be < max');
      return uniform(min, max);
    }
    case 'triangular':
    case 'pert': {
      const min = r.number('min');
      const mode = r.number('mode');
      const max = r.number('max');
      if (!(min <= mode && mode <= max && min < max))
        r.fail(`min must be ≤ mode ≤ max with min < max (got ${min}, ${mode}, ${max}).`);
      return family === 'pert' ? pert(min, mode, max, r.positive('shape', 4)) : triangular(min, mode, max);
    }
    case 'beta': {
      const min = r.number('min', 0);
      const max = r.number('max', 1);
      ordered(r, min, max, 'min must be < max');
      return beta(r.positive('alpha'), r.positive('beta'), min, max);
    }
    case 'gamma':
      return gammaFrom(r);
    case 'student':
      return studentT(r.positive('df'), r.number('location', 0), r.positive('scale', 1));
    case 'discrete':
      return discreteFrom(r);
    case 'bernoulli': {
      const p = r.number('p');
      if (!(p >= 0 && p <= 1)) r.fail(`p must be between 0 and 1; got ${p}.`);
      return bernoulli(p);
    }
    case 'poisson':
      return poisson(r.positiveUpTo('lambda', LARGEST_COUNT_PARAMETER, 'a normal with mean lambda and sd √lambda'));
    case 'negbinomial': {
      const prob = r.number('prob');
      if (!(prob > 0 && prob <= 1)) r.fail(`prob must be above 0 and at most 1; got ${prob}.`);
      return negativeBinomial(r.positive('size'), prob);
    }
    default:
      return r.fail('is not implemented.');
  }
}

function lognormalFrom(r: Reader, family: string): Distribution {
  if (family === 'lognormal2' || r.has('mu')) return lognormal(r.number('mu'), r.positive('sigma'));
  const mean = r.positive('mean');
  const { mu, sigma } = lognormalFromMoments(mean, r.positive('sd'));
  return lognormal(mu, sigma);
}

function gammaFrom(r: Reader): Distribution {
  const shape = r.positiveUpTo('shape', LARGEST_COUNT_PARAMETER, 'a normal with mean shape·scale and sd √shape·scale');
  if (r.has('rate')) return gamma(shape, 1 / r.positive('rate'));
  return gamma(shape, r.positive('scale', 1));
}

function discreteFrom(r: Reader): Distribution {
  const values = r.list('values');
  const probabilities = r.list('probabilities');
  if (values.length !== probabilities.length) {
    r.fail(`values and probabilities must have the same length (got ${values.length} and ${probabilities.length}).`);
  }
  if (probabilities.some((p) => p < 0)) r.fail('probabilities must not be negative.');
  const total = probabilities.reduce((s, p) => s + p, 0);
  if (Math.abs(total - 1) > 1e-6) r.fail(`probabilities must sum to 1; they sum to ${total}.`);
  return discrete(values, probabilities);
}

/**
 * Builds and validates a distribution.
 * @param driver the driver's name, used in messages
 * @param family a family name or alias (case and separators ignored)
 * @param params named parameters (see `DISTRIBUTION_PARAMETERS`)
 * @throws SCENARIO_UNKNOWN_DISTRIBUTION for an unknown family; SCENARIO_BAD_PARAMETER for a missing,
 *   unknown or out-of-domain parameter, e.g. "PERT: min must be ≤ mode ≤ max".
 * @example makeDistribution('price', 'normal', { mean: 130, sd: 10 }).quantile(0.5) // 130
 */
export function makeDistribution(driver: string, family: string, params: DistributionParams): Distribution {
  const canonical = canonicalFamily(family);
  if (!canonical) throw ScenarioErrors.unknownDistribution(driver, family, DISTRIBUTION_NAMES);
  const reader = new Reader(driver, canonical, params);
  reader.checkKnown();
  return build(reader, canonical);
}
