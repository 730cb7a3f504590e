import {
  ewmaAutocorrelation,
  isMaterialRun,
  lineAutocorrelationEvidence,
  lineIssues,
  sheetTypicalPlan,
} from '../../src/anomaly/line-issues';
import { lineResiduals } from '../../src/anomaly/line-residuals';
import { oneOffPeriods } from '../../src/anomaly/one-off-periods';
import { scanSegments } from '../../src/anomaly/scan-segments';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';
import { normals } from './helpers';

const t = { ...DEFAULT_THRESHOLDS, useForecast: false };
const plan = new Array<number>(24).fill(1000);
/** A line of 1000 a period with seeded noise (`sd` of it) plus `effect` (a share of it) in period t. */
const noisy = (seed: number, effect: (t: number) => number, periods = 24, sd = 0.01) =>
  normals(seed, periods).map((z, i) => 1000 * (1 + sd * z + effect(i)));

describe('lineIssues', () => {
  it('makes one issue of a persistent deviation, with its span', () => {
    const actual = noisy(1, (i) => (i >= 6 ? -0.2 : 0));
    const issues = lineIssues(lineResiduals(plan, actual, 12), plan, t);
    expect(issues).toEqual([expect.objectContaining({ from: 6, to: 23, sign: -1 })]);
  });
  it('keeps a spike inside a run of the same side in that run, and one on the other side apart', () => {
    const same = noisy(2, (i) => (i >= 10 ? 0.15 : 0) + (i === 15 ? 0.3 : 0));
    expect(lineIssues(lineResiduals(plan, same, 12), plan, t)).toHaveLength(1);
    const other = noisy(2, (i) => (i === 4 ? -0.3 : 0) + (i >= 10 ? 0.15 : 0));
    expect(lineIssues(lineResiduals(plan, other, 12), plan, t).map((x) => [x.from, x.to])).toEqual([
      [4, 4],
      [10, 23],
    ]);
  });
  it('leaves a run that one spike makes with ordinary neighbours to the one-off test', () => {
    // A 7-noise-unit spike in period 17 and 2.8 units in period 18: the scan, each period clipped at 4,
    // finds the run 17–18 (seed 1) or 10–20 (seed 6); without the spike neither is a run.
    const p36 = new Array<number>(36).fill(1000);
    for (const [seed, run] of [
      [1, [17, 18]],
      [6, [10, 20]],
    ] as const) {
      const actual = normals(seed, 36).map((z, i) => 1000 * (1 + 0.01 * (i === 18 ? 2.8 : i === 17 ? 7 : z)));
      const view = lineResiduals(p36, actual, 12);
      expect(scanSegments(view.residual, view.sigma, t.alpha, t.z).map((s) => [s.from, s.to])).toEqual([run]);
      expect(lineIssues(view, p36, t)).toEqual([expect.objectContaining({ from: 17, to: 17, sign: 1 })]);
    }
  });
  it('keeps a run that stays a run without its largest period', () => {
    const p36 = new Array<number>(36).fill(1000);
    const actual = normals(4, 36).map(
      (z, i) => 1000 * (1 + 0.01 * z + (i >= 20 && i <= 25 ? 0.06 : 0) + (i === 22 ? 0.06 : 0)),
    );
    expect(lineIssues(lineResiduals(p36, actual, 12), p36, t)).toEqual([
      expect.objectContaining({ from: 20, to: 25, sign: 1 }),
    ]);
  });
  it('adds a late drift that the EWMA finds and the segment scan does not', () => {
    // 0.6 noise units a period from period 30 of 36 (seed 11): the scan's best run is below its critical value
    const t = { ...DEFAULT_THRESHOLDS, useForecast: false, alpha: 0.01 };
    const p36 = new Array<number>(36).fill(1000);
    const actual = normals(11, 36).map((z, i) => 1000 * (1 + 0.02 * z + (i >= 30 ? 0.012 * (i - 29) : 0)));
    const view = lineResiduals(p36, actual, 12);
    expect(scanSegments(view.residual, view.sigma, t.alpha, t.z)).toEqual([]);
    expect(lineIssues(view, p36, t)).toEqual([expect.objectContaining({ from: 32, to: 35, sign: 1 })]);
    expect(lineIssues(view, p36, { ...t, alpha: 0.001 })).toEqual([]);
  });
  it("judges a run in currency against the sheet's typical plan, a one-off in % only", () => {
    // 3% over plan from period 6 (30 a period on a plan of 1,000): below minPct (5%), but 5% of a
    // typical plan of 500 is 25 a period; the 4% one-off in period 2 (40) stays below minPct either way
    const small = noisy(3, (i) => (i >= 6 ? 0.03 : 0) + (i === 2 ? 0.04 : 0));
    const view = lineResiduals(plan, small, 12);
    expect(lineIssues(view, plan, t, 500)).toEqual([expect.objectContaining({ from: 6, to: 23, sign: 1 })]);
    expect(lineIssues(view, plan, t, 1000)).toEqual([]);
    expect(lineIssues(view, plan, { ...t, sheetMateriality: false }, 500)).toEqual([]);
    expect(lineIssues(view, plan, { ...t, minAbs: 40 }, 500)).toEqual([]);
  });
  it("holds a one-off to z units of the line's noise scale, not only of the other periods' spread", () => {
    // A run from period 8 (30% over plan, noise 3%) leaves 8 periods to the one-off test; they track plan
    // within 0.2%, so 6% in period 4 is 20 of their SDs (tail area 6e-6) but 2.1 of the line's noise units.
    const p36 = new Array<number>(36).fill(1000);
    const z = normals(3, 36);
    const line = (spike: number) =>
      lineResiduals(
        p36,
        p36.map((p, i) => p * (1 + (i < 8 ? (i === 4 ? spike : 0.002 * z[i]) : 0.3 + 0.03 * z[i]))),
        12,
      );
    const small = line(0.06);
    expect(oneOffPeriods(small.residual, [0, 1, 2, 3, 4, 5, 6, 7], t.alpha, t.z, 0.002).map((o) => o.at)).toEqual([4]);
    expect(small.residual[4] / small.sigma).toBeLessThan(t.z);
    expect(lineIssues(small, p36, t).map((x) => [x.from, x.to])).toEqual([[8, 35]]);
    // 12% is 4.3 noise units: a one-off.
    expect(lineIssues(line(0.12), p36, t).map((x) => [x.from, x.to])).toEqual([
      [4, 4],
      [8, 35],
    ]);
  });
  it('drops runs and one-offs below materiality', () => {
    const small = noisy(3, (i) => (i >= 6 ? 0.03 : 0) + (i === 2 ? 0.04 : 0));
    expect(lineIssues(lineResiduals(plan, small, 12), plan, t)).toEqual([]);
    const big = noisy(3, (i) => (i >= 6 ? 0.3 : 0));
    expect(lineIssues(lineResiduals(plan, big, 12), plan, { ...t, minAbs: 1e6 })).toEqual([]);
  });
});

