/**
 * Where false flags fall on set b (scripts/make-budget-set-b.ts), by what each line was drawn from:
 * noise family, AR(1) or independent noise, lognormal or linear noise, plan phasing, clean or not.
 * A flag is false as in bench/flags-score.ts (less than half its span inside its line's events).
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import type { ThresholdSettings } from '../src/anomaly/types';
import { makeBudgetSetB } from '../scripts/make-budget-set-b';
import { scoreFlags } from './flags-score';

/** Markdown rows: trait | lines | false flags | false flags per 100 lines, over the seeds. */
export function falseFlagsByTrait(
  seeds: ReadonlyArray<number>,
  lines: number,
  settings: ThresholdSettings,
  periods?: number,
): string[] {
  const tally = new Map<string, [number, number]>();
  for (const seed of seeds) {
    const { budget, labels, truths } = makeBudgetSetB(seed, lines, periods);
    const flags = detectFlags(budget.lines, settings);
    truths.forEach((t) => {
      const events = labels.filter((e) => e.line === t.line);
      const own = flags.filter((f) => f.line === t.line);
      const falseFlags = own.length - scoreFlags(own, events).real;
      const traits = [
        `noise ${t.noise}`,
        t.phi > 0 ? 'AR(1) noise' : 'independent noise',
        t.lognormal ? 'lognormal noise' : 'linear noise',
        `plan phasing ${t.phasing}`,
        events.length === 0 ? 'clean line' : 'line with events',
      ];
      for (const k of traits) {
        const v = tally.get(k) ?? [0, 0];
        tally.set(k, [v[0] + 1, v[1] + falseFlags]);
      }
    });
  }
  return [...tally.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, [n, f]]) => `| ${k} | ${n} | ${f} | ${((100 * f) / n).toFixed(1)} |`);
}

const BANDS: ReadonlyArray<[number, number]> = [
  [0, 2],
  [2, 4],
  [4, 8],
  [8, Infinity],
];

/** Markdown rows: event kind | caught / events in each band of size (σ units: < 2, 2–4, 4–8, ≥ 8). */
export function recallBySize(
  seeds: ReadonlyArray<number>,
  lines: number,
  settings: ThresholdSettings,
  periods?: number,
): string[] {
  const tally = new Map<string, [number, number][]>();
  for (const seed of seeds) {
    const { budget, labels } = makeBudgetSetB(seed, lines, periods);
    const flags = detectFlags(budget.lines, settings);
    const byLine = new Map<string, typeof flags>();
    for (const f of flags) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    for (const e of labels) {
      const row = tally.get(e.kind) ?? BANDS.map((): [number, number] => [0, 0]);
      const band = row[BANDS.findIndex(([lo, hi]) => e.size >= lo && e.size < hi)];
      band[0] += scoreFlags(byLine.get(e.line) ?? [], [e]).caught;
      band[1] += 1;
      tally.set(e.kind, row);
    }
  }
  return [...tally.entries()].map(([k, row]) => `| ${k} | ${row.map(([c, n]) => `${c} / ${n}`).join(' | ')} |`);
}
