/**
 * The scenario specification (the input of the CLI, the worker and the custom functions) and its
 * validation. Defaults are declared once here; `prepareScenario` returns a frozen, checked plan.
 */
import { canonicalFamily, makeDistribution } from './distributions/catalogue';
import { Distribution } from './distributions/types';
import { ScenarioErrors } from './errors';
import { compileModel, Program } from './expression/compile';
import { parseModel } from './expression/parser';
import { spearmanToPearson } from './iman-conover';
import { Matrix } from './matrix';
import { checkCorrelationMatrix, nearestCorrelation, REPAIRED_DECIMALS } from './nearest-correlation';
import { formatNumber, type NumberStyle } from '../format';
import { SamplingMethod } from './sampling';
import type { DriverSpec } from '../model/driver';
import { checkSipDrivers } from './sip-drivers';
import type { PreparedSip, SipDriverSpec } from './sip-drivers';
import { DEFAULT_TRIALS, isName, NAME_RULE_TEXT, nameKey, TRIALS_PER_RUN } from '../model';

export type { DriverSpec };

export interface ConvergenceSpec {
  /** Stop when the confidence half-width of the statistic, relative to it, is at most this (e.g. 0.005). */
  target: number;
  /** Confidence in percent. @default 95 */
  confidence?: number;
  /** Output to watch. @default the last output */
  output?: string;
  /** "mean" or a percentile in (0, 100). @default "mean" */
  statistic?: 'mean' | number;
}

export interface ScenarioSpec {
  drivers: DriverSpec[];
  /** Spearman rank-correlation target among the named drivers; others are independent. */
  correlation?: { names: string[]; matrix: number[][] };
  /** One `name = expression` per line. */
  model: string;
  /** Trials (the maximum when `convergence` is set). @default 10000 */
  iterations?: number;
  /** @default 1 */
  seed?: number;
  /** @default "lhs" */
  sampling?: SamplingMethod;
  /** @default [5, 50, 95] */
  percentiles?: number[];
  /** VaR/CVaR level in percent. @default 95 */
  varLevel?: number;
  /** Report P(output < t) for each t. */
  thresholds?: number[];
  /** Trials per block: each block is its own Latin hypercube and Iman–Conover pass. @default 25000 (10000 with convergence) */
  blockSize?: number;
  convergence?: ConvergenceSpec;
  /** Add Spearman and standardised regression coefficients per driver (SIP drivers too) for every output. @default false */
  sensitivity?: boolean;
  /**
   * SIP drivers (src/scenario/sip-drivers.ts): given samples, read by trial index (trial t takes
   * sample t mod n), e.g. the SIPs of a SIPmath library; the model uses their names like drivers'.
   */
  sips?: SipDriverSpec[];
  /** How the run's warnings write their numbers: the reader's locale and minus sign (src/format). @default en-US */
  numbers?: NumberStyle;
}

/**
 * Trials per block unless the spec says otherwise. Blocks are what workers share out, so a
 * 100,000-trial run uses four of them; a stack of Latin hypercubes this size keeps the variance
 * reduction of one big hypercube (the mean of B independent LHS estimates of m trials has the
 * variance of one of m·B to leading order), and 25,000 trials keep a block's arrays in cache.
 */
export const DEFAULT_BLOCK_SIZE = 25000;

export interface PreparedDriver {
  name: string;
  family: string;
  distribution: Distribution;
}

export interface PreparedScenario {
  drivers: PreparedDriver[];
  program: Program;
  /** Driver indices under correlation, in the order of the target matrix. */
  correlated: number[];
  /** Spearman target actually used (repaired when needed). */
  spearmanTarget: Matrix;
  /** The Pearson target of the normal scores that gives it (2·sin(π·ρ/6), repaired when needed). */
  pearsonTarget: Matrix;
  iterations: number;
  seed: number;
  sampling: SamplingMethod;
  blockSize: number;
  percentiles: number[];
  varLevel: number;
  thresholds: number[];
  convergence?: Required<ConvergenceSpec>;
  sensitivity: boolean;
  warnings: string[];
  /** SIP drivers; the model's inputs are the drivers, then these. */
  sips: PreparedSip[];
}

