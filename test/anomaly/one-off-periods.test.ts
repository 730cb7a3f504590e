import { CLEAR_ONE_OFF, mostOneOffs, oneOffPeriods } from '../../src/anomaly/one-off-periods';
import { lineResiduals, seasonallyAdjusted } from '../../src/anomaly/line-residuals';
import { flatPlannedLine, normals } from './helpers';

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A flat-planned seasonal line, noise 3% of plan, with a spike of `size` noise units at `at`. */
function flatPlanned(seed: number, size = 0, at = 18) {
  const { plan, actual } = flatPlannedLine(seed, 0.03, (t) => (t === at ? size * 0.03 : 0));
  return lineResiduals(plan, actual, 12);
}

/** The one-off test as line-issues.ts runs it on a deseasonalised line, with or without re-judging. */
function seasonalOneOffs(view: ReturnType<typeof lineResiduals>, rejudged: boolean): number[] {
  const month = view.index.map((t) => t % 12);
  const rejudge = (judged: ReadonlySet<number>) => seasonallyAdjusted(view.raw, month, 12, judged, view.sigma);
  return oneOffPeriods(view.residual, all(36), 0.01, 3, 0.002, rejudged ? rejudge : undefined).map((o) => o.at);
}

describe('oneOffPeriods', () => {
  it('gives the externally studentised residual and its Bonferroni tail area, as R', () => {
    const x = [0.01, -0.01, 0.02, 0.6, 0, -0.02, 0.01, 0, -0.01, 0.02];
    const [first] = oneOffPeriods(x, all(10), 0.01, 3, 0);
    expect(first.at).toBe(3);
    // R: rstudent(lm(x ~ 1))[4]; 10 * 2 * pt(-abs(t), 8)
    expect(first.evidence).toBeCloseTo(40.66897729579242, 9);
    expect(first.pValue / 1.470847685166232e-9).toBeCloseTo(1, 6);
  });
  it('finds two spikes on one line: neither masks the other', () => {
    const z = normals(3, 36).map((v) => 0.02 * v);
    z[8] += 0.2;
    z[30] -= 0.16;
    expect(
      oneOffPeriods(z, all(36), 0.01, 3, 0)
        .map((o) => o.at)
        .sort((a, b) => a - b),
    ).toEqual([8, 30]);
  });
  it('needs a wilder period on a line whose ordinary periods are heavy-tailed', () => {
    const calm = normals(5, 36).map((v) => 0.02 * v);
    const wild = calm.map((v, i) => (i % 9 === 4 ? v * 3.5 : v));
    calm[20] = wild[20] = 0.11;
    expect(oneOffPeriods(calm, all(36), 0.01, 3, 0).map((o) => o.at)).toContain(20);
    expect(oneOffPeriods(wild, all(36), 0.01, 3, 0).map((o) => o.at)).not.toContain(20);
  });
  it('finds four one-offs that the 10% bound (3 of 36) let mask each other: two late accruals', () => {
    for (let seed = 1; seed <= 6; seed += 1) {
      const r = normals(seed, 36).map((v) => 0.03 * v);
      // Each accrual books a month's 30% a month late: 10 noise units short, then 10 long.
      for (const [t, d] of [
        [10, -0.3],
        [11, 0.3],
        [25, -0.3],
        [26, 0.3],
      ])
        r[t] += d;
      const found = (scale?: number) =>
        oneOffPeriods(r, all(36), 0.01, 3, 0.002, undefined, scale)
          .map((o) => o.at)
          .sort((a, b) => a - b);
      // Without the line's scale the bound stays 3: each step's others hold the rest, and nothing passes.
      expect(found()).toEqual([]);
      expect(found(0.03)).toEqual([10, 11, 25, 26]);
    }
  });
  it('bounds the one-offs by 10% of the candidates, or by the periods clearly beyond the noise', () => {
    const r = new Array<number>(36).fill(0);
    expect(mostOneOffs(r, all(36))).toBe(3);
    expect(mostOneOffs(r, all(9), 0.01)).toBe(1);
    [2, 7, 15, 22, 30].forEach((t, k) => (r[t] = (k % 2 ? -1 : 1) * CLEAR_ONE_OFF * 0.01));
    expect(mostOneOffs(r, all(36), 0.01)).toBe(5);
    expect(mostOneOffs(r, all(36), 0.011)).toBe(3);
    expect(mostOneOffs(r, all(36))).toBe(3);
    // Never more than half the candidates.
    expect(mostOneOffs(r, [2, 7, 15, 22, 30, 31, 32], 0.01)).toBe(3);
  });
  it('leaves the false-alarm rate of heavy-tailed noise lines as it was', () => {
    // 400 lines of Student-t(3) noise of unit variance: the clear months rarely outnumber the bound.
    const u = normals(77, 400 * 36 * 4);
    let k = 0;
    const t3 = () => {
      const z = u[k++];
      const chi = u[k++] ** 2 + u[k++] ** 2 + u[k++] ** 2;
      return z / Math.sqrt(chi / 3) / Math.sqrt(3);
    };
    let before = 0;
    let after = 0;
    let raised = 0;
    for (let line = 0; line < 400; line += 1) {
      const r = Array.from({ length: 36 }, () => 0.05 * t3());
      const scale = 0.05;
      before += oneOffPeriods(r, all(36), 0.01, 3, 0.002).length > 0 ? 1 : 0;
      after += oneOffPeriods(r, all(36), 0.01, 3, 0.002, undefined, scale).length > 0 ? 1 : 0;
      raised += mostOneOffs(r, all(36), scale) > 3 ? 1 : 0;
    }
    expect(raised).toBeLessThanOrEqual(2);
    expect(after - before).toBeLessThanOrEqual(2);
  });
  it('still sees a one-off on a line that tracks its plan exactly (the floor)', () => {
    const r = new Array<number>(12).fill(0);
    r[5] = 0.3;
    expect(oneOffPeriods(r, all(12), 0.01, 3, 0.002).map((o) => o.at)).toEqual([5]);
  });
  it('raises at most the false-alarm rate on pure noise', () => {
    let lines = 0;
    for (let seed = 1; seed <= 100; seed += 1)
      if (oneOffPeriods(normals(seed, 36), all(36), 0.01, 3, 0).length) lines += 1;
    expect(lines).toBeLessThanOrEqual(3);
  });
  it('judges only the candidates, and nothing with too few of them', () => {
    const r = [0, 0.01, -0.01, 0.5, 0.49, 0.51, 0, 0.01];
    expect(oneOffPeriods(r, [0, 1, 2, 6, 7], 0.01, 3, 0.002)).toEqual([]);
    expect(oneOffPeriods(r, [0, 1, 2], 0.01, 3, 0.002)).toEqual([]);
    expect(oneOffPeriods([], [], 0.01, 3, 0.002)).toEqual([]);
  });
  it('respects the evidence floor', () => {
    const r = [0.01, -0.01, 0.02, 0.6, 0, -0.02, 0.01, 0, -0.01, 0.02];
    expect(oneOffPeriods(r, all(10), 0.01, 50, 0)).toEqual([]);
  });
  describe('re-judged on a flat plan against seasonal actuals', () => {
    it('finds a spike whose echo in the other years hid it', () => {
      const view = flatPlanned(1, 6);
      expect(view.deseasonalised).toBe(true);
      expect(seasonalOneOffs(view, false)).not.toContain(18);
      expect(seasonalOneOffs(view, true)).toContain(18);
    });
    it('finds 6-noise-unit spikes at least as often as without re-judging', () => {
      let plain = 0;
      let rejudged = 0;
      for (let seed = 1; seed <= 60; seed += 1) {
        const view = flatPlanned(seed, 6);
        plain += seasonalOneOffs(view, false).includes(18) ? 1 : 0;
        rejudged += seasonalOneOffs(view, true).includes(18) ? 1 : 0;
      }
      expect(rejudged).toBeGreaterThan(plain);
    });
    it('stays within its false-alarm rate on pure noise', () => {
      let lines = 0;
      for (let seed = 1; seed <= 300; seed += 1) if (seasonalOneOffs(flatPlanned(seed), true).length) lines += 1;
      // alpha = 1%: 3 of 300 expected; 6 is 3 + 1.7 binomial standard errors. 1,000 lines gave 13 (1.3%).
      expect(lines).toBeLessThanOrEqual(6);
    });
    it('is the plain test when re-judging gives the residuals back unchanged', () => {
      const r = normals(9, 36).map((v, i) => 0.02 * v + (i === 7 ? 0.15 : 0));
      expect(oneOffPeriods(r, all(36), 0.01, 3, 0, () => r)).toEqual(oneOffPeriods(r, all(36), 0.01, 3, 0));
    });
  });
});
