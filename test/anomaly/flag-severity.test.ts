import { budgetImpact, calibratedConfidence, flagSeverity, materialAmount } from '../../src/anomaly/flag-severity';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';

describe('materialAmount', () => {
  const t = DEFAULT_THRESHOLDS;
  const plan = new Array<number>(12).fill(1000);
  it('is runRatePct of the typical annual plan, at least minAbs', () => {
    expect(materialAmount(plan, t)).toBe(600);
    expect(materialAmount(plan, { ...t, minAbs: 1000 })).toBe(1000);
    expect(materialAmount([null, null], t)).toBe(0);
  });
  it('takes the median |plan| so one large month does not set it, and skips blanks and NaN', () => {
    expect(materialAmount([1000, 1000, 1e9, null, Number.NaN, -1000], t)).toBe(600);
    const huge = Number.MAX_VALUE / 100;
    expect(materialAmount([huge], { ...t, periodsPerYear: 1 }) / huge).toBeCloseTo(0.05, 12);
  });
});

describe('calibratedConfidence', () => {
  it('is 1 / (1 − e·p·ln p), the Sellke–Bayarri–Berger bound at even odds', () => {
    // R: 1 / (1 + exp(1) * p * log(1 / p))
    expect(calibratedConfidence(0.01)).toBeCloseTo(0.8887455011898052, 14);
    expect(calibratedConfidence(0.001)).toBeCloseTo(0.981568860024022, 14);
  });
  it('is ½ from p = 1/e on, 1 at p = 0, and grows as p shrinks', () => {
    expect(calibratedConfidence(0.5)).toBe(0.5);
    expect(calibratedConfidence(1 / Math.E)).toBeCloseTo(0.5, 12);
    expect(calibratedConfidence(0)).toBe(1);
    const ps = [0.3, 0.1, 0.01, 1e-4, 1e-8, 1e-300];
    for (let i = 1; i < ps.length; i += 1)
      expect(calibratedConfidence(ps[i])).toBeGreaterThan(calibratedConfidence(ps[i - 1]));
  });
});

describe('budgetImpact and flagSeverity', () => {
  it('is ½ at the material amount, ¾ at three times it, and never quite 1', () => {
    expect(budgetImpact(600, 600)).toBe(0.5);
    expect(budgetImpact(-1800, 600)).toBe(0.75);
    expect(budgetImpact(5400, 600)).toBe(0.9);
    expect(budgetImpact(1e300, 1)).toBeLessThanOrEqual(1);
    expect(budgetImpact(0, 600)).toBe(0);
  });
  it('takes impact 1 when there is no material amount to compare with', () => {
    expect(budgetImpact(10, 0)).toBe(1);
  });
  it('multiplies confidence and impact, to three decimals', () => {
    expect(flagSeverity(1e-9, 600, 600)).toBe(0.5);
    expect(flagSeverity(0.01, 1800, 600)).toBe(Math.round(0.8887455011898052 * 0.75 * 1000) / 1000);
    expect(flagSeverity(0.01, 600, 600)).toBeLessThan(flagSeverity(0.001, 600, 600));
  });
});
