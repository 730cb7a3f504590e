/**
 * The first labelled budget set (scripts/make-budget-set.ts) at other lengths than its 36 months:
 * the sheet and its events fit the length, and a plan phased flat is the whole fiscal year's mean
 * even in a last year the sheet cuts short (a planner's annual plan / 12, not the months shown / 12).
 */
import { makeBudgetSet } from '../../scripts/make-budget-set';

describe('makeBudgetSet', () => {
  test('the default is 36 months, and the same seed gives the same set', () => {
    const { budget } = makeBudgetSet(5, 20);
    expect(budget.periods).toHaveLength(36);
    expect(makeBudgetSet(5, 20, 36)).toEqual(makeBudgetSet(5, 20));
  });

  test.each([24, 30, 60])('a sheet of %i months: its periods from January, every event inside it', (n) => {
    const { budget, labels } = makeBudgetSet(2026, 200, n);
    expect(budget.periods).toHaveLength(n);
    expect(budget.periods[0]).toBe('2024-01');
    for (const l of budget.lines) expect([l.plan.length, l.actual.length]).toEqual([n, n]);
    for (const e of labels) {
      expect(e.start).toBeGreaterThanOrEqual(3);
      expect(e.end).toBeLessThan(n);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
    }
    expect(new Set(labels.map((e) => e.kind)).size).toBe(5);
  });

  test('a flat plan in a year the sheet cuts short is that whole year at its mean', () => {
    const { budget } = makeBudgetSet(2026, 200, 30);
    const flat = budget.lines.filter((l) => new Set(l.plan.slice(0, 12)).size === 1);
    expect(flat.length).toBeGreaterThan(10);
    for (const l of flat) {
      const [previous, last] = [l.plan[23] as number, l.plan[24] as number];
      // One year of growth (−5% to +10% of the first year's level) apart, not half of it.
      expect(last / previous).toBeGreaterThan(0.9);
      expect(last / previous).toBeLessThan(1.12);
      expect(new Set(l.plan.slice(24)).size).toBe(1);
    }
  });
});
