import { wcMetrics } from '../../src/cash/wc-metrics';

describe('wcMetrics', () => {
  it('matches the annual textbook ratios', () => {
    // Sales 1,000, receivables 100 → receivables turnover 10 → DSO 365/10 = 36.5 days.
    // COGS 600, inventory 90 → turnover 6.667 → DIO 54.75; payables 60 → turnover 10 → DPO 36.5.
    // Cash conversion cycle = 36.5 + 54.75 − 36.5 = 54.75 days.
    const m = wcMetrics({
      revenue: [1000],
      cogs: [600],
      receivables: [100],
      payables: [60],
      inventory: [90],
      daysInPeriod: 365,
    });
    expect(m.dso[0]).toBeCloseTo(36.5, 10);
    expect(m.dio[0]).toBeCloseTo(54.75, 10);
    expect(m.dpo[0]).toBeCloseTo(36.5, 10);
    expect(m.ccc[0]).toBeCloseTo(54.75, 10);
  });

  it('uses average balances as in the operating/cash cycle worked example (Ross, Westerfield & Jordan)', () => {
    // Inventory 2,000 → 3,000 (avg 2,500), receivables 1,600 → 2,000 (avg 1,800), payables 750 → 1,000
    // (avg 875); sales 11,500, COGS 8,200 for the year.
    // Inventory turnover 8,200/2,500 = 3.28 → 111.28 days; receivables turnover 11,500/1,800 = 6.389 →
    // 57.13 days; payables turnover 8,200/875 = 9.371 → 38.95 days; cash cycle 129.46 days.
    const m = wcMetrics({
      revenue: [0, 11500],
      cogs: [0, 8200],
      receivables: [1600, 2000],
      payables: [750, 1000],
      inventory: [2000, 3000],
      daysInPeriod: 365,
      balances: 'average',
    });
    expect(m.dio[1]).toBeCloseTo(111.28, 2);
    expect(m.dso[1]).toBeCloseTo(57.13, 2);
    expect(m.dpo[1]).toBeCloseTo(38.95, 2);
    expect(m.ccc[1]).toBeCloseTo(129.46, 2);
    expect(m.dso[0]).toBeNull(); // no sales in the opening period: no DSO, not Infinity
  });

  it('is period-length aware: a month of sales against the same balance gives 12× fewer… more days', () => {
    // Monthly sales 1,000/12 with receivables 100: DSO = 100 / 83.33 × 30.4167 = 36.5 days, as annual.
    const m = wcMetrics({ revenue: [1000 / 12], cogs: [50], receivables: [100], payables: [60], inventory: [90] });
    expect(m.dso[0]).toBeCloseTo(36.5, 10);
    expect(m.dpo[0]).toBeCloseTo((60 / 50) * (365 / 12), 10);
  });

  it('rejects ragged or non-finite input', () => {
    expect(() =>
      wcMetrics({ revenue: [1, 2], cogs: [1], receivables: [1, 1], payables: [1, 1], inventory: [1, 1] }),
    ).toThrow(/cogs/);
    expect(() => wcMetrics({ revenue: [NaN], cogs: [1], receivables: [1], payables: [1], inventory: [1] })).toThrow(
      /revenue period 1/,
    );
    expect(() =>
      wcMetrics({ revenue: [1], cogs: [1], receivables: [1], payables: [1], inventory: [1], daysInPeriod: 0 }),
    ).toThrow(/days_in_period/);
  });
});
