/**
 * Field-by-field validation of a driver being edited, with the scenario engine's own messages: the
 * engine builds the distribution, and its error is placed next to the parameter it names.
 */
import {
  makeDistribution,
  canonicalFamily,
  DISTRIBUTION_PARAMETERS,
  isListParameter,
} from '../../src/scenario/distributions/catalogue';
import { readParameter } from '../../src/sheets/driver-table';
import type { Distribution } from '../../src/scenario/distributions/types';
import { isFpaError } from '../../src/errors';
import { isName, nameKey, NAME_RULE_TEXT } from '../../src/model/names';

export interface DriverDraft {
  name: string;
  distribution: string;
  /** Raw text per parameter name, as typed. */
  params: Record<string, string>;
}

export interface DriverCheck {
  /** Message per field: "name", "distribution", or a parameter name; "form" for the rest. */
  errors: Record<string, string>;
  distribution: Distribution | null;
  params: Record<string, number | number[]>;
}

/** Plain-language hint for each parameter. */
export const PARAMETER_HINTS: Readonly<Record<string, string>> = {
  mean: 'Average value',
  sd: 'Standard deviation: typical distance from the mean',
  min: 'Lowest possible value',
  max: 'Highest possible value',
  mode: 'Most likely value',
  shape: 'How peaked (PERT default 4; gamma > 0)',
  mu: 'Mean of the logarithm',
  sigma: 'Standard deviation of the logarithm',
  alpha: 'Beta shape α (> 0)',
  beta: 'Beta shape β (> 0)',
  scale: 'Spread (> 0)',
  df: 'Degrees of freedom (> 0); small means fat tails',
  location: 'Centre',
  values: 'Possible values, separated by ;',
  probabilities: 'Their probabilities, separated by ; (sum 1)',
  p: 'Probability of 1 (0 to 1)',
  lambda: 'Average count (> 0)',
};

/** Reads one number as the user writes it in their locale (thousands separators, %, k/m); null if it cannot. */
export type ReadNumber = (text: string) => number | null;

/**
 * A typed parameter: one number as the user writes it in their locale (`readNumber`: "1,200",
 * "1.200,5" in de-DE, "12%"), else by the drivers table's one parameter rule (src/sheets): a
 * number, or a list.
 */
function parseParam(
  text: string,
  family: string,
  key: string,
  readNumber?: ReadNumber,
): number | number[] | undefined | string {
  const list = isListParameter(family, key);
  if (!list && readNumber && text.trim() !== '') {
    const value = readNumber(text);
    if (value !== null) return value;
  }
  const read = readParameter(text, list);
  if (read.ok) return read.value;
  return read.kind === 'list'
    ? `parameter "${key}" takes one number; write it without thousands separators.`
    : `parameter "${key}" must be a number.`;
}

/** The parameter a scenario-engine message is about, if it names one. */
function fieldOf(message: string, names: readonly string[]): string {
  const quoted = /parameter "([^"]+)"|entry of "([^"]+)"/.exec(message);
  if (quoted) return quoted[1] ?? quoted[2];
  const body = message.replace(/^Driver "[^"]*": [^:]*: /, '');
  const named = names.find((n) => body.startsWith(`${n} `));
  if (named) return named;
  if (/min must be < max|min must be ≤ mode/.test(body)) return names.includes('min') ? 'min' : 'form';
  if (/values and probabilities|probabilities must/.test(body)) return 'probabilities';
  return 'form';
}

/**
 * @param otherNames names of the other drivers (case-insensitive uniqueness)
 * @param readNumber the pane's locale parser for single numbers (the sheet's rule alone without it)
 * @example checkDriver({ name: 'price', distribution: 'normal', params: { mean: '130', sd: '-1' } }, []).errors.sd // 'Driver "price": normal: sd must be > 0; got -1.'
 */
export function checkDriver(draft: DriverDraft, otherNames: readonly string[], readNumber?: ReadNumber): DriverCheck {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (!isName(name)) errors.name = `"${name}" is not a valid name: use ${NAME_RULE_TEXT}.`;
  else if (otherNames.some((n) => nameKey(n) === nameKey(name))) errors.name = `the name "${name}" is used twice.`;
  const family = canonicalFamily(draft.distribution);
  const params: Record<string, number | number[]> = {};
  if (!family) {
    errors.distribution = `distribution "${draft.distribution}" is not known.`;
    return { errors, distribution: null, params };
  }
  const names = DISTRIBUTION_PARAMETERS[family];
  for (const key of names) {
    const v = parseParam(draft.params[key] ?? '', family, key, readNumber);
    if (typeof v === 'string') errors[key] = v;
    else if (v !== undefined) params[key] = v;
  }
  if (Object.keys(errors).some((k) => names.includes(k))) return { errors, distribution: null, params };
  try {
    const distribution = makeDistribution(name || 'driver', family, params);
    return { errors, distribution, params };
  } catch (error) {
    if (!isFpaError(error)) throw error;
    errors[fieldOf(error.message, names)] = error.message;
    return { errors, distribution: null, params };
  }
}