describe('sheetTypicalPlan', () => {
  it("is the median of the lines' median |plan|, blank lines left out", () => {
    expect(
      sheetTypicalPlan([
        [100, 100],
        [1000, 1200, 1000],
        [5e4, null],
      ]),
    ).toBe(1000);
    expect(sheetTypicalPlan([[-300, null, -100], [null], [40, 60]])).toBe(125);
    expect(sheetTypicalPlan([])).toBe(0);
  });
});

describe('isMaterialRun', () => {
  it('accepts a run whose recent level is material in currency though not in %', () => {
    // 2%, 3%, 4%, 4% over a plan of 1,000 from period 4: the latest three average 36.7 a period
    const actual = [1000, 1000, 1000, 1000, 1020, 1030, 1040, 1040, 1000, 1000];
    const p10 = plan.slice(0, 10);
    const view = lineResiduals(p10, actual, 12);
    expect(isMaterialRun(view, p10, { from: 4, to: 7, sign: 1 }, t)).toBe(false);
    expect(isMaterialRun(view, p10, { from: 4, to: 7, sign: 1 }, t, 700)).toBe(true); // 5% of 700 = 35
    expect(isMaterialRun(view, p10, { from: 4, to: 7, sign: 1 }, t, 740)).toBe(false); // 37
  });
  it('accepts a drift whose recent level is material though its mean is not', () => {
    const actual = [1000, 1000, 1000, 1000, 1010, 1020, 1030, 1040, 1060, 1070];
    const p10 = plan.slice(0, 10);
    const view = lineResiduals(p10, actual, 12);
    expect(isMaterialRun(view, p10, { from: 4, to: 9, sign: 1 }, t)).toBe(true);
    expect(isMaterialRun(view, p10, { from: 4, to: 7, sign: 1 }, t)).toBe(false);
  });
  it('accepts a long run whose money at stake reaches the material amount though no month reaches minPct', () => {
    // 4% under plan on a 1,000 plan: 40 a period; the material amount is 5% × 12,000 = 600
    const p24 = plan.slice(0, 24);
    const actual = p24.map((_, i) => (i >= 4 ? 960 : 1000));
    const view = lineResiduals(p24, actual, 12);
    expect(isMaterialRun(view, p24, { from: 4, to: 18, sign: -1 }, t)).toBe(true); // 15 × 40 = 600
    expect(isMaterialRun(view, p24, { from: 4, to: 17, sign: -1 }, t)).toBe(false); // 14 × 40 = 560
    expect(isMaterialRun(view, p24, { from: 4, to: 18, sign: -1 }, { ...t, minAbs: 700 })).toBe(false);
    expect(isMaterialRun(view, p24, { from: 4, to: 18, sign: 1 }, t)).toBe(false);
  });
  it('accepts a run whose year-end projection breaches the run rate', () => {
    // an earlier overrun this year (+400) and a run at +4% from May: 560 so far + 4 × 40 to come = 6%
    const p12 = plan.slice(0, 12);
    const actual = [1100, 1100, 1100, 1100, 1040, 1040, 1040, 1040, null, null, null, null];
    const view = lineResiduals(p12, actual, 12);
    expect(isMaterialRun(view, p12, { from: 4, to: 7, sign: 1 }, t)).toBe(true);
    expect(isMaterialRun(view, p12, { from: 4, to: 7, sign: 1 }, { ...t, runRatePct: 0.1 })).toBe(false);
  });
});

