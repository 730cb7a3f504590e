import { generateReceivables } from '../../bench/generators/receivables';
import { cashForecast } from '../../src/cash/cash-forecast';

describe('cashForecast', () => {
  it('is calibrated on the seeded generator: P(received by period end) within 3 points of what happened', () => {
    // The bench (bench/cash-forecast-calibration.ts) runs the same check on 10 seeds × 400 customers.
    const pairs: { p: number; hit: number; period: number }[] = [];
    for (const seed of [101, 102, 103]) {
      const c = generateReceivables(seed, { customers: 300 });
      const f = cashForecast({ grid: c.grid, invoices: c.invoices, bills: [], history: c.history, iterations: 10 });
      f.receivedBy.forEach((cum, i) =>
        cum.forEach((p, t) => {
          const paid = c.paidOn[i];
          pairs.push({ p, hit: paid !== null && paid <= c.grid.ends[t] ? 1 : 0, period: t });
        }),
      );
    }
    expect(pairs.length).toBeGreaterThan(13 * 2000);
    const gap = (subset: typeof pairs): number => Math.abs(subset.reduce((s, x) => s + x.p - x.hit, 0) / subset.length);
    for (let t = 0; t < 13; t++) expect(gap(pairs.filter((x) => x.period === t))).toBeLessThan(0.03);
    for (let b = 0; b < 10; b++) {
      const bin = pairs.filter((x) => Math.min(9, Math.floor(x.p * 10)) === b);
      if (bin.length >= 500) expect(gap(bin)).toBeLessThan(0.03);
    }
  });

  const small = {
    grid: { asOf: 100, ends: [107, 114, 121] },
    invoices: [
      { customer: 'A', amount: 1000, due: 105 },
      { customer: 'B', amount: 500, due: 90 },
    ],
    bills: [
      { supplier: 'S', amount: 300, due: 95 }, // overdue: period 1
      { supplier: 'T', amount: 200, due: 115 }, // (114, 121]: period 3
      { supplier: 'U', amount: 999, due: 200 }, // after the horizon
    ],
    history: [
      { customer: 'A', due: 50, paid: 52 },
      { customer: 'A', due: 60, paid: 70 },
      { customer: 'B', due: 50, paid: 65 },
      { customer: 'B', due: 70, paid: null },
    ],
    otherFlows: [{ name: 'payroll', kind: 'committed' as const, values: [-50, -50, -50] }],
  };

  it('keeps committed flows apart and adds up: net = committed + receipts + forecast', () => {
    const f = cashForecast({ ...small, iterations: 4000, seed: 3 });
    expect(f.periods.map((p) => p.committed)).toEqual([-350, -50, -250]);
    f.periods.forEach((p) => expect(p.net).toBeCloseTo(p.committed + p.receipts + p.forecast, 9));
    const expectedTotal = 1500 - f.badDebt - f.receiptsLater;
    expect(f.periods.reduce((s, p) => s + p.receipts, 0)).toBeCloseTo(expectedTotal, 9);
    f.periods.forEach((p, t) => {
      const mean = f.trials.reduce((s, row) => s + row[t], 0) / f.trials.length;
      expect(Math.abs(mean - p.net)).toBeLessThan(40); // ≤ 4 standard errors of 4,000 trials on amounts ≤ 1,500
      expect(p.p5).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p95);
    });
    expect(f.trials).toHaveLength(4000);
    expect(cashForecast({ ...small, iterations: 50, seed: 3 }).trials).toEqual(
      cashForecast({ ...small, iterations: 50, seed: 3 }).trials,
    );
  });

  it('says which row is wrong', () => {
    const noDue = { ...small, bills: [{ supplier: 'S', amount: 1, due: undefined as unknown as number }] };
    expect(() => cashForecast(noDue)).toThrow(/bills row 1 has no due date/);
    const negative = { ...small, invoices: [{ customer: 'A', amount: -1, due: 100 }] };
    expect(() => cashForecast(negative)).toThrow(/invoices row 1 amount must not be negative/);
    expect(() => cashForecast({ ...small, history: [{ customer: 'A', due: 1, paid: null }] })).toThrow(
      /at least one paid invoice/,
    );
    expect(() => cashForecast({ ...small, iterations: 5 })).toThrow(/iterations/);
  });
});
