/**
 * Severity of a flag on a documented scale: how sure the issue is not noise (its tail area,
 * calibrated to a probability) times how much of the line's annual budget it puts at stake.
 */
import { median } from '../stats/median';
import type { Thresholds } from './types';

/**
 * The material amount of a line: `runRatePct` of its typical annual plan (median |plan| × periods a
 * year), and no less than `minAbs`. Severity is measured in it, and a run putting at least this much
 * money at stake is material (line-issues.ts).
 * @example materialAmount(new Array(12).fill(1000), { runRatePct: 0.05, periodsPerYear: 12, minAbs: 0 }) // 600
 */
export function materialAmount(
  plan: ReadonlyArray<number | null>,
  t: Pick<Thresholds, 'runRatePct' | 'periodsPerYear' | 'minAbs'>,
): number {
  const plans = plan.filter((p): p is number => p !== null && Number.isFinite(p)).map(Math.abs);
  const annual = plans.length > 0 ? median(plans) * t.periodsPerYear : 0;
  return Math.max(t.runRatePct * annual, t.minAbs);
}

/**
 * A p-value as a probability that the issue is real, by the Sellke–Bayarri–Berger calibration
 * (Sellke, Bayarri & Berger 2001, "Calibration of p values for testing precise null hypotheses"):
 * the Bayes factor for noise is at least −e·p·ln p (for p < 1/e), so with even prior odds the
 * probability that the issue is not noise is at most 1 / (1 + B). p = 0.01 → 0.889, 0.001 → 0.981,
 * 10⁻⁶ → 0.99996; p ≥ 1/e → 0.5 (no evidence either way).
 * @example calibratedConfidence(0.01) // 0.8889…
 */
export function calibratedConfidence(pValue: number): number {
  if (!(pValue > 0)) return 1;
  const bayesFactor = pValue < 1 / Math.E ? -Math.E * pValue * Math.log(pValue) : 1;
  return 1 / (1 + bayesFactor);
}

/**
 * The share of the material amount an issue puts at stake, squashed to 0..1 as M / (1 + M): ½ when
 * the money at stake equals the material amount (by default 5% of the line's annual budget), ¾ at
 * three times it, 0.9 at nine times. It never saturates at ordinary sizes, so flags stay apart.
 * @example budgetImpact(600, 600) // 0.5
 */
export function budgetImpact(amountAtStake: number, materialAmount: number): number {
  if (!(materialAmount > 0)) return 1;
  const m = Math.abs(amountAtStake) / materialAmount;
  return m / (1 + m);
}

/**
 * Severity = calibrated confidence × budget impact, rounded to three decimals: the probability-like
 * score a budget owner ranks by. 0.5 means "certainly real and worth the material share of the
 * year's budget" (or more likely than not real and worth more).
 * @example flagSeverity(1e-9, 600, 600) // 0.5
 */
export function flagSeverity(pValue: number, amountAtStake: number, materialAmount: number): number {
  return Math.round(calibratedConfidence(pValue) * budgetImpact(amountAtStake, materialAmount) * 1000) / 1000;
}