describe('ewmaAutocorrelation', () => {
  it('is 1 for independent noise and widens the EWMA as rho grows', () => {
    expect(ewmaAutocorrelation(0)).toBe(1);
    // q = 0.5 × (1 − 0.2) = 0.4: √(1.4 / 0.6)
    expect(ewmaAutocorrelation(0.5)).toBeCloseTo(Math.sqrt(1.4 / 0.6), 12);
    expect(ewmaAutocorrelation(0.3)).toBeLessThan(ewmaAutocorrelation(0.5));
  });
});

describe('lineAutocorrelationEvidence', () => {
  const p36 = new Array<number>(36).fill(1000);
  /** 36 periods of 2% noise, stepping up by `step` (a share of the line) from period `from`. */
  const stepped = (seed: number, from: number, step: number) =>
    lineResiduals(
      p36,
      noisy(seed, (i) => (i >= from ? step : 0), 36, 0.02),
      12,
    );
  it('reads the noise outside the runs a first pass finds, so a step is not read as autocorrelation', () => {
    const step = stepped(31, 20, 0.2);
    const e = lineAutocorrelationEvidence(step, t);
    expect(e?.pairs).toBeLessThan(35);
    expect(Math.abs(e?.estimate ?? 1)).toBeLessThan(0.3);
  });
  it('reads AR(1) noise as autocorrelated', () => {
    const ar: number[] = [];
    normals(32, 36).forEach((v, i) => ar.push(i === 0 ? v : 0.7 * ar[i - 1] + Math.sqrt(1 - 0.49) * v));
    const e = lineAutocorrelationEvidence(
      lineResiduals(
        p36,
        ar.map((v) => 1000 * (1 + 0.02 * v)),
        12,
      ),
      t,
    );
    expect(e?.estimate).toBeGreaterThan(0.3);
  });
  it('is null when runs cover all but a few periods', () => {
    expect(lineAutocorrelationEvidence(stepped(33, 4, 0.3), t)).toBeNull();
  });
});
