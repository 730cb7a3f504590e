/**
 * Each line's contribution to its cost centre's variance.
 */
import type { BudgetLine } from './types';

export interface LineContribution {
  line: string;
  /** Σ(actual − plan) over the periods where both exist. */
  variance: number;
  /** variance / the cost centre's variance; null when the cost centre is exactly on plan. */
  share: number | null;
}

export interface CostCentreVariance {
  costCentre: string;
  variance: number;
  /** Lines by the size of their contribution, largest first. */
  lines: LineContribution[];
}

/**
 * Sums variances by cost centre and gives each line's share; shares add up to 1 within a cost
 * centre (a share above 1 means other lines offset part of it). `periods`: 0-based indices to
 * include, default all.
 * @example lineContributions([{ id: 'a', costCentre: 'C', account: 'x', owner: 'o', plan: [100], actual: [130] },
 *   { id: 'b', costCentre: 'C', account: 'y', owner: 'o', plan: [100], actual: [90] }])[0].lines[0]
 *   // { line: 'a', variance: 30, share: 1.5 }
 */
export function lineContributions(
  lines: ReadonlyArray<BudgetLine>,
  periods?: ReadonlyArray<number>,
): CostCentreVariance[] {
  const centres = new Map<string, { id: string; variance: number }[]>();
  for (const l of lines) {
    const chosen = periods ?? l.plan.map((_, t) => t);
    let variance = 0;
    for (const t of chosen) {
      const p = l.plan[t];
      const a = l.actual[t];
      if (p !== null && a !== null && p !== undefined && a !== undefined && Number.isFinite(p) && Number.isFinite(a))
        variance += a - p;
    }
    centres.set(l.costCentre, [...(centres.get(l.costCentre) ?? []), { id: l.id, variance }]);
  }
  return [...centres.entries()].map(([costCentre, rows]) => {
    const total = rows.reduce((s, r) => s + r.variance, 0);
    return {
      costCentre,
      variance: total,
      lines: rows
        .map((r) => ({ line: r.id, variance: r.variance, share: total === 0 ? null : r.variance / total }))
        .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance)),
    };
  });
}
