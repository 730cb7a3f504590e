/**
 * What an issue is called: one-offs, level shifts, drifts that breach the run rate, opportunities
 * to free budget, and spells over or under plan that have ended.
 */
import type { LineResiduals } from './line-residuals';
import type { Issue } from './line-issues';
import type { FlagKind, Thresholds, YearEndProjection } from './types';
import { DRIFT_Z, runSlope } from './run-slope';

/** Fewest periods a run needs before its slope is judged. */
const DRIFT_LEAST_PERIODS = 4;

/**
 * The kind of an issue:
 * - one period: `outlier` (a one-off, judged against later periods too), or `overspend` /
 *   `underspend` when it is the latest booked period (too early to say whether it persists);
 * - a run still going at the latest booked period, over plan: `run-rate` when the variance is
 *   growing (a drift, slope ≥ 1.96 standard errors over four periods or more) and the year ends at
 *   least `runRatePct` over budget at the recent pace; otherwise `shift` (the level has moved);
 * - a run still going, under plan: `opportunity` when the year ends at least `runRatePct` under
 *   budget at the recent pace (budget that can be freed), otherwise `underspend`;
 * - a run that has ended: `overspend` or `underspend`.
 */
export function issueKind(
  view: LineResiduals,
  issue: Issue,
  projection: YearEndProjection | null,
  t: Thresholds,
): FlagKind {
  const over = issue.sign > 0;
  const latest = issue.to === view.index.length - 1;
  if (issue.from === issue.to) return latest ? (over ? 'overspend' : 'underspend') : 'outlier';
  if (!latest) return over ? 'overspend' : 'underspend';
  const material =
    projection !== null &&
    Math.sign(projection.variance) === issue.sign &&
    projection.share >= t.runRatePct &&
    Math.abs(projection.variance) >= t.minAbs;
  if (!over) return material ? 'opportunity' : 'underspend';
  const drifting = issue.to - issue.from + 1 >= DRIFT_LEAST_PERIODS && runSlope(view, issue).z >= DRIFT_Z;
  return drifting && material ? 'run-rate' : 'shift';
}
