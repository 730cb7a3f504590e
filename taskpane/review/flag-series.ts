/**
 * The series a flag's small chart draws: plan, actual and an expected band per period, the band
 * being plan + the line's typical offset ± 1.96 robust sd of (actual − plan) over booked periods
 * (median and MAD, so the flagged periods themselves barely widen it).
 */
import type { BudgetLine } from '../../src/anomaly/types';

export interface FlagSeries {
  plan: (number | null)[];
  actual: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** @example flagSeries({ id: 'a', costCentre: '', account: '', owner: '', plan: [10, 10], actual: [10, 12] }).upper[0] // about 12.9 */
export function flagSeries(line: BudgetLine): FlagSeries {
  const residuals: number[] = [];
  line.plan.forEach((p, t) => {
    const a = line.actual[t];
    if (p !== null && a !== null && a !== undefined) residuals.push(a - p);
  });
  const centre = median(residuals);
  const spread = 1.4826 * median(residuals.map((r) => Math.abs(r - centre)));
  const half = 1.96 * spread;
  const plan = [...line.plan];
  return {
    plan,
    actual: plan.map((_, t) => line.actual[t] ?? null),
    lower: plan.map((p) => (p === null ? null : p + centre - half)),
    upper: plan.map((p) => (p === null ? null : p + centre + half)),
  };
}
