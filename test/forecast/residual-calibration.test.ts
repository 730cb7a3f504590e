import { rescaleIntervals, residualQuantileFactors } from '../../src/forecast/residual-calibration';
import { normalQuantile } from '../../src/stats/normal-quantile';

test('normal scores give factors close to 1', () => {
  const n = 2000;
  const z = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
  const f = residualQuantileFactors(z, [80, 95]);
  expect(f[0]).toBeCloseTo(1, 2);
  expect(f[1]).toBeCloseTo(1, 2);
});

test('heavy tails narrow the 80% and widen the 95% level', () => {
  // 45 residuals of ±1 and 5 of ±5: rms = sqrt((45 + 125)/50); most mass near the centre.
  const e = Float64Array.from({ length: 50 }, (_, i) => (i < 45 ? 1 : 5) * (i % 2 ? 1 : -1));
  const [f80, f95] = residualQuantileFactors(e, [80, 95]);
  expect(f80).toBeLessThan(1);
  expect(f95).toBeGreaterThan(1);
});

test('too few or zero residuals leave the intervals alone', () => {
  expect(residualQuantileFactors(Float64Array.of(1, -1, 2), [80, 95])).toEqual([1, 1]);
  expect(residualQuantileFactors(new Float64Array(30), [80])).toEqual([1]);
});

test('rescaling keeps asymmetry and nesting', () => {
  const f = {
    name: 'x',
    mean: Float64Array.of(10),
    lower: [Float64Array.of(8), Float64Array.of(6)],
    upper: [Float64Array.of(13), Float64Array.of(16)],
  };
  const r = rescaleIntervals(f, [80, 95], [0.5, 2]);
  expect(Array.from(r.lower[0])).toEqual([9]);
  expect(Array.from(r.upper[0])).toEqual([11.5]);
  expect(Array.from(r.lower[1])).toEqual([2]);
  expect(Array.from(r.upper[1])).toEqual([22]);
  const clamp = rescaleIntervals(f, [80, 95], [3, 0.1]);
  expect(clamp.lower[0][0]).toBeGreaterThanOrEqual(clamp.lower[1][0]);
  expect(clamp.upper[0][0]).toBeLessThanOrEqual(clamp.upper[1][0]);
});
