/**
 * The command line the two labelled budget-set generators share (make-budget-set.ts and
 * make-budget-set-b.ts): `[seed] [lines] [dir] [periods]`, by default 2026, 200, test/fixtures/anomaly and
 * the generator's own length (36 months), writes the set (the CLI's input format) and its labels as two
 * JSON files in `dir`. Only the output is
 * shared: the generators stay independent of each other.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A generated set: the budget in the CLI's input format and the events injected into it. */
export interface LabelledSet {
  budget: unknown;
  labels: readonly unknown[];
}

/**
 * Writes `make(seed, lines, periods)` into `dir` as `files.budget` and `files.labels` (the events with the
 * seed and the number of lines that made them), and says so on stderr.
 * @example writeLabelledSet(['7', '10', 'out'], makeBudgetSet, { budget: 'budget-set.json', labels: 'labels.json' })
 */
export function writeLabelledSet(
  args: readonly string[],
  make: (seed: number, count: number, periods?: number) => LabelledSet,
  files: { budget: string; labels: string },
): void {
  const seed = Number(args[0] ?? 2026);
  const count = Number(args[1] ?? 200);
  const dir = args[2] ?? 'test/fixtures/anomaly';
  const { budget, labels } = make(seed, count, args[3] === undefined ? undefined : Number(args[3]));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, files.budget), JSON.stringify(budget));
  writeFileSync(join(dir, files.labels), JSON.stringify({ seed, lines: count, events: labels }, null, 1));
  process.stderr.write(`wrote ${count} lines and ${labels.length} events to ${dir}\n`);
}
