/**
 * The issues of one line: persistent runs (scan-segments.ts) and one-off periods (one-off-periods.ts)
 * that are material, merged so that a deviation is one issue with its span.
 */
import type { LineResiduals } from './line-residuals';
import { SIGMA_FLOOR, seasonallyAdjusted } from './line-residuals';
import {
  autocorrelationEvidence,
  bestSegment,
  CLIP,
  clipScores,
  noiseUnits,
  onset,
  scanSegments,
} from './scan-segments';
import type { AutocorrelationEvidence } from './scan-segments';
import { EWMA_LAMBDA, ewmaRuns } from './ewma-drift';
import { oneOffPeriods } from './one-off-periods';
import { yearEndProjection } from './year-end-projection';
import { materialAmount } from './flag-severity';
import { median } from '../stats/median';
import type { Thresholds } from './types';

/** An issue in the positions of a line's residual view. */
export interface Issue {
  /** First and last position (inclusive) in `LineResiduals.index`. */
  from: number;
  to: number;
  /** +1 over plan, −1 under plan. */
  sign: number;
  /** Evidence in noise units: the scan statistic of a run, the studentised deviation of a one-off. */
  evidence: number;
  /** Family-wise tail area (over the periods tested for a one-off, over all runs for a run). */
  pValue: number;
}

/** The latest periods of a run whose level tells where it stands now. */
export const RECENT_PERIODS = 3;

/** Mean residual (relative variance) over positions [from, to]. */
export function meanResidual(view: LineResiduals, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i <= to; i += 1) sum += view.residual[i];
  return sum / (to - from + 1);
}

/** Money variance Σ (actual − plan) over [from, to], after the seasonal pattern when one was removed. */
export function spanVariance(view: LineResiduals, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i <= to; i += 1) sum += view.residual[i] * view.base[i];
  return sum;
}

/** Mean money variance a relative level stands for over [from, to] (the level × the mean base). */
function meanAmount(view: LineResiduals, from: number, to: number, level: number): number {
  let base = 0;
  for (let i = from; i <= to; i += 1) base += view.base[i];
  return (level * base) / (to - from + 1);
}

const materialLevel = (view: LineResiduals, from: number, to: number, level: number, t: Thresholds): boolean =>
  Math.abs(level) >= t.minPct && Math.abs(meanAmount(view, from, to, level)) >= t.minAbs;

/**
 * The sheet's typical plan a period: the median over the lines of each line's median |plan| (lines
 * without a plan left out; 0 for none). Materiality in currency is measured against it.
 * @example sheetTypicalPlan([[100, 100], [1000, 1200, 1000], [5e4, null]]) // 1000
 */
export function sheetTypicalPlan(plans: ReadonlyArray<ReadonlyArray<number | null>>): number {
  const typical = plans
    .map((plan) => plan.filter((p): p is number => p !== null && Number.isFinite(p)).map(Math.abs))
    .filter((plan) => plan.length > 0)
    .map(median);
  return typical.length > 0 ? median(typical) : 0;
}

/**
 * A run's level is material in % (materialLevel) or, with `sheetMateriality`, in currency: a
 * variance a period of at least `minPct` of the sheet's typical line's plan (`typicalPlan`), and
 * `minAbs` either way. One-offs are judged in % only: in currency they added false one-offs and no
 * caught spike (bench/flags-cv.ts, docs/anomaly.md).
 */
function materialRunLevel(
  view: LineResiduals,
  from: number,
  to: number,
  level: number,
  t: Thresholds,
  typicalPlan: number | undefined,
): boolean {
  if (materialLevel(view, from, to, level, t)) return true;
  if (!t.sheetMateriality || typicalPlan === undefined) return false;
  const amount = Math.abs(meanAmount(view, from, to, level));
  return amount >= t.minPct * typicalPlan && amount >= t.minAbs;
}

/**
 * A run is material when its mean variance is (≥ `minPct` of plan, or with `sheetMateriality` of
 * the sheet's typical line's plan `typicalPlan`, and ≥ `minAbs` a period), or its
 * latest RECENT_PERIODS are (a drift that has become material), or the money it has put at stake
 * (|Σ actual − plan| over its span, on its side of plan) is at least the line's material amount
 * (`runRatePct` of the annual plan, the amount severity is measured in: flag-severity.ts), or its
 * year-end projection at the recent pace is at least `runRatePct` of the annual plan (and `minAbs`).
 * The money-at-stake test judges a long run by its cumulative deviation, not one month's: 4% under
 * plan for fifteen months is 5% of a year's budget.
 */
