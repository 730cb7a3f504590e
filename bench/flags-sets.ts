/**
 * The labelled budget sets the flags benchmarks score on, chosen by `--set`: `a` (the default,
 * scripts/make-budget-set.ts, the set the engine was tuned on) or `b` (scripts/make-budget-set-b.ts,
 * an independently designed generator: a rule counts only if it holds on both).
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

/** One seed's labelled set of the named generator. */
export function labelledSet(
  set: SetName,
  seed: number,
  lines: number,
): { budget: { lines: BudgetLine[] }; labels: LabelledEvent[] } {
  return set === 'b' ? makeBudgetSetB(seed, lines) : makeBudgetSet(seed, lines);
}

/** The generator's file, for table captions. */
export const generatorFile = (set: SetName) =>
  set === 'b' ? 'scripts/make-budget-set-b.ts' : 'scripts/make-budget-set.ts';
