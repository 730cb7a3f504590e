import { lineResiduals } from '../../src/anomaly/line-residuals';
import { normals } from './helpers';

describe('lineResiduals', () => {
  it('gives the relative variance per period and skips blanks', () => {
    const r = lineResiduals([100, 100, null, 100], [101, 99, 50, null], 12);
    expect(r.index).toEqual([0, 1]);
    expect(r.residual[0]).toBeCloseTo(0.01, 12);
    expect(r.residual[1]).toBeCloseTo(-0.01, 12);
  });
  it('floors the base at 10% of the typical plan so a near-zero plan does not explode', () => {
    const r = lineResiduals([100, 100, 0, 100], [100, 100, 5, 100], 12);
    expect(r.base[2]).toBe(10);
    expect(r.residual[2]).toBeCloseTo(0.5, 12);
  });
  it('removes a seasonal pattern when the plan is phased flat', () => {
    const z = normals(7, 36);
    const plan = Array.from({ length: 36 }, () => 1000);
    const actual = plan.map((p, t) => p * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12) + 0.01 * z[t]));
    const r = lineResiduals(plan, actual, 12);
    expect(r.deseasonalised).toBe(true);
    expect(r.sigma).toBeLessThan(0.03);
  });
  it('leaves a seasonally planned line alone', () => {
    const z = normals(8, 36);
    const plan = Array.from({ length: 36 }, (_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)));
    const r = lineResiduals(
      plan,
      plan.map((p, t) => p * (1 + 0.02 * z[t])),
      12,
    );
    expect(r.deseasonalised).toBe(false);
    expect(r.sigma).toBeGreaterThan(0.01);
    expect(r.sigma).toBeLessThan(0.04);
  });
  it('returns nothing for empty input', () => {
    expect(lineResiduals([], [], 12).index).toEqual([]);
  });
});
