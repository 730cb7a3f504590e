import { stressTest } from '../../src/cash/stress-test';

describe('stressTest', () => {
  const base = { openingCash: 100, minCash: 50, flows: [-20, 30, -40], inflows: [40, 60, 20], daysInPeriod: 30 };

  it('reports the base case: cash 80, 110, 70, no breach', () => {
    const [result] = stressTest(base, []);
    expect(result).toEqual({ name: 'base', minCash: 70, minPeriod: 3, breaches: [], closingCash: [80, 110, 70] });
  });

  it('applies revenue −50%: collections 20, 30, 10 → cash 60, 60, 10, breach in period 3', () => {
    const [, result] = stressTest(base, [{ name: 'revenue -50%', kind: 'revenue', pct: -0.5 }]);
    expect(result.closingCash).toEqual([60, 60, 10]);
    expect(result.breaches).toEqual([3]);
  });

  it('delays collections by 15 days: half of each period slips to the next', () => {
    // Collections 40, 60, 20 become 20, 50, 40 (10 of period 3 slips past the horizon).
    // Flows: −20 − 40 + 20 = −40; 30 − 60 + 50 = 20; −40 − 20 + 40 = −20 → cash 60, 80, 60.
    const [, result] = stressTest(base, [{ name: 'late', kind: 'delay', days: 15 }]);
    expect(result.closingCash.map((c) => Math.round(c * 1e9) / 1e9)).toEqual([60, 80, 60]);
    expect(result.breaches).toEqual([]);
  });

  it('adds a one-off outflow and rejects a bad period', () => {
    const [, result] = stressTest(base, [{ name: 'fine', kind: 'outflow', amount: 45, period: 2 }]);
    expect(result.closingCash).toEqual([80, 65, 25]);
    expect(result.breaches).toEqual([3]);
    expect(() => stressTest(base, [{ name: 'x', kind: 'outflow', amount: 1, period: 9 }])).toThrow(/period/);
  });
});

describe('stressTest with a credit line', () => {
  const base = {
    openingCash: 100,
    minCash: 50,
    flows: [-80, -30, 60, 40],
    creditLine: { limit: 60, rate: 0.1 },
  };

  it('draws the line to keep the minimum and repays it when cash allows', () => {
    // t1: 100 − 80 = 20 → draw 30 → cash 50, debt 30. t2: 50 − 30 − 3 (10% on 30) = 17; 30 left on the line
    // → cash 47, debt 60: a breach. t3: 47 + 60 − 6 = 101 → repay 51 → cash 50, debt 9.
    // t4: 50 + 40 − 0.9 = 89.1 → repay 9 → cash 80.1, debt 0.
    const [r] = stressTest(base, []);
    expect(r.closingCash.map((c) => Math.round(c * 1e9) / 1e9)).toEqual([50, 47, 50, 80.1]);
    expect(r.debt!.map((d) => Math.round(d * 1e9) / 1e9)).toEqual([30, 60, 9, 0]);
    expect(r.breaches).toEqual([2]);
    expect(r.lowestHeadroom).toBeCloseTo(-3, 9);
    expect(r.headroomPeriod).toBe(2);
  });

  it('a credit line cut forces a repayment and breaches earlier', () => {
    const [, cut] = stressTest(base, [{ name: 'line halved', kind: 'credit', pct: -0.5, from: 1 }]);
    // limit 30: t1 draw 30 → cash 50; t2: 50 − 30 − 3 = 17, nothing left to draw → breach.
    expect(cut.debt![0]).toBeCloseTo(30, 12);
    expect(cut.breaches).toEqual([2]);
    expect(cut.closingCash[1]).toBeCloseTo(17, 12);
    const [, late] = stressTest(base, [{ name: 'cut in 3', kind: 'credit', pct: -1, from: 3 }]);
    expect(late.debt![2]).toBe(0); // the whole balance is repaid when the line goes
    expect(late.closingCash[2]).toBeCloseTo(47 + 60 - 6 - 60, 9);
  });

  it('keeps the old result shape without a credit line, and rejects a cut without one', () => {
    const [r] = stressTest({ openingCash: 10, minCash: 0, flows: [1] }, []);
    expect(Object.keys(r).sort()).toEqual(['breaches', 'closingCash', 'minCash', 'minPeriod', 'name']);
    expect(() =>
      stressTest({ openingCash: 10, minCash: 0, flows: [1] }, [{ name: 'cut', kind: 'credit', pct: -0.2 }]),
    ).toThrow(/cut cuts the credit line, but the plan has none/);
    expect(() => stressTest(base, [{ name: 'up', kind: 'credit', pct: 0.5 }])).toThrow(/cut from −100% to 0%/);
  });

  it('refuses a revenue change below −100% (a percentage typed as −10) and an outflow without an amount', () => {
    const base = { openingCash: 100, minCash: 50, flows: [-20, 30, -40], inflows: [40, 60, 20] };
    // −10 multiplied the collections by −9: cash 80 − 400 … with exit 0.
    expect(() => stressTest(base, [{ name: 'down', kind: 'revenue', pct: -10 }])).toThrow(
      /down pct must be a change from −100% up, as a fraction \(−0.1 for −10%\)/,
    );
    expect(stressTest(base, [{ name: 'gone', kind: 'revenue', pct: -1 }])[1].closingCash).toEqual([40, 10, -50]);
    expect(stressTest(base, [{ name: 'up', kind: 'revenue', pct: 0.1 }])[1].closingCash).toEqual([84, 120, 82]);
    // Without an amount the closing cash from period 2 on was NaN (null in the CLI's JSON).
    expect(() => stressTest(base, [{ name: 'fine', kind: 'outflow', period: 2 } as never])).toThrow(
      /fine amount must be a number/,
    );
  });
});
