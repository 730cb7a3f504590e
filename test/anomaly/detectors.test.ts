/** Each detector catches its injected case and stays quiet on clean seasonal lines. */
import { lineResiduals } from '../../src/anomaly/line-residuals';
import { detectOutliers, detectVariance } from '../../src/anomaly/detect-variance';
import { detectShifts } from '../../src/anomaly/detect-shift';
import { detectRunRate } from '../../src/anomaly/detect-run-rate';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';
import type { BudgetLine } from '../../src/anomaly/types';
import { seasonalLine } from './helpers';

const t = { ...DEFAULT_THRESHOLDS, useForecast: false };
const view = (line: BudgetLine) => lineResiduals(line.plan, line.actual, 12);

describe('clean seasonal lines', () => {
  it('raise nothing at 2% noise over 20 seeds', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const line = seasonalLine('c', seed, 0.02);
      const r = view(line);
      found +=
        detectVariance(r, t).length +
        detectOutliers(r, t).length +
        detectShifts(r, t).length +
        detectRunRate(r, line.plan, t).length;
    }
    // 20 lines × 36 periods = 720 periods; allow at most 1% by chance
    expect(found).toBeLessThanOrEqual(7);
  });
});

describe('detectVariance and detectOutliers', () => {
  it('catch a 25% spike on a 2% noise line as outlier and overspend, with numbers', () => {
    const line = seasonalLine('s', 3, 0.02, (p) => (p === 20 ? 0.25 : 0));
    const r = view(line);
    const v = detectVariance(r, t).filter((x) => x.at === 20);
    const o = detectOutliers(r, t).filter((x) => x.at === 20);
    expect(v).toHaveLength(1);
    expect(v[0].reason.kind).toBe('overspend');
    expect(v[0].reason.text).toMatch(/over plan/);
    expect(o).toHaveLength(1);
  });
  it('ignore a 12% variance on a 10% noise line, which a ±10% rule would flag', () => {
    const line = seasonalLine('n', 4, 0.1);
    line.actual = line.plan.map((p, i) => (i === 10 ? (p as number) * 1.12 : line.actual[i]));
    expect(detectVariance(view(line), t).filter((x) => x.at === 10)).toHaveLength(0);
  });
  it('respect the absolute materiality threshold', () => {
    const line = seasonalLine('m', 3, 0.02, (p) => (p === 20 ? 0.25 : 0));
    expect(detectVariance(view(line), { ...t, minAbs: 1e6 })).toHaveLength(0);
  });
});

describe('detectShifts', () => {
  it('catches a 5σ level shift within two periods of its onset', () => {
    const line = seasonalLine('l', 5, 0.02, (p) => (p >= 18 ? 0.1 : 0));
    const r = view(line);
    const shifts = detectShifts(r, t);
    expect(shifts.length).toBeGreaterThanOrEqual(1);
    expect(r.index[shifts[0].at]).toBeGreaterThanOrEqual(18);
    expect(r.index[shifts[0].at]).toBeLessThanOrEqual(20);
    expect(shifts[0].reason.text).toMatch(/Level shift up since period/);
  });
  it('does not call a single spike a shift', () => {
    const line = seasonalLine('s', 6, 0.02, (p) => (p === 18 ? 0.3 : 0));
    expect(detectShifts(view(line), t)).toHaveLength(0);
  });
});

describe('detectRunRate', () => {
  it('reports a drift that would end the year over budget', () => {
    const line = seasonalLine('d', 9, 0.02, (p) => (p >= 24 ? 0.015 * (p - 23) : 0));
    const found = detectRunRate(view(line), line.plan, t);
    expect(found.some((x) => x.reason.kind === 'run-rate')).toBe(true);
    expect(found[0].reason.text).toMatch(/at this pace the line ends the year/);
  });
  it('reports persistent under-spend as an opportunity', () => {
    const line = seasonalLine('u', 10, 0.02, (p) => (p >= 13 && p <= 20 ? -0.15 : 0));
    const found = detectRunRate(view(line), line.plan, t);
    expect(found.some((x) => x.reason.kind === 'opportunity')).toBe(true);
    expect(found.find((x) => x.reason.kind === 'opportunity')?.reason.text).toMatch(/freed for reallocation/);
  });
});