function integerIn(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw ScenarioErrors.badSpec(field, `must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function checkDrivers(drivers: unknown, sips: boolean): PreparedDriver[] {
  if (sips && (drivers === undefined || drivers === null)) return [];
  if (!Array.isArray(drivers) || (drivers.length === 0 && !sips))
    throw ScenarioErrors.badDriver('drivers: give at least one driver.');
  const seen = new Set<string>();
  return drivers.map((d: Partial<DriverSpec>, i) => {
    const name = typeof d?.name === 'string' ? d.name.trim() : '';
    if (!isName(name))
      throw ScenarioErrors.badDriver(`drivers row ${i + 1}: "${name}" is not a valid name: use ${NAME_RULE_TEXT}.`);
    if (seen.has(nameKey(name)))
      throw ScenarioErrors.badDriver(`drivers row ${i + 1}: the name "${name}" is used twice.`);
    seen.add(nameKey(name));
    const family = typeof d.distribution === 'string' ? d.distribution : '';
    const distribution = makeDistribution(name, family, d.params ?? {});
    return { name, family: canonicalFamily(family) as string, distribution };
  });
}

function checkCorrelation(
  spec: ScenarioSpec,
  drivers: PreparedDriver[],
  warnings: string[],
): { correlated: number[]; target: Matrix } {
  if (!spec.correlation) return { correlated: [], target: [] };
  const { names, matrix } = spec.correlation;
  if (!Array.isArray(names) || !Array.isArray(matrix))
    throw ScenarioErrors.badCorrelation('give "names" and "matrix".');
  const index = new Map(drivers.map((d, i) => [d.name.toLowerCase(), i]));
  const correlated = names.map((n) => {
    const i = index.get(String(n).toLowerCase());
    if (i === undefined && spec.sips?.some((s) => s?.name?.toLowerCase() === String(n).toLowerCase()))
      throw ScenarioErrors.badCorrelation(
        `"${n}" is a SIP: SIPs keep their library's correlation by sample index, so leave it out of the matrix.`,
      );
    if (i === undefined) throw ScenarioErrors.badCorrelation(`"${n}" is not a driver.`);
    return i;
  });
  if (new Set(correlated).size !== correlated.length) throw ScenarioErrors.badCorrelation('a driver is named twice.');
  checkCorrelationMatrix(matrix, names);
  const repair = nearestCorrelation(matrix);
  if (repair.repaired) {
    // Written as the pane writes the repaired matrix (CorrelationEditor), at the entries' precision.
    const style = spec.numbers ?? {};
    const change = formatNumber(repair.maxChange, 'ratio', style, { decimals: REPAIRED_DECIMALS });
    // A singular matrix (all ones, a ±1 pair, three entries of −0.5) moves by less than the last decimal:
    // "was 0.000" read as if nothing had been repaired.
    const unseen = 0.5 * 10 ** -REPAIRED_DECIMALS;
    const size =
      repair.maxChange < unseen
        ? `under ${formatNumber(unseen, 'number', style)} (the matrix was singular: some drivers were exact combinations of others, e.g. a correlation of 1)`
        : change;
    warnings.push(
      `The correlation matrix was not positive definite; the nearest valid one (Higham 2002) was used. The largest change to any entry was ${size}.`,
    );
  }
  return { correlated, target: repair.matrix };
}

function checkConvergence(c: ConvergenceSpec | undefined, outputs: string[]): Required<ConvergenceSpec> | undefined {
  if (!c) return undefined;
  if (!(typeof c.target === 'number' && c.target > 0 && c.target < 1))
    throw ScenarioErrors.badSpec('convergence.target', 'must be a number between 0 and 1 (e.g. 0.005 for ±0.5%).');
  const confidence = c.confidence ?? 95;
  if (!(confidence > 50 && confidence < 100))
    throw ScenarioErrors.badSpec('convergence.confidence', 'must be between 50 and 100.');
  const output = c.output ?? outputs[outputs.length - 1];
  const found = outputs.find((o) => o.toLowerCase() === output.toLowerCase());
  if (!found) throw ScenarioErrors.unknownOutput(output, outputs);
  const statistic = c.statistic ?? 'mean';
  if (statistic !== 'mean' && !(typeof statistic === 'number' && statistic > 0 && statistic < 100)) {
    throw ScenarioErrors.badSpec('convergence.statistic', 'must be "mean" or a percentile between 0 and 100.');
  }
  return { target: c.target, confidence, output: found, statistic };
}

