/**
 * Level and trend shifts by a two-sided tabular CUSUM (Page 1954; Montgomery, Introduction to
 * Statistical Quality Control, §9.1) on the residuals in noise units, slack k = 0.5 and decision
 * interval h (5 by default, an in-control run length of about 465 periods), on clipped inputs.
 */
import type { LineResiduals } from './line-residuals';
import type { Thresholds } from './types';
import type { PeriodReason } from './detect-variance';
import { isMaterial } from './detect-variance';
import { money, percent, times } from './format';
import { median } from '../stats/median';

const SLACK = 0.5;
/**
 * Each period's contribution is clipped at ±3 noise units (a Huber-type robust CUSUM), so one
 * spike can never reach h = 5 alone: a shift needs two or more periods of evidence.
 */
const CLIP = 3;

/** Half-width of the running median that removes level changes before autocorrelation is measured. */
const LOCAL_HALF_WIDTH = 3;

/**
 * CUSUM assumes independent periods; positively autocorrelated noise drifts and would alarm. The
 * scale is widened by the long-run factor √((1 + ρ)/(1 − ρ)), with ρ the lag-1 autocorrelation of
 * the residuals after a running median (so a genuine shift does not count as autocorrelation),
 * clipped to [0, 0.5].
 */
function autocorrelationInflation(r: number[]): number {
  const d = r.map((v, i) => v - median(r.slice(Math.max(0, i - LOCAL_HALF_WIDTH), i + LOCAL_HALF_WIDTH + 1)));
  if (d.length < 8) return 1;
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < d.length; i += 1) {
    den += (d[i] - mean) ** 2;
    if (i > 0) num += (d[i] - mean) * (d[i - 1] - mean);
  }
  const rho = den > 0 ? Math.min(0.5, Math.max(0, num / den)) : 0;
  return Math.sqrt((1 + rho) / (1 - rho));
}

/**
 * Flags the period where the CUSUM crosses h. The onset is estimated as the period after the
 * statistic last stood at zero; the new level is the mean residual since then. After an alarm the
 * reference moves to the new level, so a second shift (or a trend that keeps going) alarms again.
 * Shifts that are not material are not reported.
 */
export function detectShifts(line: LineResiduals, t: Thresholds): PeriodReason[] {
  const out: PeriodReason[] = [];
  const r = line.residual;
  const s = line.sigma * autocorrelationInflation(r);
  let reference = 0;
  let up = 0;
  let down = 0;
  let upStart = 0;
  let downStart = 0;
  for (let i = 0; i < r.length; i += 1) {
    const z = Math.max(-CLIP, Math.min(CLIP, (r[i] - reference) / s));
    if (up === 0) upStart = i;
    if (down === 0) downStart = i;
    up = Math.max(0, up + z - SLACK);
    down = Math.max(0, down - z - SLACK);
    if (up < t.cusumH && down < t.cusumH) continue;
    const start = up >= t.cusumH ? upStart : downStart;
    const run = r.slice(start, i + 1);
    const level = run.reduce((a, b) => a + b, 0) / run.length;
    const change = level - reference;
    const amount = change * line.base[i];
    const evidence = (Math.abs(change) / s) * Math.sqrt(run.length);
    if (isMaterial(amount, line.base[i], t)) {
      const from = line.index[start];
      const text = `Level shift ${change > 0 ? 'up' : 'down'} since period ${from + 1}: variance moved from ${percent(reference)} to ${percent(level)} of plan (about ${money(Math.abs(amount))} a period, ${times(evidence)} the usual variation).`;
      out.push({ at: i, reason: { kind: 'shift', evidence, amount: Math.abs(amount), text } });
    }
    reference = level;
    up = 0;
    down = 0;
  }
  return out;
}
