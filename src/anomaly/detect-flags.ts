/**
 * The anomaly engine's entry point: every detector over every budget line, merged into one ranked
 * list of flags.
 */
import type { BudgetLine, Flag, Reason, ThresholdSettings, Thresholds } from './types';
import { lineResiduals } from './line-residuals';
import { detectOutliers, detectVariance } from './detect-variance';
import type { PeriodReason } from './detect-variance';
import { detectShifts } from './detect-shift';
import { detectRunRate } from './detect-run-rate';
import { forecastBandReason } from './forecast-band';
import { mergeReasons, rankFlags } from './merge-flags';
import { resolveThresholds } from './resolve-thresholds';

/** Flags of one line, in period order (not ranked). */
export function detectLineFlags(line: BudgetLine, t: Thresholds): Flag[] {
  const residuals = lineResiduals(line.plan, line.actual, t.periodsPerYear);
  if (residuals.index.length === 0) return [];
  const found: PeriodReason[] = [
    ...detectVariance(residuals, t),
    ...detectOutliers(residuals, t),
    ...detectShifts(residuals, t),
    ...detectRunRate(residuals, line.plan, t),
  ];
  const byPeriod = new Map<number, Reason[]>();
  for (const { at, reason } of found) byPeriod.set(at, [...(byPeriod.get(at) ?? []), reason]);
  const flags: Flag[] = [];
  for (const at of [...byPeriod.keys()].sort((a, b) => a - b)) {
    const reasons = byPeriod.get(at) as Reason[];
    const period = residuals.index[at];
    if (t.useForecast) {
      const band = forecastBandReason(line.actual, period, t.periodsPerYear);
      if (band) reasons.push(band);
    }
    const variance = residuals.actual[at] - residuals.plan[at];
    const materialAmount = Math.max(t.minAbs, t.minPct * residuals.base[at]);
    flags.push(mergeReasons({ line: line.id, periodIndex: period, variance, materialAmount }, reasons, t.z));
  }
  return flags;
}

/**
 * Flags every budget line: variances beyond materiality that are also large for the line's own
 * noise, robust outliers, level shifts (CUSUM), year-to-date run-rate breaches and under-spend
 * opportunities; corroborated by the rolling forecast's 95% interval where the history allows.
 * One flag per line and period with all its reasons, ranked by severity then money at stake.
 * @throws ANOMALY_BAD_THRESHOLD when a threshold setting is invalid.
 * @example detectFlags([{ id: 'L1', costCentre: 'CC', account: 'A', owner: 'o',
 *   plan: [100, 100, 100, 100, 100, 100], actual: [101, 99, 100, 160, 101, 100] }])[0].kind // "outlier"
 */
export function detectFlags(lines: ReadonlyArray<BudgetLine>, settings?: ThresholdSettings): Flag[] {
  return rankFlags(lines.flatMap((line) => detectLineFlags(line, resolveThresholds(settings, line))));
}