export function isMaterialRun(
  view: LineResiduals,
  planAll: ReadonlyArray<number | null>,
  run: Pick<Issue, 'from' | 'to' | 'sign'>,
  t: Thresholds,
  typicalPlan?: number,
): boolean {
  const { from, to, sign } = run;
  if (materialRunLevel(view, from, to, meanResidual(view, from, to), t, typicalPlan)) return true;
  const recentFrom = Math.max(from, to - RECENT_PERIODS + 1);
  const recent = meanResidual(view, recentFrom, to);
  if (Math.sign(recent) === sign && materialRunLevel(view, recentFrom, to, recent, t, typicalPlan)) return true;
  const atStake = spanVariance(view, from, to);
  if (Math.sign(atStake) === sign && Math.abs(atStake) >= materialAmount(planAll, t)) return true;
  const projection = yearEndProjection(view, planAll, to, recent, t.periodsPerYear);
  return (
    projection !== null &&
    Math.sign(projection.variance) === sign &&
    projection.share >= t.runRatePct &&
    Math.abs(projection.variance) >= t.minAbs
  );
}

/** Joins issues on the same side of plan that touch or leave one period between them, when one is a run. */
function merge(issues: Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of [...issues].sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    const run = (i: Issue) => i.to > i.from;
    if (last && last.sign === issue.sign && issue.from - last.to <= 2 && (run(last) || run(issue))) {
      last.to = Math.max(last.to, issue.to);
      last.evidence = Math.max(last.evidence, issue.evidence);
      last.pValue = Math.min(last.pValue, issue.pValue);
    } else out.push({ ...issue });
  }
  return out;
}

/**
 * Share of `alpha` the EWMA detector (ewma-drift.ts) may spend on a line: chosen by the two-fold
 * cross-validation of bench/flags-cv.ts among ¼, ½ and 1 (docs/anomaly.md).
 */
export const EWMA_ALPHA_SHARE = 0.5;

/**
 * On a line whose seasonal variance pattern was removed, a period the one-off test judges enters the
 * same month's profile in the other years at most this many noise scales from what those years
 * predict for it (line-residuals.ts, seasonallyAdjusted): a spike leaves no echo there. Measured by
 * bench/flags-cv.ts among 0, 1, 2 and 3 scales (docs/anomaly.md).
 */
export const ECHO_CLIP = 1;

/**
 * Is a run there only because of one wild period? The scan clips each period at CLIP noise units, so
 * one spike cannot make a run alone, but a spike clipped to 4 units next to a period or two of
 * ordinary noise on the same side can (4 + 2.5 over two periods passes a 36-period line's 4.6). When
 * the run's most extreme period is beyond CLIP units, that period is replaced by the mean of its
 * neighbours and the line scanned again: if no run on the same side meets the span any more, the run
 * was the spike's, and its periods go to the one-off test, where the spike is judged as what it is.
 */
function spikeDriven(
  residual: ReadonlyArray<number>,
  units: ReadonlyArray<number>,
  run: Issue,
  scan: (residual: ReadonlyArray<number>) => Issue[],
): boolean {
  let peak = run.from;
  for (let i = run.from; i <= run.to; i += 1) if (run.sign * units[i] > run.sign * units[peak]) peak = i;
  if (run.sign * units[peak] <= CLIP) return false;
  const neighbours = [peak - 1, peak + 1].filter((j) => j >= 0 && j < residual.length).map((j) => residual[j]);
  const imputed = [...residual];
  imputed[peak] = neighbours.reduce((a, b) => a + b, 0) / neighbours.length;
  return !scan(imputed).some((r) => r.sign === run.sign && r.from <= run.to && r.to >= run.from);
}

/**
 * Is a one-off period at least `z` noise units from plan, in the line's own noise scale (the scale
 * the runs are measured in)? The one-off test studentises a period against the spread of the other
 * periods it tests; where a run covers most of the line those are few, and their spread can be a
 * fraction of the line's noise by chance, so a period of one or two noise units passed for a one-off.
 * The floor `z` ("least evidence any flag needs") holds in both scales. Over the 16 seeds of
 * bench/flags-cv.ts it removed 16 false one-offs and no real one (docs/anomaly.md).
 */
function beyondNoiseFloor(view: LineResiduals, at: number, z: number): boolean {
  return Math.abs(view.residual[at]) >= z * view.sigma;
}

/**
 * Where a run the EWMA found begins, dated as the scan dates its runs: from the best segment inside the
 * EWMA's excursion on the run's side (bestSegment), by the scan's onset rule (a hinge for a drift, Page's CUSUM for
 * a step), searching back no further than the excursion's start. The excursion starts after the EWMA
 * last touched 0, which on noise of the run's side can be many periods before the change: an
 * under-spend over the last five periods of a line was flagged over eleven, a false flag that also
 * missed it (docs/anomaly.md, "Every missed event, listed").
 */
function ewmaRunOnset(
  units: ReadonlyArray<number>,
  z: ReadonlyArray<number>,
  run: { from: number; to: number; sign: number },
): number {
  const start = bestSegment(z, run.from, run.to, run.sign).from;
  return onset(units, { from: start < 0 ? run.from : start, to: run.to }, run.sign, run.from);
}

/**
 * How much wider an EWMA of AR(1) noise of unit variance swings than one of independent noise:
 * √((1 + q)/(1 − q)), q = ρ(1 − λ) (the EWMA's variance under AR(1) noise, Lu & Reynolds 1999, in
 * its long-run form). 1 when ρ = 0.
 * @example ewmaAutocorrelation(0.5) // 1.5275…
 */
