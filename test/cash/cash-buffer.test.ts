import { BUFFER_COLUMNS, bufferRows, cashBuffer } from '../../src/cash/cash-buffer';
import { normalQuantile } from '../../src/stats/normal-quantile';

describe('cashBuffer', () => {
  it('is the (⌊αS⌋+1)-th smallest cumulative deviation, negated', () => {
    const r = cashBuffer({
      openingCash: 100,
      trials: [[10], [0], [-10], [20], [-20]],
      alpha: 0.2,
      ratePerPeriod: 0.01,
    });
    expect(r.periods[0]).toEqual({
      period: 1,
      buffer: 10,
      centralCash: 100,
      investable: 90,
      holdingCost: 0.1,
      breachProbability: 0.2,
    });
    expect(r.totalHoldingCost).toBeCloseTo(0.1, 15);
  });

  it('accumulates deviations: a trial behind stays behind', () => {
    const trials = [
      [-5, -5, -5],
      [5, 5, 5],
    ];
    const r = cashBuffer({ openingCash: 0, trials, alpha: 0.4 }); // k = 0: the worst trial
    expect(r.periods.map((p) => p.buffer)).toEqual([5, 10, 15]);
    expect(r.periods.map((p) => p.breachProbability)).toEqual([0, 0, 0]);
  });

  it('matches σ·√t·z for normal flows drawn from bounds (seeded, 200,000 trials)', () => {
    // low/mid/high of a symmetric 90% interval: σ = (high − mid)/z(0.95); cumulative deviation ~ N(0, tσ²).
    const z = normalQuantile(0.95);
    const bounds = { low: [-100, -100, -100, -100], mid: [0, 0, 0, 0], high: [100, 100, 100, 100] };
    const r = cashBuffer({ openingCash: 1000, bounds, alpha: 0.05, iterations: 200000, seed: 3 });
    r.periods.forEach((p, t) => {
      const expected = (100 / z) * Math.sqrt(t + 1) * z; // the 5% quantile of N(0, (t+1)σ²), negated
      expect(Math.abs(p.buffer - expected) / expected).toBeLessThan(0.01);
      expect(p.breachProbability).toBeLessThanOrEqual(0.05);
      expect(p.centralCash).toBe(1000);
    });
  });

  it('needs no buffer when flows are certain, and rejects bad input naming the trial', () => {
    expect(
      cashBuffer({
        openingCash: 0,
        trials: [
          [1, 2],
          [1, 2],
        ],
      }).periods.map((p) => p.buffer),
    ).toEqual([0, 0]);
    expect(() => cashBuffer({ openingCash: 0, trials: [[1, 2], [1]] })).toThrow(
      /trials row 2 has 1 periods; row 1 has 2/,
    );
    expect(() => cashBuffer({ openingCash: 0, trials: [[1, NaN]] })).toThrow(/trials row 1, period 2/);
    expect(() => cashBuffer({ openingCash: 0, trials: [[1]], alpha: 1 })).toThrow(/alpha/);
    expect(() => cashBuffer({ openingCash: 0 })).toThrow(/needs trials/);
  });
});

describe('bufferRows', () => {
  it('lays each period out in the order of BUFFER_COLUMNS', () => {
    const { periods } = cashBuffer({ openingCash: 100, trials: [[10], [0], [-10], [20], [-20]], alpha: 0.2 });
    const rows = bufferRows(periods);
    expect(rows).toHaveLength(1);
    const at = (name: (typeof BUFFER_COLUMNS)[number]) => rows[0][BUFFER_COLUMNS.indexOf(name)];
    expect(at('period')).toBe(1);
    expect(at('buffer')).toBe(10);
    expect(at('central cash')).toBe(periods[0].centralCash);
    expect(at('investable')).toBe(periods[0].investable);
    expect(at('P(breach)')).toBe(periods[0].breachProbability);
    expect(bufferRows([])).toEqual([]);
  });
});
