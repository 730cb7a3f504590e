/**
 * From an issue of a line to the flag a budget owner reads: kind, side, money, span, year-end
 * projection, severity and the sentences that explain it.
 */
import type { LineResiduals } from './line-residuals';
import type { Issue } from './line-issues';
import { meanResidual, RECENT_PERIODS, spanVariance } from './line-issues';
import { issueKind } from './issue-kind';
import { runSlope } from './run-slope';
import { oneOffText, planShares, projectionText, runText } from './issue-text';
import type { PeriodLabel } from './issue-text';
import type { NumberStyle } from '../format/format-number';
import { yearEndProjection } from './year-end-projection';
import { forecastBandReason } from './forecast-band';
import { calibratedConfidence, flagSeverity, materialAmount } from './flag-severity';
import type { BudgetLine, Flag, Reason, Thresholds, YearEndProjection } from './types';

/** The year-end projection of a run still going at the latest period, on its own side of plan. */
function runProjection(line: BudgetLine, view: LineResiduals, issue: Issue, t: Thresholds): YearEndProjection | null {
  if (issue.from === issue.to || issue.to < view.index.length - 1) return null;
  const pace = meanResidual(view, Math.max(issue.from, issue.to - RECENT_PERIODS + 1), issue.to);
  const projection = yearEndProjection(view, line.plan, issue.to, pace, t.periodsPerYear);
  return projection && Math.sign(projection.variance) === issue.sign ? projection : null;
}

/**
 * The flag of one issue. `label` names periods in the sentences, `style` writes their numbers (the
 * reader's locale and minus sign; default en-US with the hyphen-minus).
 */
export function issueFlag(
  line: BudgetLine,
  view: LineResiduals,
  issue: Issue,
  t: Thresholds,
  label: PeriodLabel,
  style: NumberStyle = {},
): Flag {
  const variance = spanVariance(view, issue.from, issue.to);
  let plan = 0;
  for (let i = issue.from; i <= issue.to; i += 1) plan += view.plan[i];
  const persistent = issue.to > issue.from;
  const projection = runProjection(line, view, issue, t);
  const kind = issueKind(view, issue, projection, t);
  const level = meanResidual(view, issue.from, issue.to);
  const main: Reason = {
    kind,
    evidence: issue.evidence,
    amount: Math.abs(variance),
    text: persistent
      ? runText(view, issue, kind, { variance, plan, level }, runSlope(view, issue).slope, label, style)
      : oneOffText(view, issue, kind, label, style),
  };
  const reasons = [main];
  const projected = projection !== null && projection.share >= t.runRatePct;
  if (projection && projected)
    reasons.push({
      kind: issue.sign > 0 ? 'run-rate' : 'opportunity',
      evidence: issue.evidence,
      amount: Math.abs(projection.variance),
      text: projectionText(kind, projection, style),
    });
  const onset = view.index[issue.from];
  const band = t.useForecast ? forecastBandReason(line.actual, onset, t.periodsPerYear, label(onset), style) : null;
  if (band) reasons.push(band);
  const amount = Math.max(Math.abs(variance), projected && projection ? Math.abs(projection.variance) : 0);
  return {
    line: line.id,
    periodIndex: onset,
    throughIndex: view.index[issue.to],
    kind,
    direction: issue.sign > 0 ? 'over' : 'under',
    severity: flagSeverity(issue.pValue, amount, materialAmount(line.plan, t)),
    confidence: Math.round(calibratedConfidence(issue.pValue) * 1000) / 1000,
    pValue: issue.pValue,
    amount,
    variance,
    // The sentences' rule: no share of a plan that changes sign or sums to about 0 (NaN, which the pane omits).
    variancePct: planShares(view, issue.from, issue.to) ? variance / Math.abs(plan) : NaN,
    persistent,
    ongoing: issue.to === view.index.length - 1,
    ...(projection ? { projection } : {}),
    explanation: reasons.map((r) => r.text).join(' '),
    reasons,
  };
}
