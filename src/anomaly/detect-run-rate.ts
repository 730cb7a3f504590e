/**
 * Year-to-date run-rate breaches and opportunities: at the current pace, where does the line end
 * its fiscal year against its annual budget?
 */
import type { LineResiduals } from './line-residuals';
import type { Thresholds } from './types';
import type { PeriodReason } from './detect-variance';
import { median } from '../stats/median';
import { money, percent } from './format';

/** The pace is the median relative variance of the last three periods (robust to one spike). */
const PACE_WINDOW = 3;
/** A pace this many noise units from plan is a trend, not chance (a median of three iid normals exceeds 2σ with p ≈ 0.0016). */
const PACE_Z = 2;

/**
 * For every period from the third of a fiscal year, projects the year-end variance as the
 * year-to-date variance plus the remaining plan times the current pace. Over budget by at least
 * `runRatePct` of the annual plan (and `minAbs`) at a significant pace → run-rate; under budget
 * by as much → opportunity (budget that can be freed for reallocation). Needs the plan for the
 * whole year (`planAll`, indexed by period), including periods without actuals.
 */
export function detectRunRate(
  line: LineResiduals,
  planAll: ReadonlyArray<number | null>,
  t: Thresholds,
): PeriodReason[] {
  const out: PeriodReason[] = [];
  const ppy = t.periodsPerYear;
  for (let i = 0; i < line.index.length; i += 1) {
    const period = line.index[i];
    const yearStart = period - (period % ppy);
    const inYear: number[] = [];
    for (let j = i; j >= 0 && line.index[j] >= yearStart; j -= 1) inYear.unshift(j);
    if (inYear.length < PACE_WINDOW) continue;
    let annualPlan = 0;
    let remainingPlan = 0;
    for (let q = yearStart; q < Math.min(yearStart + ppy, planAll.length); q += 1) {
      const p = planAll[q];
      if (p === null || !Number.isFinite(p)) continue;
      annualPlan += p;
      if (q > period) remainingPlan += p;
    }
    if (remainingPlan <= 0 || annualPlan <= 0) continue;
    const pace = median(inYear.slice(-PACE_WINDOW).map((j) => line.residual[j]));
    const evidence = (Math.abs(pace) / line.sigma) * Math.sqrt(PACE_WINDOW);
    if (Math.abs(pace) / line.sigma < PACE_Z) continue;
    const ytd = inYear.reduce((sum, j) => sum + line.actual[j] - line.plan[j], 0);
    const projected = ytd + remainingPlan * pace;
    if (Math.sign(projected) !== Math.sign(pace)) continue;
    const share = Math.abs(projected) / annualPlan;
    if (share < t.runRatePct || Math.abs(projected) < t.minAbs) continue;
    const over = projected > 0;
    const text = over
      ? `Run rate: ${money(ytd)} over plan year to date and running ${percent(pace)} over lately; at this pace the line ends the year ${money(projected)} (${percent(share)}) over its budget of ${money(annualPlan)}.`
      : `Opportunity: running ${percent(-pace)} under plan lately (${money(-ytd)} under year to date); at this pace the year ends ${money(-projected)} (${percent(share)}) under its budget of ${money(annualPlan)}, which could be freed for reallocation.`;
    out.push({
      at: i,
      reason: { kind: over ? 'run-rate' : 'opportunity', evidence, amount: Math.abs(projected), text },
    });
  }
  return out;
}
