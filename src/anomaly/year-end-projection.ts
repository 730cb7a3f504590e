/**
 * Where a line ends its fiscal year at a given pace: the year-to-date variance plus the rest of the
 * year's plan times the pace.
 */
import type { LineResiduals } from './line-residuals';
import type { YearEndProjection } from './types';

/**
 * Projects the fiscal year of `view.index[at]` to its end: year-to-date variance (actual − plan over
 * the booked periods of the year up to and including `at`) + remaining plan × `pace` (a relative
 * variance, 0.1 = 10% over plan). Fiscal years are counted from the first period in blocks of
 * `periodsPerYear`. Needs the plan of the whole year (`planAll`, indexed by period), including
 * periods without actuals. Null when the year has no positive plan.
 * @example yearEndProjection(lineResiduals([100, 100, 100, 100], [120, 120, null, null], 4), [100, 100, 100, 100], 1, 0.2, 4)
 *   // { variance: 80, share: 0.2, annualPlan: 400 }
 */
export function yearEndProjection(
  view: LineResiduals,
  planAll: ReadonlyArray<number | null>,
  at: number,
  pace: number,
  periodsPerYear: number,
): YearEndProjection | null {
  const period = view.index[at];
  const yearStart = period - (period % periodsPerYear);
  let ytd = 0;
  for (let j = at; j >= 0 && view.index[j] >= yearStart; j -= 1) ytd += view.actual[j] - view.plan[j];
  let annualPlan = 0;
  let remainingPlan = 0;
  for (let q = yearStart; q < Math.min(yearStart + periodsPerYear, planAll.length); q += 1) {
    const p = planAll[q];
    if (p === null || !Number.isFinite(p)) continue;
    annualPlan += p;
    if (q > period) remainingPlan += p;
  }
  if (!(annualPlan > 0)) return null;
  const variance = ytd + remainingPlan * pace;
  return { variance, share: Math.abs(variance) / annualPlan, annualPlan };
}