/**
 * Iman–Conover correlates each block on its own and needs at least k + 2 trials in it for k correlated
 * drivers (`imanConoverRanks`). Every block holds at least `blockSize` trials (blockLayout), so the field at
 * fault is `iterations` when the whole run is that small and otherwise `blockSize`: 120 correlated drivers in
 * blocks of 100 were refused as "iterations: at least 122 trials are needed" on a run of 20,000.
 */
function checkTrialsToCorrelate(correlatedDrivers: number, iterations: number, blockSize: number): void {
  if (correlatedDrivers === 0) return;
  const least = correlatedDrivers + 2;
  if (iterations < least)
    throw ScenarioErrors.badSpec(
      'iterations',
      `at least ${least} trials are needed to correlate ${correlatedDrivers} drivers.`,
    );
  if (blockSize < least)
    throw ScenarioErrors.badSpec(
      'blockSize',
      `at least ${least} trials a block are needed to correlate ${correlatedDrivers} drivers (each block is correlated on its own); got ${blockSize}.`,
    );
}

/**
 * Validates a spec and compiles its model.
 * @throws the SCENARIO_* entry that names the first problem found
 */
export function prepareScenario(spec: ScenarioSpec): PreparedScenario {
  if (!spec || typeof spec !== 'object') throw ScenarioErrors.badSpec('spec', 'must be an object.');
  const warnings: string[] = [];
  const hasSips = Array.isArray(spec.sips) && spec.sips.length > 0;
  const drivers = checkDrivers(spec.drivers, hasSips);
  const sips = checkSipDrivers(
    spec.sips,
    drivers.map((d) => d.name),
  );
  if (typeof spec.model !== 'string')
    throw ScenarioErrors.badSpec('model', 'must be text with one "name = expression" per line.');
  const program = compileModel(parseModel(spec.model), [...drivers.map((d) => d.name), ...sips.map((s) => s.name)]);
  const { correlated, target } = checkCorrelation(spec, drivers, warnings);
  const iterations = integerIn('iterations', spec.iterations, DEFAULT_TRIALS, TRIALS_PER_RUN.min, TRIALS_PER_RUN.max);
  const seed = spec.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw ScenarioErrors.badSpec(
      'seed',
      `must be a whole number between ±9,007,199,254,740,991 (2^53 − 1); got ${JSON.stringify(seed)}.`,
    );
  const sampling = spec.sampling ?? 'lhs';
  if (sampling !== 'lhs' && sampling !== 'mc')
    throw ScenarioErrors.badSpec('sampling', `must be "lhs" or "mc"; got ${JSON.stringify(sampling)}.`);
  const percentiles = spec.percentiles ?? [5, 50, 95];
  if (!Array.isArray(percentiles) || percentiles.some((p) => typeof p !== 'number' || !(p >= 0 && p <= 100))) {
    throw ScenarioErrors.badSpec('percentiles', 'must be a list of numbers from 0 to 100.');
  }
  const varLevel = spec.varLevel ?? 95;
  if (!(typeof varLevel === 'number' && varLevel > 0 && varLevel < 100))
    throw ScenarioErrors.badSpec('varLevel', 'must be between 0 and 100 (e.g. 95).');
  const thresholds = spec.thresholds ?? [];
  if (!Array.isArray(thresholds) || thresholds.some((t) => typeof t !== 'number' || !Number.isFinite(t)))
    throw ScenarioErrors.badSpec('thresholds', 'must be a list of numbers.');
  const convergence = checkConvergence(spec.convergence, program.outputs);
  const blockSize = Math.min(
    iterations,
    integerIn('blockSize', spec.blockSize, convergence ? 10000 : DEFAULT_BLOCK_SIZE, 100, TRIALS_PER_RUN.max),
  );
  checkTrialsToCorrelate(correlated.length, iterations, blockSize);
  return {
    drivers,
    program,
    correlated,
    spearmanTarget: target,
    pearsonTarget: correlated.length > 0 ? spearmanToPearson(target) : [],
    iterations,
    seed,
    sampling,
    blockSize,
    percentiles,
    varLevel,
    thresholds,
    convergence,
    sensitivity: spec.sensitivity === true,
    warnings,
    sips,
  };
}
