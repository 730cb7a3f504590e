/**
 * Stress-test results as a table, the one layout FPA.CASH.STRESS spills and the pane's Cash view
 * writes: a header, then one row per scenario (the base case first) with the lowest cash, its
 * period, the first breach (or "none"), the periods in breach, the peak debt and the lowest headroom
 * (blank without a credit line), then closing cash per period. Blanks are null.
 */
import type { Cell } from '../model/cell';
import type { StressResult } from './stress-test';

/** @example stressTable([{ name: 'base', minCash: 5, minPeriod: 2, breaches: [], closingCash: [8, 5] }])[1] // ['base', 5, 2, 'none', 0, null, null, 8, 5] */
export function stressTable(results: readonly StressResult[]): Cell[][] {
  const periods = results[0]?.closingCash.length ?? 0;
  const header: Cell[] = [
    'scenario',
    'lowest cash',
    'in period',
    'first breach',
    'periods in breach',
    'peak debt',
    'lowest headroom',
    ...Array.from({ length: periods }, (_, t) => `cash ${t + 1}`),
  ];
  const rows = results.map((r): Cell[] => [
    r.name,
    r.minCash,
    r.minPeriod,
    r.breaches[0] ?? 'none',
    r.breaches.length,
    r.debt ? Math.max(...r.debt) : null,
    r.lowestHeadroom ?? null,
    ...r.closingCash,
  ]);
  return [header, ...rows];
}
