/**
 * The labelled budget sets the flags benchmarks score on, chosen by `--set`: `a` (the default,
 * scripts/make-budget-set.ts, the set the engine was tuned on) or `b` (scripts/make-budget-set-b.ts,
 * an independently designed generator: a rule counts only if it holds on both), and their length in
 * months by `--periods` (36 by default, the length every figure in docs/anomaly.md is on).
 */
import { makeBudgetSet } from '../scripts/make-budget-set';
import { makeBudgetSetB } from '../scripts/make-budget-set-b';
import type { BudgetLine } from '../src/anomaly/types';
import type { LabelledEvent } from './flags-score';

export type SetName = 'a' | 'b';

/** `--set a|b` from the command line; `a` when absent. */
export function setOption(argv: ReadonlyArray<string> = process.argv): SetName {
  const i = argv.indexOf('--set');
  const name = i >= 0 ? argv[i + 1] : 'a';
  if (name !== 'a' && name !== 'b') throw new Error(`--set must be a or b, not ${name}`);
  return name;
}

/** The sheets' length in months (`--periods N`, 12 or more); 36 when absent. */
export function periodsOption(argv: ReadonlyArray<string> = process.argv): number {
  const i = argv.indexOf('--periods');
  const n = i >= 0 ? Number(argv[i + 1]) : DEFAULT_PERIODS;
  if (!Number.isInteger(n) || n < 12)
    throw new Error(`--periods must be a whole number of 12 or more, not ${argv[i + 1]}`);
  return n;
}

/** The generators' own length: three fiscal years. */
export const DEFAULT_PERIODS = 36;

/** One seed's labelled set of the named generator, `periods` months long. */
export function labelledSet(
  set: SetName,
  seed: number,
  lines: number,
  periods = DEFAULT_PERIODS,
): { budget: { lines: BudgetLine[] }; labels: LabelledEvent[] } {
  return set === 'b' ? makeBudgetSetB(seed, lines, periods) : makeBudgetSet(seed, lines, periods);
}

/** The generator's file, for table captions. */
export const generatorFile = (set: SetName) =>
  set === 'b' ? 'scripts/make-budget-set-b.ts' : 'scripts/make-budget-set.ts';
