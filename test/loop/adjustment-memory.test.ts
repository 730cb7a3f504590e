import {
  citeCases,
  contextDistance,
  learnedPassThrough,
  measureOutcome,
  recordAdjustment,
  similarCases,
} from '../../src/loop/adjustment-memory';
import type { AdjustmentContext, AdjustmentRecord } from '../../src/model/kpi';

const context = (over: Partial<AdjustmentContext> = {}): AdjustmentContext => ({
  kinds: ['run-rate'],
  direction: 'raise',
  gapShare: 0.08,
  moveShare: 0.1,
  kpiAttainment: 0.95,
  period: 5,
  monthsLeft: 6,
  ...over,
});

const record = (over: Partial<AdjustmentContext> = {}, line = 'L1'): AdjustmentRecord =>
  recordAdjustment(
    {
      line,
      costCentre: 'CC',
      kpi: 'K',
      before: 600,
      after: 660,
      context: context(over),
      expected: { spendWithout: 200, planAdded: 20, kpiWithout: 1900, kpiTarget: 2000, gap: 48 },
    },
    0,
  );

describe('measureOutcome', () => {
  const actual = [100, 100, 100, 100, 100, 100, 108, 104];
  test('waits until the months have passed', () => {
    expect(measureOutcome(record(), { actual, kpiActual: null, gap: 12 }, 6, 2).outcome).toBeUndefined();
  });
  test('gap closed, pass-through and KPI lift against the forecast without the move', () => {
    const kpi = [0, 0, 0, 0, 0, 0, 980, 990];
    const r = measureOutcome(record(), { actual, kpiActual: kpi, gap: 12 }, 7, 2);
    expect(r.outcome).toEqual({
      measuredAt: 7,
      gapClosed: 1 - 12 / 48,
      passThrough: (212 - 200) / 20,
      kpiLift: (1970 - 1900) / 2000,
    });
  });
  test('no gap to close (a move made for a KPI): gapClosed is null, not a division by ~0', () => {
    const r = record();
    const noGap = { ...r, expected: { ...r.expected, gap: 0.1 } };
    expect(measureOutcome(noGap, { actual, kpiActual: null, gap: 5 }, 7, 2).outcome?.gapClosed).toBeNull();
  });
  test('a missing actual leaves the pass-through unmeasured', () => {
    const r = measureOutcome(record(), { actual: [...actual.slice(0, 7), null], kpiActual: null, gap: 12 }, 7, 2);
    expect(r.outcome?.passThrough).toBeNull();
  });
});

describe('similar cases and their citation', () => {
  const measured = (closed: number, over: Partial<AdjustmentContext> = {}) => ({
    ...record(over),
    outcome: { measuredAt: 7, gapClosed: closed, passThrough: 0.6, kpiLift: null },
  });

  test('direction must agree; nearer contexts come first; unmeasured ones are left out', () => {
    expect(contextDistance(context(), context({ direction: 'cut' }))).toBe(Infinity);
    const memory = [measured(0.5, { gapShare: 0.3 }), measured(0.8), record(), measured(0.2, { direction: 'cut' })];
    const found = similarCases(memory, context());
    expect(found.map((r) => r.outcome?.gapClosed)).toEqual([0.8, 0.5]);
  });

  test('the citation says how many and what they achieved', () => {
    expect(citeCases([measured(0.8), measured(0.6), measured(0.7)], 2)).toBe(
      '3 similar moves closed 70% of the gap within 2 months',
    );
    expect(citeCases([measured(-0.25)], 1)).toBe('1 similar move widened the gap by 25% within 1 month');
    const lift = { ...record(), outcome: { measuredAt: 7, gapClosed: null, passThrough: null, kpiLift: 0.015 } };
    expect(citeCases([lift], 2)).toBe('1 similar move moved the KPI by +1.5% of target within 2 months');
    expect(citeCases([], 2)).toBe('');
  });

  test('the citation in the reader’s locale: en-US by default (the CLI), de-DE and fr-FR with the true minus', () => {
    const NBSP = '\u00a0';
    const MINUS = '\u2212';
    const lift = (kpiLift: number) => ({
      ...record(),
      outcome: { measuredAt: 7, gapClosed: null, passThrough: null, kpiLift },
    });
    const de = { locale: 'de-DE', minus: 'true' as const };
    const fr = { locale: 'fr-FR', minus: 'true' as const };
    expect(citeCases([lift(-0.015)], 2)).toBe('1 similar move moved the KPI by -1.5% of target within 2 months');
    expect(citeCases([lift(-0.015)], 2, de)).toBe(
      `1 similar move moved the KPI by ${MINUS}1,5${NBSP}% of target within 2 months`,
    );
    expect(citeCases([lift(-0.015)], 2, fr)).toBe(
      `1 similar move moved the KPI by ${MINUS}1,5${NBSP}% of target within 2 months`,
    );
    expect(citeCases([lift(0.1234)], 2, de)).toBe(
      `1 similar move moved the KPI by +12,3${NBSP}% of target within 2 months`,
    );
    // A lift that rounds to 0.0 keeps its side, as before.
    expect(citeCases([lift(-0.0001)], 2)).toBe('1 similar move moved the KPI by -0.0% of target within 2 months');
    expect(citeCases([measured(0.8), measured(0.6), measured(0.7)], 2, de)).toBe(
      `3 similar moves closed 70${NBSP}% of the gap within 2 months`,
    );
    expect(citeCases([measured(-0.25)], 1, fr)).toBe(`1 similar move widened the gap by 25${NBSP}% within 1 month`);
  });
});

test('learnedPassThrough: the prior pulled toward the line’s measured moves, clipped', () => {
  const withPass = (p: number, line = 'L1') => ({
    ...record({}, line),
    outcome: { measuredAt: 7, gapClosed: null, passThrough: p, kpiLift: null },
  });
  expect(learnedPassThrough([], 'L1', 0.5)).toBe(0.5);
  // (3·0.5 + 0.8 + 0.9) / 5
  expect(learnedPassThrough([withPass(0.8), withPass(0.9), withPass(0.1, 'L2')], 'L1', 0.5)).toBeCloseTo(0.64, 12);
  // a wild measurement is clipped to [0, 1] first
  expect(learnedPassThrough([withPass(7)], 'L1', 0.5)).toBeCloseTo(2.5 / 4, 12);
});
