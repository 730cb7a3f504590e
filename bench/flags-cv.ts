/**
 * Two-fold cross-validation of the flags engine's sensitivity on labelled budget sets
 * (scripts/make-budget-set.ts, or with `--set b` the independent scripts/make-budget-set-b.ts): each half of the seeds chooses `alpha` by issue 20's rule, the
 * highest recall whose precision is at least 0.85 on every seed of the half (a user has one sheet,
 * not the average of eight; the smaller alpha on a tie), and the choice is scored on the other half.
 * A setting counts only when it holds on the half that did not choose it.
 * Scoring: bench/flags-score.ts (one flag per issue).
 *
 * Run: npm run bench:flags-cv [-- --fold-a 1,2,3,4,5,6,7,8 --fold-b 101,102,103,104,105,106,107,108
 *      --alphas 0.005,0.01,0.02,0.03 --lines 200 --set a|b --periods 36 --by-kind]
 * `--periods N` makes the sheets N months long (36 by default). `--by-kind` adds, for each alpha over both folds, recall by event kind and precision by flag kind.
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import { generatorFile, labelledSet, periodsOption, setOption } from './flags-sets';
import type { SetName } from './flags-sets';
import { addScores, scoreFlags } from './flags-score';
import type { Score } from './flags-score';

/** Issue 20: "aim for precision ≥ 0.85 at recall ≥ 0.95". */
const LEAST_PRECISION = 0.85;

function option(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1].split(',').map(Number) : fallback;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const precision = (s: Score) => (s.flags > 0 ? s.real / s.flags : 0);
const recall = (s: Score) => (s.events > 0 ? s.caught / s.events : 0);
const materialRecall = (s: Score) => (s.materialEvents > 0 ? s.materialCaught / s.materialEvents : 0);

/** One alpha on one fold: the fold's total score and its least precision on a single seed. */
interface FoldScore {
  total: Score;
  leastPrecision: number;
}

/** Every alpha's score on one fold's seeds (the sets are generated once). */
function foldScores(
  set: SetName,
  seeds: number[],
  alphas: number[],
  lines: number,
  periods: number,
): Map<number, FoldScore> {
  const sets = seeds.map((seed) => labelledSet(set, seed, lines, periods));
  const out = new Map<number, FoldScore>();
  for (const alpha of alphas) {
    const each = sets.map(({ budget, labels }) =>
      scoreFlags(detectFlags(budget.lines, { alpha, useForecast: false }), labels),
    );
    out.set(alpha, { total: addScores(each), leastPrecision: Math.min(...each.map(precision)) });
  }
  return out;
}

/** The alpha a fold chooses: the highest recall with precision ≥ 0.85 on every seed, else the most precise. */
function choose(scores: Map<number, FoldScore>): number {
  const entries = [...scores.entries()].sort((a, b) => a[0] - b[0]);
  const allowed = entries.filter(([, s]) => s.leastPrecision >= LEAST_PRECISION);
  if (allowed.length === 0) return entries.reduce((a, b) => (b[1].leastPrecision > a[1].leastPrecision ? b : a))[0];
  return allowed.reduce((a, b) => (recall(b[1].total) > recall(a[1].total) ? b : a))[0];
}

const cells = ({ total: s, leastPrecision }: FoldScore) =>
  `${s.flags} | ${pct(precision(s))} | ${pct(leastPrecision)} | ${pct(recall(s))} | ${pct(materialRecall(s))}`;

/** Recall by event kind and precision by flag kind of each alpha, both folds together. */
function byKind(alphas: number[], scores: Record<'A' | 'B', Map<number, FoldScore>>): string[] {
  const totals = alphas.map((alpha) => addScores([scores.A, scores.B].map((f) => (f.get(alpha) as FoldScore).total)));
  const kinds = (pick: (s: Score) => Record<string, unknown>) => [
    ...new Set(totals.flatMap((s) => Object.keys(pick(s)))),
  ];
  const ratio = (a = 0, b = 0) => (b > 0 ? pct(a / b) : '–');
  const out = ['', 'Recall by event kind (both folds; events of the kind):', ''];
  out.push(`| event kind | events | ${alphas.map((a) => `recall at ${a}`).join(' | ')} |`);
  out.push(`|---|---|${alphas.map(() => '---|').join('')}`);
  for (const k of kinds((s) => s.byEventKind)) {
    const n = totals[0].byEventKind[k]?.events ?? 0;
    out.push(
      `| ${k} | ${n} | ${totals.map((s) => ratio(s.byEventKind[k]?.caught, s.byEventKind[k]?.events)).join(' | ')} |`,
    );
  }
  out.push('', 'Precision by flag kind (both folds; flags / precision):', '');
  out.push(`| flag kind | ${alphas.map((a) => `at ${a}`).join(' | ')} |`);
  out.push(`|---|${alphas.map(() => '---|').join('')}`);
  for (const k of kinds((s) => s.byFlagKind))
    out.push(
      `| ${k} | ${totals.map((s) => `${s.byFlagKind[k]?.flags ?? 0} / ${ratio(s.byFlagKind[k]?.real, s.byFlagKind[k]?.flags)}`).join(' | ')} |`,
    );
  return out;
}

function main(): void {
  const set = setOption();
  const periods = periodsOption();
  const lines = option('--lines', [200])[0];
  const alphas = option('--alphas', [0.005, 0.01, 0.02, 0.03]);
  const folds = {
    A: option('--fold-a', [1, 2, 3, 4, 5, 6, 7, 8]),
    B: option('--fold-b', [101, 102, 103, 104, 105, 106, 107, 108]),
  };
  const scores = {
    A: foldScores(set, folds.A, alphas, lines, periods),
    B: foldScores(set, folds.B, alphas, lines, periods),
  };
  const out = [
    `Two-fold cross-validation on ${generatorFile(set)}, ${lines} lines × ${periods} months a seed: fold A seeds ${folds.A.join(', ')}; fold B seeds ${folds.B.join(', ')}.`,
    '',
    '| alpha | fold | flags | precision | least precision on a seed | recall | recall, material events |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const alpha of alphas)
    for (const f of ['A', 'B'] as const) out.push(`| ${alpha} | ${f} | ${cells(scores[f].get(alpha) as FoldScore)} |`);
  out.push(
    '',
    `Chosen on one fold (highest recall with precision ≥ ${LEAST_PRECISION} on every seed), scored on the other:`,
    '',
    '| chosen on | alpha | scored on | flags | precision | least precision on a seed | recall | recall, material events |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const [train, test] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    const alpha = choose(scores[train]);
    out.push(`| ${train} | ${alpha} | ${test} | ${cells(scores[test].get(alpha) as FoldScore)} |`);
  }
  if (process.argv.includes('--by-kind')) out.push(...byKind(alphas, scores));
  process.stdout.write(out.join('\n') + '\n');
}

main();
