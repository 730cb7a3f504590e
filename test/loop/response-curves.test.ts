import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateKpiResponse, marginalAt } from '../../src/loop/kpi-response';
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

  test('each line its own lag: the spend of a line with a longer lag is shifted before the one regression', () => {
    const g = new SeededGenerator(7, 'curves-lag');
    const m = 36;
    const a = Array.from({ length: m }, () => 40000 * (0.7 + 0.6 * g.nextOpen01()));
    const b = Array.from({ length: m }, () => 30000 * (0.7 + 0.6 * g.nextOpen01()));
    // KPI of period t: 1.2 per unit of A's spend in t − 1, 0.8 per unit of B's in t − 3.
    const y = a.map((_, t) => (t < 3 ? null : 50000 + 1.2 * a[t - 1] + 0.8 * b[t - 3] + 500 * g.nextNormal()));
    const curves = responseCurves({
      kpis: [{ id: 'K', actual: y }],
      lines: [
        { id: 'A', kpi: 'K', actual: a, lag: 1 },
        { id: 'B', kpi: 'K', actual: b, lag: 3 },
      ],
    });
    [1.2, 0.8].forEach((truth, i) => {
      const r = curves[i].marginal(35000);
      expect(Math.abs(r.mean - truth)).toBeLessThan(3 * r.se);
      expect(r.se).toBeLessThan(0.1);
    });
    // Read with one lag for both (B's lag taken as A's), B's response is lost in the noise.
    const same = responseCurves({
      kpis: [{ id: 'K', actual: y }],
      lines: [
        { id: 'A', kpi: 'K', actual: a, lag: 1 },
        { id: 'B', kpi: 'K', actual: b, lag: 1 },
      ],
    });
    expect(Math.abs(same[1].marginal(35000).mean - 0.8)).toBeGreaterThan(3 * same[1].marginal(35000).se);
  });

  test('the other lines are estimated on the KPI net of an entered response', () => {
    const g = new SeededGenerator(11, 'curves-net');
    const m = 30;
    const a = Array.from({ length: m }, () => 40000 * (0.7 + 0.6 * g.nextOpen01()));
    // B's spend follows A's: credited alone, B would take A's effect too.
    const b = a.map((x) => 0.8 * x + 4000 * g.nextNormal());
    const y = a.map((x, t) => 50000 + 0.5 * x + 1.2 * b[t] + 500 * g.nextNormal());
    const kpis = [{ id: 'K', actual: y }];
    const [, net] = responseCurves({
      kpis,
      lines: [
        { id: 'A', kpi: 'K', actual: a, entered: { perUnit: 0.5 } },
        { id: 'B', kpi: 'K', actual: b },
      ],
    });
    const r = net.marginal(30000);
    expect(Math.abs(r.mean - 1.2)).toBeLessThan(3 * r.se);
    const [alone] = responseCurves({ kpis, lines: [{ id: 'B', kpi: 'K', actual: b }] });
    const wrong = alone.marginal(30000);
    expect(wrong.mean - 1.2).toBeGreaterThan(3 * wrong.se);
  });

  test('an entered saturating response: gain r·s·(1 − e^(−x/s)), slope r·e^(−x/s)', () => {
    const c = enteredCurve('K', { perUnit: 2, saturation: 100 });
    expect(c.gain(100)).toBeCloseTo(200 * (1 - Math.exp(-1)), 12);
    expect(c.marginal(100).mean).toBeCloseTo(2 * Math.exp(-1), 12);
  });

  test('pooling leaves a clear saturating estimate where its own fit puts it (benchmark seed 938, 6 cost centres, month 22)', () => {
    // The runner's history at month 22 (test/fixtures/loop/README.md). K05's fit is saturating with a
    // trend; CC05-A spends ~3.7 saturations and truly moves K05 by 1.49 per unit there. Alone its
    // estimate is 1.57 ± 0.18; pooled with a prior scaled by mean g instead of x̄·g′(x̄) it read
    // 0.30 ± 0.33, and the loop cut the line by 42%.
    const h = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'loop', 'bench-938-cc6-month22-history.json'), 'utf8'),
    ) as { kpis: { id: string; actual: number[] }[]; lines: { id: string; kpi: string; actual: number[] }[] };
    const curves = responseCurves({ kpis: h.kpis, lines: h.lines });
    const at = h.lines.findIndex((l) => l.id === 'CC05-A');
    const spendNow = h.lines[at].actual[22];
    const own = h.lines.filter((l) => l.kpi === 'K05');
    const alone = marginalAt(
      estimateKpiResponse(
        h.kpis.find((k) => k.id === 'K05')!.actual,
        own.map((l) => l.actual),
      ),
      own.findIndex((l) => l.id === 'CC05-A'),
      spendNow,
    );
    expect(alone.mean / alone.se).toBeGreaterThan(5);
    const pooled = curves[at].marginal(spendNow);
    expect(Math.abs(pooled.mean - alone.mean)).toBeLessThan(alone.se);
    expect(pooled.se).toBeLessThanOrEqual(alone.se);
  });
});
