import { lineResiduals } from '../../src/anomaly/line-residuals';
import { yearEndProjection } from '../../src/anomaly/year-end-projection';

describe('yearEndProjection', () => {
  it('adds the remaining plan at the pace to the year-to-date variance', () => {
    const view = lineResiduals([100, 100, 100, 100], [120, 120, null, null], 4);
    expect(yearEndProjection(view, [100, 100, 100, 100], 1, 0.2, 4)).toEqual({
      variance: 80,
      share: 0.2,
      annualPlan: 400,
    });
  });
  it('counts only the fiscal year of the period and skips blank plans', () => {
    const plan = [100, 100, 100, 100, 50, null, 50, 50];
    const view = lineResiduals(plan, [200, 200, 200, 200, 40, null, null, null], 4);
    // year 2 (periods 4–7): ytd −10, remaining plan 100 at −20% → −30 of a 150 plan
    expect(yearEndProjection(view, plan, 4, -0.2, 4)).toEqual({ variance: -30, share: 0.2, annualPlan: 150 });
  });
  it('is null for a year without a positive plan', () => {
    const view = lineResiduals([0, 0], [5, 5], 2);
    expect(yearEndProjection(view, [0, 0], 1, 0.5, 2)).toBeNull();
  });
});
