/**
 * The plain-words sentences of a flag, in the period labels the user gave ("2026-03", "Mar"), with
 * the money and the shares that make it a flag.
 */
import type { LineResiduals } from './line-residuals';
import type { Issue } from './line-issues';
import type { FlagKind, YearEndProjection } from './types';
import { median } from '../stats/median';
import { money, percent, times } from './format';
import type { NumberStyle } from '../format/format-number';

/** Names a period by its label, or "period n" (1-based) when none was given. */
export type PeriodLabel = (period: number) => string;

/**
 * @example periodLabeller(['Jan', 'Feb'])(1) // "Feb"
 * @example periodLabeller(undefined)(1) // "period 2"
 */
export function periodLabeller(labels: ReadonlyArray<string> | undefined): PeriodLabel {
  return (period) => labels?.[period] ?? `period ${period + 1}`;
}

/** Periods before a run that say where the line stood before it (up to a year). */
const BEFORE_PERIODS = 12;
/** Fewest periods before a run for a "before" level worth quoting. */
const BEFORE_LEAST = 3;

const side = (v: number): string => (v >= 0 ? 'over' : 'under');

/**
 * Evidence beyond this many noise units is quoted as "more than" it: it only happens when the other
 * periods sit exactly on plan (their spread is the engine's floor), and a 16-digit multiple says nothing.
 */
const MOST_TIMES = 1000;

/** "12× the spread …" ("2.5×" below 10), or "more than 1,000× …" when the spread is next to nothing. */
const timesOf = (evidence: number, style: NumberStyle): string =>
  evidence > MOST_TIMES ? `more than ${money(MOST_TIMES, style)}×` : times(evidence, style);

/**
 * The one rule for quoting a variance over periods `from`…`to` as a share of their plan: not when the
 * line's plan changes sign (a profit or net line swinging through 0: a share of one stretch of that swing
 * means nothing, "2,556 (614.4%) over plan" on a plan of −416, "599 (323.8%) under plan" on a span that
 * nets out), nor when the span's plan sums to about 0 (less than the smallest `base` among its periods:
 * the engine's floor when a period is planned below it, so a share of the floor, not of a plan).
 */
export function planShares(view: LineResiduals, from: number, to: number): boolean {
  const plan = view.plan.slice(from, to + 1);
  const sum = plan.reduce((s, v) => s + v, 0);
  const floor = Math.min(...view.base.slice(from, to + 1));
  const signs = new Set(view.plan.filter((v) => v !== 0).map(Math.sign));
  return signs.size === 1 && sum !== 0 && Math.abs(sum) >= floor;
}

/** A line with no plan at all (every period 0): its variances have no share of plan to quote. */
const unplanned = (view: LineResiduals): boolean => view.plan.every((p) => p === 0);

/** "ran 1.2% over plan", or "was on plan" below 0.05%. */
function standing(level: number, style: NumberStyle): string {
  return Math.abs(level) < 0.0005 ? 'was on plan' : `ran ${percent(Math.abs(level), style)} ${side(level)} plan`;
}

export interface IssueFigures {
  /** Σ actual − plan over the span. */
  variance: number;
  /** Σ plan over the span. */
  plan: number;
  /** Mean relative variance (after the seasonal pattern) over the span. */
  level: number;
}

/**
 * A one-off: the period, its actual against plan, and how unusual it is for the line. `style`: the
 * reader's locale and minus sign (src/format; default en-US, hyphen-minus).
 */
export function oneOffText(
  view: LineResiduals,
  issue: Issue,
  kind: FlagKind,
  label: PeriodLabel,
  style: NumberStyle = {},
): string {
  const money$ = (v: number) => money(v, style);
  const i = issue.from;
  const variance = view.actual[i] - view.plan[i];
  const head = kind === 'outlier' ? `One-off in ${label(view.index[i])}` : `${label(view.index[i])}, the latest period`;
  const tail = kind === 'outlier' ? '' : ' One period so far: not yet a pattern.';
  const spread = `${timesOf(issue.evidence, style)} the spread of the line's other periods.${tail}`;
  // Nothing planned: the actual is the whole variance ("a plan of 0.00, 5,000 over plan" said it twice).
  if (view.plan[i] === 0) return `${head}: ${money$(view.actual[i])} with nothing planned, ${spread}`;
  const share = planShares(view, i, i) ? ` (${percent(Math.abs(variance) / Math.abs(view.plan[i]), style)})` : '';
  return `${head}: ${money$(view.actual[i])} against a plan of ${money$(view.plan[i])}, ${money$(Math.abs(variance))}${share} ${side(variance)} plan, ${spread}`;
}

/** A persistent issue: since when, how much in total, what it was before, and its shape. `style` as oneOffText. */
export function runText(
  view: LineResiduals,
  issue: Issue,
  kind: FlagKind,
  figures: IssueFigures,
  slopePerPeriod: number,
  label: PeriodLabel,
  style: NumberStyle = {},
): string {
  const percent$ = (share: number) => percent(share, style);
  const onset = view.index[issue.from];
  const through = view.index[issue.to];
  const periods = issue.to - issue.from + 1;
  const ended = issue.to < view.index.length - 1;
  const span = ended ? `from ${label(onset)} to ${label(through)}` : `since ${label(onset)}`;
  const share =
    figures.plan !== 0 && planShares(view, issue.from, issue.to)
      ? ` (${percent$(Math.abs(figures.variance / figures.plan))})`
      : '';
  // Without any plan the line's variation and level are shares of the engine's floor: say nothing of them.
  const shares = !unplanned(view);
  const usual = shares ? ` of ±${percent$(view.sigma)}` : '';
  let text = `${side(figures.variance) === 'over' ? 'Over' : 'Under'} plan ${span}: ${money(Math.abs(figures.variance), style)}${share} ${side(figures.variance)} plan over ${periods} periods, ${timesOf(issue.evidence, style)} the line's usual variation${usual}.`;
  const before = view.residual.slice(Math.max(0, issue.from - BEFORE_PERIODS), issue.from);
  if (shares && (kind === 'shift' || kind === 'opportunity' || (kind === 'underspend' && !ended))) {
    text += ` The level moved to about ${percent$(Math.abs(figures.level))} ${side(figures.level)} plan a period`;
    text +=
      before.length >= BEFORE_LEAST ? `; before ${label(onset)} the line ${standing(median(before), style)}.` : '.';
  }
  if (kind === 'run-rate' && shares)
    text += ` The gap is widening by about ${percent$(Math.abs(slopePerPeriod))} of plan a period.`;
  if (ended) text += ` Back in line from ${label(view.index[issue.to + 1])}.`;
  if (view.deseasonalised) text += ` (Judged after the line's recurring seasonal pattern of variances.)`;
  return text;
}

/** Where the year ends at the recent pace, for issues still running. `style` as oneOffText. */
export function projectionText(kind: FlagKind, projection: YearEndProjection, style: NumberStyle = {}): string {
  const amount = `${money(Math.abs(projection.variance), style)} (${percent(projection.share, style)})`;
  const budget = money(projection.annualPlan, style);
  return kind === 'opportunity'
    ? `At this pace the year ends ${amount} under its budget of ${budget}, which could be freed for reallocation.`
    : `At this pace the year ends ${amount} ${side(projection.variance)} its budget of ${budget}.`;
}
