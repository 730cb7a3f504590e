import { issueFlag } from '../../src/anomaly/issue-flag';
import { periodLabeller } from '../../src/anomaly/issue-text';
import { lineResiduals } from '../../src/anomaly/line-residuals';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';
import type { BudgetLine } from '../../src/anomaly/types';

const t = { ...DEFAULT_THRESHOLDS, useForecast: false };
const line = (actual: (number | null)[]): BudgetLine => ({
  id: 'L',
  costCentre: 'C',
  account: 'A',
  owner: 'o',
  plan: new Array(12).fill(1000),
  actual,
});

describe('issueFlag', () => {
  it('gives a running under-spend its span, side, money, projection and severity', () => {
    const l = line([1000, 1000, 1000, 800, 800, 800, 800, 800, null, null, null, null]);
    const view = lineResiduals(l.plan, l.actual, 12);
    const flag = issueFlag(
      l,
      view,
      { from: 3, to: 7, sign: -1, evidence: 12, pValue: 1e-9 },
      t,
      periodLabeller(undefined),
    );
    expect(flag).toMatchObject({
      line: 'L',
      periodIndex: 3,
      throughIndex: 7,
      kind: 'opportunity',
      direction: 'under',
      variance: -1000,
      persistent: true,
      ongoing: true,
    });
    expect(flag.variancePct).toBeCloseTo(-0.2, 12);
    // ytd −1000, 4 periods left at −20%: −1800 of 12,000
    expect(flag.projection).toEqual({ variance: -1800, share: 0.15, annualPlan: 12000 });
    expect(flag.amount).toBe(1800);
    // impact 1800 / 600 = 3 → ¾, confidence ≈ 1
    expect(flag.severity).toBe(0.75);
    expect(flag.reasons.map((r) => r.kind)).toEqual(['opportunity', 'opportunity']);
  });
  it('gives a one-off no projection and keeps it out of persistence', () => {
    const l = line([1000, 1000, 1500, 1000, 1000]);
    const view = lineResiduals(l.plan, l.actual, 12);
    const flag = issueFlag(
      l,
      view,
      { from: 2, to: 2, sign: 1, evidence: 30, pValue: 1e-6 },
      t,
      periodLabeller(undefined),
    );
    expect(flag).toMatchObject({ kind: 'outlier', persistent: false, ongoing: false, amount: 500 });
    expect(flag.projection).toBeUndefined();
  });
  it('quotes no share of a plan that is 0 or changes sign (NaN, as the sentences), and keeps it below 0 throughout', () => {
    const flagOf = (plan: number[], actual: number[]) => {
      const l: BudgetLine = { ...line(actual), plan };
      return issueFlag(
        l,
        lineResiduals(l.plan, l.actual, 12),
        { from: 2, to: 2, sign: 1, evidence: 30, pValue: 1e-6 },
        t,
        periodLabeller(undefined),
      );
    };
    const zero = flagOf([0, 0, 0, 0, 0, 0], [0, 0, 500, 0, 0, 0]);
    expect(zero.variance).toBeCloseTo(500, 9);
    expect(zero.variancePct).toBeNaN(); // was 0: "+500 (+0.0% of plan)"
    const crossing = flagOf([300, -200, -416, 250, -100, 400], [300, -200, 2140, 250, -100, 400]);
    expect(crossing.variance).toBeCloseTo(2556, 9);
    expect(crossing.variancePct).toBeNaN(); // was 6.144: "(+614.4% of plan)"
    const negative = flagOf([-400, -400, -400, -400, -400, -400], [-400, -400, -300, -400, -400, -400]);
    expect(negative.variancePct).toBeCloseTo(0.25, 12);
  });
});
