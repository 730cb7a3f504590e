import { enteredCurve, responseCurves } from '../../src/loop/response-curves';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('responseCurves', () => {
  const rng = new SeededGenerator(42, 'curves');
  const n = 24;
  const spendA = Array.from({ length: n }, () => 40000 * (0.7 + 0.6 * rng.nextOpen01()));
  const spendB = Array.from({ length: n }, () => 30000 * (0.7 + 0.6 * rng.nextOpen01()));
  const kpi = spendA.map((a, t) => 100000 + 1.2 * a + 0.0 * spendB[t] + 1500 * rng.nextNormal());

  test('estimated lines get their KPI’s estimate; unlinked and entered lines are what they say', () => {
    const curves = responseCurves({
      kpis: [{ id: 'K', actual: kpi }],
      lines: [
        { id: 'A', kpi: 'K', actual: spendA },
        { id: 'B', kpi: 'K', actual: spendB },
        { id: 'C', kpi: null, actual: spendB },
        { id: 'D', kpi: 'K', actual: spendB, entered: { perUnit: 0.5, sd: 0.1 } },
      ],
    });
    expect(curves.map((c) => c.source)).toEqual(['estimate', 'estimate', 'none', 'entered']);
    const a = curves[0].marginal(40000);
    expect(a.mean - 2 * a.se).toBeLessThan(1.2);
    expect(a.mean + 2 * a.se).toBeGreaterThan(1.2);
    expect(Math.abs(curves[1].marginal(30000).mean)).toBeLessThan(Math.abs(a.mean));
    expect(curves[3].marginal(1)).toEqual({ mean: 0.5, se: 0.1 });
    expect(curves[2].gain(1000)).toBe(0);
  });

  test('too short a history gives no estimate, and says why', () => {
    const curves = responseCurves({
      kpis: [{ id: 'K', actual: kpi.slice(0, 4) }],
      lines: [{ id: 'A', kpi: 'K', actual: spendA.slice(0, 4) }],
    });
    expect(curves[0].source).toBe('none');
    expect(curves[0].note).toContain('needs 6');
  });

  test('an entered saturating response: gain r·s·(1 − e^(−x/s)), slope r·e^(−x/s)', () => {
    const c = enteredCurve('K', { perUnit: 2, saturation: 100 });
    expect(c.gain(100)).toBeCloseTo(200 * (1 - Math.exp(-1)), 12);
    expect(c.marginal(100).mean).toBeCloseTo(2 * Math.exp(-1), 12);
  });
});
