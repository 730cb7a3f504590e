import { liquidityRisk } from '../../src/cash/liquidity-risk';

describe('liquidityRisk', () => {
  it('counts breaches and shortfalls over given trials', () => {
    // Opening 10, minimum 5. Trials' cash after period 1: 2, 8, 12, 4 → 2 breaches (P = 0.5),
    // shortfalls 3 and 1 → expected shortfall (3 + 0 + 0 + 1) / 4 = 1.
    const risk = liquidityRisk({
      openingCash: 10,
      minCash: 5,
      trials: [
        [-8, 0],
        [-2, -4],
        [2, 0],
        [-6, 10],
      ],
    });
    expect(risk.breachProbability).toEqual([0.5, 0.5]);
    expect(risk.expectedShortfall[0]).toBeCloseTo(1, 12);
    // Period 2 cash: 2, 4, 12, 14 → short 3 and 1 again.
    expect(risk.expectedShortfall[1]).toBeCloseTo(1, 12);
    expect(risk.firstLikelyBreach).toBe(1);
    expect(risk.firstPossibleBreach).toBe(1);
  });

  it('reports cash percentiles by the one definition (R type 7 = Excel PERCENTILE.INC)', () => {
    // Cash after period 1 is 1, 2, …, 20 (given in shuffled order).
    // R: quantile(1:20, c(.05, .5, .95)) = 1.95, 10.5, 19.05; Excel: PERCENTILE.INC(1..20, 0.05) = 1.95
    const trials = Array.from({ length: 20 }, (_, i) => [((i * 7) % 20) + 1]);
    const risk = liquidityRisk({ openingCash: 0, minCash: 0, trials });
    expect(risk.p5[0]).toBeCloseTo(1.95, 12);
    expect(risk.p50[0]).toBe(10.5);
    expect(risk.p95[0]).toBeCloseTo(19.05, 12);
  });

  it('samples from low/mid/high bounds: symmetric bounds give P(breach) ≈ Φ(−z) at the bound', () => {
    // One period, mid 0, bounds ±1.645 (a 90% interval of N(0, 1)); opening 0 and minimum −1.645
    // → P(cash < −1.645) ≈ 5%. Expected shortfall of N(0,1) below −1.645: φ(1.645) − 1.645·0.05 ≈ 0.0209.
    const risk = liquidityRisk({
      openingCash: 0,
      minCash: -1.6449,
      bounds: { low: [-1.6449], mid: [0], high: [1.6449] },
      iterations: 20000,
      seed: 3,
    });
    expect(risk.breachProbability[0]).toBeGreaterThan(0.04);
    expect(risk.breachProbability[0]).toBeLessThan(0.06);
    expect(risk.expectedShortfall[0]).toBeCloseTo(0.0209, 2);
    expect(risk.p50[0]).toBeCloseTo(0, 1);
  });

  it('is deterministic for a seed and rejects malformed input', () => {
    const input = {
      openingCash: 100,
      minCash: 90,
      bounds: { low: [-30, -30], mid: [0, 0], high: [20, 20] },
      iterations: 500,
      seed: 9,
    };
    expect(liquidityRisk(input)).toEqual(liquidityRisk(input));
    expect(() => liquidityRisk({ openingCash: 0, minCash: 0 })).toThrow(/trials or low\/mid\/high/);
    expect(() => liquidityRisk({ openingCash: 0, minCash: 0, trials: [[1, 2], [1]] })).toThrow(
      /same number of periods/,
    );
    expect(() => liquidityRisk({ openingCash: 0, minCash: 0, bounds: { low: [2], mid: [1], high: [3] } })).toThrow(
      /low ≤ mid ≤ high/,
    );
  });
});