export function ewmaAutocorrelation(rho: number): number {
  const q = rho * (1 - EWMA_LAMBDA);
  return Math.sqrt((1 + q) / (1 - q));
}

/**
 * The runs a first pass of the run detectors finds when it takes the line's noise as independent
 * (the scan and the EWMA): the periods the line's autocorrelation is read outside of.
 */
function firstPassRuns(view: LineResiduals, t: Thresholds): { from: number; to: number }[] {
  const independent = noiseUnits(view.residual, view.sigma);
  return [
    ...scanSegments(view.residual, view.sigma, t.alpha, t.z),
    ...ewmaRuns(clipScores(independent), t.alpha * EWMA_ALPHA_SHARE, t.z),
  ];
}

/**
 * The evidence on the line's lag-1 autocorrelation: read outside the runs a first pass finds when it
 * takes the noise as independent (null when too little is left). With a step or a spike in the
 * reading, a line's own events would pass for autocorrelation; detectFlags shrinks it toward the
 * sheet's lines (sheet-autocorrelation.ts) before the line's runs are judged with it.
 */
export function lineAutocorrelationEvidence(view: LineResiduals, t: Thresholds): AutocorrelationEvidence | null {
  return autocorrelationEvidence(view.residual, firstPassRuns(view, t));
}

/** Does [from, to] overlap any of the issues? */
const overlaps = (issues: Issue[], from: number, to: number) => issues.some((i) => i.from <= to && i.to >= from);

/**
 * Every material issue of a line, in period order: the persistent runs the segment scan finds (at
 * `alpha` over all runs), then one-off periods among the periods no material run covers (at `alpha`
 * over those periods), each material (≥ `minPct` of plan and ≥ `minAbs`), then the runs of the EWMA
 * detector (at `alpha` × EWMA_ALPHA_SHARE) that are material and overlap none of those: a line's
 * issues are the union of the three tests, the scan and one-off test taking precedence where they
 * overlap. Touching issues on the same side of plan are one issue. `typicalPlan` (sheetTypicalPlan
 * of the line's sheet) lets runs be material in currency; without it they are judged in % only.
 * `rho` (the line's lag-1 autocorrelation given its sheet, sheet-autocorrelation.ts) judges the runs'
 * sums by their AR(1) variance and widens the EWMA; 0 takes the noise as independent.
 */
export function lineIssues(
  view: LineResiduals,
  planAll: ReadonlyArray<number | null>,
  t: Thresholds,
  typicalPlan?: number,
  rho = 0,
): Issue[] {
  // Onsets are dated on the units of independent noise whatever rho: it changes what is significant only.
  const independent = noiseUnits(view.residual, view.sigma);
  const scan = (residual: ReadonlyArray<number>) =>
    scanSegments(residual, view.sigma, t.alpha, t.z, rho)
      .map((s): Issue => ({ from: s.from, to: s.to, sign: s.sign, evidence: s.evidence, pValue: s.pValue }))
      .filter((run) => isMaterialRun(view, planAll, run, t, typicalPlan));
  const units = noiseUnits(view.residual, view.sigma, rho);
  const runs = scan(view.residual).filter((run) => !spikeDriven(view.residual, units, run, scan));
  const covered = new Set<number>();
  for (const run of runs) for (let i = run.from; i <= run.to; i += 1) covered.add(i);
  const candidates = view.residual.map((_, i) => i).filter((i) => !covered.has(i));
  const position = view.index.map((period) => period % t.periodsPerYear);
  const rejudge =
    view.deseasonalised && !view.sheetShape
      ? (judged: ReadonlySet<number>) =>
          seasonallyAdjusted(view.raw, position, t.periodsPerYear, judged, ECHO_CLIP * view.sigma)
      : undefined;
  const oneOffs = oneOffPeriods(view.residual, candidates, t.alpha, t.z, SIGMA_FLOOR, rejudge, view.sigma)
    .filter((o) => beyondNoiseFloor(view, o.at, t.z))
    .filter((o) => materialLevel(view, o.at, o.at, view.residual[o.at], t))
    .map((o): Issue => ({
      from: o.at,
      to: o.at,
      sign: Math.sign(view.residual[o.at]),
      evidence: o.evidence,
      pValue: o.pValue,
    }));
  const found = [...runs, ...oneOffs];
  const z = clipScores(noiseUnits(view.residual, view.sigma, rho)).map((v) => v / ewmaAutocorrelation(rho));
  const drifts = ewmaRuns(z, t.alpha * EWMA_ALPHA_SHARE, t.z)
    .map((d) => ({ ...d, from: ewmaRunOnset(independent, clipScores(independent), d) }))
    .filter((d) => !overlaps(found, d.from, d.to) && isMaterialRun(view, planAll, d, t, typicalPlan));
  return merge([...found, ...drifts]);
}
