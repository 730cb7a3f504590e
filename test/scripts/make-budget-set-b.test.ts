/**
 * The second labelled budget set (scripts/make-budget-set-b.ts) is seeded, and its labels say what
 * was done to the data: events inside the series and apart, each label's effect the largest deviation
 * of its span as a share of plan, no deviation outside the labels, sizes in the stated ranges.
 */
import { makeBudgetSetB, PERIODS_B } from '../../scripts/make-budget-set-b';
import type { LabelledEventB } from '../../scripts/make-budget-set-b';

const SEEDS = [1, 2, 3];
const sets = SEEDS.map((seed) => makeBudgetSetB(seed, 200));

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const moment = (x: number[], k: number) => mean(x.map((v) => v ** k));

describe('makeBudgetSetB', () => {
  test('the same seed gives the same set, another seed another', () => {
    expect(makeBudgetSetB(1, 200)).toEqual(sets[0]);
    expect(sets[1].budget.lines[0].actual).not.toEqual(sets[0].budget.lines[0].actual);
  });

  test('a line does not depend on how many lines follow it', () => {
    const few = makeBudgetSetB(7, 10);
    const many = makeBudgetSetB(7, 60);
    expect(many.budget.lines.slice(0, 10)).toEqual(few.budget.lines);
    expect(many.labels.filter((e) => few.budget.lines.some((l) => l.id === e.line))).toEqual(few.labels);
  });

  test('periods are 36 months from a fiscal year start, every line full', () => {
    for (const { budget } of sets) {
      expect(budget.periods).toHaveLength(PERIODS_B);
      expect(['01', '04', '07', '10']).toContain(budget.periods[0].slice(5));
      for (const l of budget.lines) {
        expect(l.plan.every((p) => p !== null && p > 0)).toBe(true);
        expect(l.actual.every((a) => a !== null && a >= 0)).toBe(true);
      }
    }
  });

  test('events lie inside the series, on existing lines, two clean periods apart, nothing after a persistent one', () => {
    for (const { budget, labels } of sets) {
      const ids = new Set(budget.lines.map((l) => l.id));
      const byLine = new Map<string, LabelledEventB[]>();
      for (const e of labels) {
        expect(ids.has(e.line)).toBe(true);
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeGreaterThanOrEqual(e.start);
        expect(e.end).toBeLessThan(PERIODS_B);
        byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
      }
      for (const events of byLine.values()) {
        for (let i = 1; i < events.length; i += 1) expect(events[i].start - events[i - 1].end).toBeGreaterThan(2);
        const persistent = events.filter((e) => e.kind === 'shift' || e.kind === 'ramp');
        expect(persistent.length).toBeLessThanOrEqual(1);
        if (persistent.length === 1) expect(events[events.length - 1]).toBe(persistent[0]);
      }
    }
  });

  test('each kind has its stated length and place', () => {
    for (const e of sets.flatMap((s) => s.labels)) {
      const length = e.end - e.start + 1;
      if (e.kind === 'spike') expect(length).toBe(1);
      if (e.kind === 'timing') expect(length).toBe(2);
      if (e.kind === 'underspend') expect(length).toBeGreaterThanOrEqual(2);
      if (e.kind === 'underspend') expect(length).toBeLessThanOrEqual(6);
      if (e.kind === 'shift' || e.kind === 'ramp') expect(e.end).toBe(PERIODS_B - 1);
      if (e.kind === 'shift' || e.kind === 'ramp') expect(e.start).toBeGreaterThanOrEqual(6);
      if (e.kind === 'catch-up') expect(e.end % 12).toBe(11);
      if (e.kind === 'catch-up') expect(e.start % 12).toBeGreaterThanOrEqual(4);
    }
  });

  test("a label's effect is its span's largest deviation over plan, and there is none outside the labels", () => {
    for (const { budget, labels, truths } of sets) {
      budget.lines.forEach((line, i) => {
        const dev = truths[i].deviation;
        const events = labels.filter((e) => e.line === line.id);
        for (let t = 0; t < PERIODS_B; t += 1)
          if (!events.some((e) => t >= e.start && t <= e.end)) expect(dev[t]).toBe(0);
        for (const e of events) {
          const span = Array.from({ length: e.end - e.start + 1 }, (_, k) => e.start + k);
          const peak = Math.max(...span.map((t) => Math.abs(dev[t]) / (line.plan[t] as number)));
          expect(e.effect).toBeCloseTo(peak, 4);
        }
      });
    }
  });

  test('sizes are in σ units within the stated ranges, and spikes and shifts are that many σ of the level', () => {
    const ranges: Record<string, [number, number]> = {
      spike: [1.5, 12],
      shift: [0.5, 6],
      ramp: [1, 10],
      underspend: [1, 6],
      'catch-up': [0.5, 4],
    };
    for (const { labels, truths, budget } of sets)
      for (const e of labels) {
        const truth = truths[budget.lines.findIndex((l) => l.id === e.line)];
        const [lo, hi] = ranges[e.kind] ?? [0.1 / truth.sigma, 1 / truth.sigma];
        // Cuts are capped (a credit note at 90% of a month, a step down at half of it, an under-spend at
        // 80%, a year's shortfall at 50%): for them only the top holds.
        expect(e.size).toBeLessThanOrEqual(hi + 0.01);
        const capped = truth.deviation[e.start] < 0 && ['spike', 'shift', 'ramp'].includes(e.kind);
        if (!capped) expect(e.size).toBeGreaterThanOrEqual(lo - 0.01);
        if (e.kind === 'spike' || e.kind === 'shift')
          expect(Math.abs(truth.deviation[e.start]) / (truth.sigma * truth.level)).toBeCloseTo(e.size, 1);
      }
  });

  test('the set mixes clean lines, every kind, material and immaterial events and sizes over three decades', () => {
    const labels = sets.flatMap((s) => s.labels);
    const lines = sets.reduce((n, s) => n + s.budget.lines.length, 0);
    const clean = sets.reduce(
      (n, s) => n + s.budget.lines.filter((l) => !s.labels.some((e) => e.line === l.id)).length,
      0,
    );
    expect(clean / lines).toBeGreaterThan(0.25);
    expect(clean / lines).toBeLessThan(0.45);
    for (const kind of ['spike', 'shift', 'ramp', 'underspend', 'timing', 'catch-up'])
      expect(labels.filter((e) => e.kind === kind).length).toBeGreaterThan(20);
    expect(labels.filter((e) => e.effect < 0.05).length).toBeGreaterThan(10);
    const levels = sets.flatMap((s) => s.truths.map((t) => t.level));
    expect(Math.max(...levels) / Math.min(...levels)).toBeGreaterThan(1000);
  });

  test('noise draws have unit variance, tails by family, and the AR(1) lines their correlation', () => {
    const truths = sets.flatMap((s) => s.truths);
    const draws = (family: string) => truths.filter((t) => t.noise === family).flatMap((t) => t.noiseDraws);
    const kurtosis = (x: number[]) => moment(x, 4) / moment(x, 2) ** 2;
    for (const family of ['gaussian', 't5', 't3', 'laplace', 'contaminated'])
      expect(Math.sqrt(moment(draws(family), 2))).toBeGreaterThan(0.8);
    expect(Math.abs(kurtosis(draws('gaussian')) - 3)).toBeLessThan(0.5);
    expect(kurtosis(draws('laplace'))).toBeGreaterThan(4.5);
    expect(kurtosis(draws('contaminated'))).toBeGreaterThan(5);
    expect(kurtosis(draws('t3'))).toBeGreaterThan(kurtosis(draws('gaussian')) + 2);
    const lag1 = (x: number[]) => mean(x.slice(1).map((v, t) => v * x[t])) / moment(x, 2);
    const correlated = truths.filter((t) => t.phi > 0 && t.noise === 'gaussian');
    expect(mean(correlated.map((t) => lag1(t.noiseDraws)))).toBeGreaterThan(0.2);
    const independent = truths.filter((t) => t.phi === 0 && t.noise === 'gaussian');
    expect(Math.abs(mean(independent.map((t) => lag1(t.noiseDraws))))).toBeLessThan(0.1);
  });

  test.each([24, 30, 60])(
    'a sheet of %i months: its periods, events inside it, catch-ups in a full fiscal year',
    (n) => {
      const { budget, labels } = makeBudgetSetB(3, 200, n);
      expect(budget.periods).toHaveLength(n);
      for (const l of budget.lines) expect([l.plan.length, l.actual.length]).toEqual([n, n]);
      for (const e of labels) {
        expect(e.end).toBeLessThan(n);
        if (e.kind === 'shift' || e.kind === 'ramp') expect(e.end).toBe(n - 1);
        if (e.kind === 'catch-up') expect(e.end).toBeLessThan(12 * Math.floor(n / 12));
      }
      expect(new Set(labels.map((e) => e.kind)).size).toBe(6);
    },
  );

  test('a sheet is at least a fiscal year long', () => {
    expect(() => makeBudgetSetB(1, 10, 11)).toThrow('12 months or more');
  });

  test("a clean period's actual is the expected cost times the line's noise", () => {
    for (const { budget, truths } of sets)
      budget.lines.forEach((line, i) => {
        const { expected, noiseDraws, sigma, lognormal, deviation } = truths[i];
        for (let t = 0; t < PERIODS_B; t += 1) {
          if (deviation[t] !== 0 || lognormal) continue;
          const ratio = (line.actual[t] as number) / expected[t];
          expect(ratio).toBeCloseTo(Math.max(0.02, 1 + sigma * noiseDraws[t]), 3);
        }
      });
  });
});
