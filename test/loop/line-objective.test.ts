import {
  attainmentPoints,
  attainmentRisk,
  expectedAbsolute,
  lineValue,
  shownAttainment,
  variancePoints,
} from '../../src/loop/line-objective';
import { enteredCurve } from '../../src/loop/response-curves';
import { context } from './contexts';

describe('expectedAbsolute: E|X| for X ~ Normal(m, s²)', () => {
  test('closed forms', () => {
    expect(expectedAbsolute(0, 1)).toBeCloseTo(Math.sqrt(2 / Math.PI), 14);
    // R: integrate(function(x) abs(x) * dnorm(x, 1, 2), -Inf, Inf) → 2.0842973...; by the formula
    // 2·(2·dnorm(0.5) + 0.5·(2·pnorm(0.5) − 1)) = 2.08429730...
    expect(expectedAbsolute(1, 2)).toBeCloseTo(2 * (2 * 0.3520653267642995 + 0.5 * (2 * 0.6914624612740131 - 1)), 12);
    expect(expectedAbsolute(-50, 1)).toBeCloseTo(50, 10);
    expect(expectedAbsolute(3, 0)).toBe(3);
  });
});

describe('the line objective', () => {
  test('V is least at the neutral plan and grows on both sides; A grows with the plan', () => {
    const c = context(2);
    const at = (p: number) => variancePoints(c, p);
    expect(at(c.landing.neutral)).toBeLessThan(at(c.landing.neutral + 100));
    expect(at(c.landing.neutral)).toBeLessThan(at(c.landing.neutral - 100));
    expect(attainmentPoints(c, 900)).toBeGreaterThan(attainmentPoints(c, 600));
  });

  test('A follows the saturating gain: (1/12)·Σ a_u·r·s·(1 − e^(−x_u/s)), x = w·P/6 + (1 − w)·need', () => {
    const c = context(2);
    const x = 0.5 * (720 / 6) + 0.5 * c.landing.need[0];
    expect(attainmentPoints(c, 720)).toBeCloseTo((6 * (1 / 1000) * 2 * 150 * (1 - Math.exp(-x / 150))) / 12, 12);
  });

  test('f is concave in the plan (seeded grid of second differences)', () => {
    const c = context(3);
    for (const lambda of [0, 0.1, 1, 10]) {
      for (let p = 320; p < 1180; p += 40) {
        const second = lineValue(c, p + 20, lambda) - 2 * lineValue(c, p, lambda) + lineValue(c, p - 20, lambda);
        expect(second).toBeLessThanOrEqual(1e-15);
      }
    }
  });

  test('a response that would lower attainment counts as none', () => {
    expect(attainmentPoints(context(-2), 900)).toBe(0);
    const lower = context(2, { terms: [{ ...context(2).terms[0], attainmentPerUnit: Array(6).fill(-1 / 1000) }] });
    expect(attainmentPoints(lower, 900)).toBe(0);
  });
});

describe('the attainment a line is shown to buy (a KPI confidence z)', () => {
  const uncertain = (confidence?: number) => {
    const c = context(3, { confidence });
    c.terms = [{ ...c.terms[0], curve: enteredCurve('K', { perUnit: 3, sd: 1, saturation: 150 }) }];
    return c;
  };

  test('A less z·se·|P − approved plan|: equal to A at the approved plan and without a confidence', () => {
    const c = uncertain(1.645);
    const approved = c.landing.referenceLeft;
    expect(approved).toBe(600);
    expect(shownAttainment(c, approved)).toBe(attainmentPoints(c, approved));
    for (const p of [450, 720]) {
      expect(shownAttainment(c, p)).toBeCloseTo(
        attainmentPoints(c, p) - 1.645 * attainmentRisk(c) * Math.abs(p - 600),
        15,
      );
      expect(shownAttainment(uncertain(0), p)).toBe(attainmentPoints(c, p));
      expect(shownAttainment(uncertain(), p)).toBe(attainmentPoints(c, p));
    }
  });

  test('f stays concave with the kink at the approved plan (a grid of second differences)', () => {
    const c = uncertain(1.645);
    for (let p = 320; p < 1180; p += 37) {
      const h = 13;
      const second = lineValue(c, p + h, 5) - 2 * lineValue(c, p, 5) + lineValue(c, p - h, 5);
      expect(second).toBeLessThanOrEqual(1e-15);
    }
  });
});

describe('a line that moves several KPIs', () => {
  // K: 2 per unit, saturation 150, 1/1000 attainment per unit (the helper's). K2: 0.5 per unit, constant,
  // priority 3 on a target of 500 (3/500 per unit), sd 0.1.
  const k2 = { curve: enteredCurve('K2', { perUnit: 0.5, sd: 0.1 }), attainmentPerUnit: Array(6).fill(3 / 500) };
  const one = context(2);
  const withSd = { ...one.terms[0], curve: enteredCurve('K', { perUnit: 2, saturation: 150, sd: 0.4 }) };

  test("A is the sum of the KPIs' priority-weighted terms: closed form", () => {
    const both = context(2, { terms: [one.terms[0], k2] });
    const x = 0.5 * (720 / 6) + 0.5 * one.landing.need[0];
    const first = (6 * (1 / 1000) * 2 * 150 * (1 - Math.exp(-x / 150))) / 12;
    const second = (6 * (3 / 500) * 0.5 * x) / 12;
    expect(attainmentPoints(both, 720)).toBeCloseTo(first + second, 12);
    expect(attainmentPoints(both, 720)).toBeCloseTo(
      attainmentPoints(one, 720) + attainmentPoints(context(2, { terms: [k2] }), 720),
      14,
    );
  });

  test("the risk is √Σ of each KPI's; one KPI gives exactly its own", () => {
    const a = context(2, { terms: [withSd] });
    const b = context(2, { terms: [k2] });
    const both = context(2, { terms: [withSd, k2] });
    expect(attainmentRisk(b)).toBeCloseTo((6 * (3 / 500) * 0.5 * (1 / 6) * 0.1) / 12, 14);
    expect(attainmentRisk(both)).toBeCloseTo(Math.hypot(attainmentRisk(a), attainmentRisk(b)), 14);
    expect(attainmentRisk(context(2, { terms: [] }))).toBe(0);
    expect(attainmentPoints(context(2, { terms: [] }), 720)).toBe(0);
  });

  test('a KPI whose response would lower attainment is dropped, the others still count', () => {
    const hurting = { ...k2, attainmentPerUnit: Array(6).fill(-3 / 500) };
    expect(attainmentPoints(context(2, { terms: [one.terms[0], hurting] }), 720)).toBe(attainmentPoints(one, 720));
  });
});
