/**
 * Stress-test results as a table, the one layout FPA.CASH.STRESS spills and the pane's Cash view
 * writes: a header, then one row per scenario (the base case first) with the lowest cash, its
 * period, the first breach (or "none"), the periods in breach, the peak debt and the lowest headroom
 * (blank without a credit line), then closing cash per period. Blanks are null.
 */
import type { Cell } from '../model/cell';
import type { StressResult } from './stress-test';

/** The columns before closing cash: each header beside its cell, so the two lists cannot drift apart. */
const SUMMARY_COLUMNS: ReadonlyArray<readonly [string, (r: StressResult) => Cell]> = [
  ['scenario', (r) => r.name],
  ['lowest cash', (r) => r.minCash],
  ['in period', (r) => r.minPeriod],
  ['first breach', (r) => r.breaches[0] ?? 'none'],
  ['periods in breach', (r) => r.breaches.length],
  ['peak debt', (r) => (r.debt ? Math.max(...r.debt) : null)],
  ['lowest headroom', (r) => r.lowestHeadroom ?? null],
];

/** @example stressTable([{ name: 'base', minCash: 5, minPeriod: 2, breaches: [], closingCash: [8, 5] }])[1] // ['base', 5, 2, 'none', 0, null, null, 8, 5] */
export function stressTable(results: readonly StressResult[]): Cell[][] {
  const periods = results[0]?.closingCash.length ?? 0;
  const header: Cell[] = [
    ...SUMMARY_COLUMNS.map(([name]) => name),
    ...Array.from({ length: periods }, (_, t) => `cash ${t + 1}`),
  ];
  const rows = results.map((r): Cell[] => [...SUMMARY_COLUMNS.map(([, cell]) => cell(r)), ...r.closingCash]);
  return [header, ...rows];
}
