/**
 * Single-period detectors: variance beyond materiality (overspend, underspend) and robust
 * outliers against the line's local level.
 */
import type { LineResiduals } from './line-residuals';
import type { Reason, Thresholds } from './types';
import { median } from '../stats/median';
import { money, percent, times } from './format';

export interface PeriodReason {
  /** Position in `LineResiduals.index`. */
  at: number;
  reason: Reason;
}

/** Robust outliers need more evidence than plain variances: they are judged against a local level. */
const OUTLIER_Z_EXTRA = 0.5;
/** Half-width of the window of neighbours giving an outlier's local level. */
const OUTLIER_WINDOW = 3;

/** True when a variance is material under both the percentage and the absolute threshold. */
export function isMaterial(amount: number, base: number, t: Thresholds): boolean {
  return Math.abs(amount) >= t.minAbs && Math.abs(amount) >= t.minPct * base;
}

/**
 * Overspend / underspend: the period's variance is material and at least `z` times the line's
 * noise. The noise makes the rule line-aware: ±10% is routine on a volatile line and alarming on
 * a steady one.
 */
export function detectVariance(line: LineResiduals, t: Thresholds): PeriodReason[] {
  const out: PeriodReason[] = [];
  line.residual.forEach((e, i) => {
    const amount = line.actual[i] - line.plan[i];
    const evidence = Math.abs(e) / line.sigma;
    if (evidence < t.z || !isMaterial(amount, line.base[i], t) || Math.sign(e) !== Math.sign(amount)) return;
    const over = amount > 0;
    const text = `Actual ${money(line.actual[i])} vs plan ${money(line.plan[i])}: ${money(Math.abs(amount))} (${percent(Math.abs(amount) / line.base[i])}) ${over ? 'over' : 'under'} plan, ${times(evidence)} the line's usual variation of ±${percent(line.sigma)}.`;
    out.push({ at: i, reason: { kind: over ? 'overspend' : 'underspend', evidence, amount: Math.abs(amount), text } });
  });
  return out;
}

/** The deviation from a side's median, or null when that side has no neighbours. */
function sideDeviation(e: number, side: number[]): number | null {
  return side.length ? e - median(side) : null;
}

/**
 * Robust outliers: the residual differs from the median of the three periods before it AND from
 * the median of the three after it, in the same direction, by more than z + 0.5 noise units, and
 * materially. Requiring both sides means the first or last period of a level shift (which matches
 * one side) is not an outlier; a spike differs from both.
 */
export function detectOutliers(line: LineResiduals, t: Thresholds): PeriodReason[] {
  const out: PeriodReason[] = [];
  const r = line.residual;
  r.forEach((e, i) => {
    const left = sideDeviation(e, r.slice(Math.max(0, i - OUTLIER_WINDOW), i));
    const right = sideDeviation(e, r.slice(i + 1, i + 1 + OUTLIER_WINDOW));
    const sides = [left, right].filter((d): d is number => d !== null);
    if (sides.length === 0 || (sides.length === 2 && Math.sign(sides[0]) !== Math.sign(sides[1]))) return;
    const deviation = sides.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b));
    const evidence = Math.abs(deviation) / line.sigma;
    const amount = deviation * line.base[i];
    if (evidence < t.z + OUTLIER_Z_EXTRA || !isMaterial(amount, line.base[i], t)) return;
    const text = `Unusual one-off: ${money(line.actual[i])} is ${money(Math.abs(amount))} ${amount > 0 ? 'above' : 'below'} what the neighbouring periods suggest (${times(evidence)} the usual variation).`;
    out.push({ at: i, reason: { kind: 'outlier', evidence, amount: Math.abs(amount), text } });
  });
  return out;
}
