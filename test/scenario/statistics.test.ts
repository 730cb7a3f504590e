import { describeOutput } from '../../src/scenario/statistics';

describe('describeOutput', () => {
  const x = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  const s = describeOutput('x', x, { percentiles: [5, 50, 95], thresholds: [10.5, 0] });
  test('mean, sd (n − 1), se, min, max', () => {
    // R: mean(1:100) = 50.5; sd(1:100) = 29.011491975882016
    expect(s.mean).toBe(50.5);
    expect(s.sd).toBeCloseTo(29.011491975882016, 12);
    expect(s.se).toBeCloseTo(2.9011491975882016, 12);
    expect([s.min, s.max]).toEqual([1, 100]);
  });
  test('VaR95 = mean − P5 and CVaR95 = mean − mean of trials ≤ P5 (mc-standard.md)', () => {
    // P5 = quantile(1:100, .05) = 5.95; trials ≤ 5.95 are 1..5, mean 3
    expect(s.percentiles['5']).toBeCloseTo(5.95, 12);
    expect(s.var95).toBeCloseTo(50.5 - 5.95, 12);
    expect(s.cvar95).toBeCloseTo(47.5, 12);
  });
  test('P(output < threshold) and P(output > threshold)', () => {
    expect(s.probBelow).toEqual({ '10.5': 0.1, '0': 0 });
    expect(s.probAbove).toEqual({ '10.5': 0.9, '0': 1 });
  });
  test('a trial equal to the threshold is neither below nor above it', () => {
    const t = describeOutput('y', Float64Array.of(1, 2, 2, 3), { percentiles: [], thresholds: [2, 5] });
    expect(t.probBelow).toEqual({ '2': 0.25, '5': 1 });
    expect(t.probAbove).toEqual({ '2': 0.25, '5': 0 });
  });
  test('another VaR level changes the keys', () => {
    const t = describeOutput('x', x, { percentiles: [], varLevel: 90 });
    expect(t.var90).toBeCloseTo(50.5 - 10.9, 12);
    expect(t.percentiles).toEqual({});
  });
  test('non-finite trials are an input error naming the output and the count', () => {
    expect(() => describeOutput('margin', Float64Array.of(1, NaN, Infinity), { percentiles: [50] })).toThrow(
      'Output "margin" is not a finite number in 2 of 3 trials',
    );
  });
  test('trials near the largest number: sd, se and CVaR stay finite (exact power-of-two scaling)', () => {
    // 1..100 times 1e306: the sum (5e309) and the squares overflowed, sd and CVaR were Infinity (null in JSON).
    const big = describeOutput(
      'big',
      x.map((v) => v * 1e306),
      { percentiles: [5, 50, 95] },
    );
    expect(big.mean / 1e306).toBeCloseTo(50.5, 10);
    expect(big.sd / 1e306).toBeCloseTo(29.011491975882016, 10);
    expect(big.se / 1e306).toBeCloseTo(2.9011491975882016, 10);
    expect(big.cvar95 / 1e306).toBeCloseTo(47.5, 10);
    expect(big.var95 / 1e306).toBeCloseTo(50.5 - 5.95, 10);
    // 1e150 squared is 1e300; 100 of them still fit, but the scaled path must give the same figures.
    const mid = describeOutput(
      'mid',
      x.map((v) => v * 1e150),
      { percentiles: [50] },
    );
    expect(mid.sd / 1e150).toBeCloseTo(29.011491975882016, 10);
  });
});
