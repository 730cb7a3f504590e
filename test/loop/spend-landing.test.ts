import { forecastLanding } from '../../src/loop/spend-landing';
import type { LandingInput } from '../../src/loop/spend-landing';

const flat = (n: number, v: number) => Array(n).fill(v);

/** A year of 100 a month planned and referenced, the second half the window, half passed through. */
const landing = (over: Partial<LandingInput>) =>
  forecastLanding({
    reference: flat(12, 100),
    plan: flat(12, 100),
    actual: flat(6, 100),
    yearStart: 0,
    window: [6, 11],
    passThrough: 0.5,
    ...over,
  });

describe('forecastLanding', () => {
  test('spending on plan: no gap, neutral plan = the plan', () => {
    const l = landing({});
    expect(l.level).toBeCloseTo(1, 6);
    expect(l.gap).toBeCloseTo(0, 6);
    expect(l.neutral).toBeCloseTo(600, 4);
    expect(l.planLeft).toBe(600);
    expect(l.yearPlan).toBe(1200);
  });

  test('a line 10% over plan: the gap to come and the neutral plan follow the closed form', () => {
    // need/ref L from (110 − ½·100)/(½·100) = 1.2 (the prior pulls it a little toward 1);
    // gap = 6·10 + ½·(6·100·L − 600); neutral = 600·L + 60/½.
    const l = landing({ actual: flat(6, 110) });
    expect(l.pastGap).toBeCloseTo(60, 9);
    expect(l.gap).toBeCloseTo(60 + 0.5 * (600 * l.level - 600), 9);
    expect(l.neutral).toBeCloseTo(600 * l.level + 120, 9);
    expect(l.level).toBeGreaterThan(1.15);
    // At the neutral plan the expected gap is 0: pastGap + (1 − w)(need − P*) = 0.
    expect(60 + 0.5 * (600 * l.level - l.neutral)).toBeCloseTo(0, 9);
  });

  test('a plan raised for the window is not mistaken for need: the observations net it out', () => {
    const plan = [...flat(6, 100), ...flat(6, 150)];
    const actual = [...flat(3, 100), ...flat(3, 100)];
    const base = landing({ actual });
    const raised = landing({ plan, actual });
    expect(raised.level).toBeCloseTo(base.level, 12);
    expect(raised.planLeft).toBe(900);
    expect(raised.gap).toBeCloseTo(base.gap - 0.5 * 300, 9);
  });

  test('a new year: no booked months, the whole year ahead, a wider sd', () => {
    const history = flat(12, 105);
    const nextYear = { reference: flat(24, 100), plan: flat(24, 100), yearStart: 12 };
    const l = landing({ ...nextYear, actual: history, window: [12, 23] });
    expect(l.pastGap).toBe(0);
    expect(l.yearPlan).toBe(1200);
    const late = landing({ ...nextYear, actual: flat(22, 105), window: [22, 23] });
    expect(l.sd).toBeGreaterThan(late.sd);
  });

  test('a missing actual counts as its forecast', () => {
    const l = landing({ actual: [100, null, 100], window: [3, 11] });
    expect(Number.isFinite(l.gap)).toBe(true);
    expect(Math.abs(l.pastGap)).toBeLessThan(1);
  });
});
