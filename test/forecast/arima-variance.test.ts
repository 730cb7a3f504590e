import { invert } from '../../src/forecast/arima-variance';

describe('invert (R solve() with its singularity test)', () => {
  test('inverts a 2 × 2 matrix', () => {
    const inv = invert(Float64Array.of(4, 7, 2, 6), 2)!;
    const expected = [0.6, -0.7, -0.2, 0.4];
    inv.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 14));
  });

  test('singular or nearly singular: undefined', () => {
    expect(invert(Float64Array.of(1, 2, 2, 4), 2)).toBeUndefined();
    expect(invert(Float64Array.of(1, 1, 1, 1 + 1e-17), 2)).toBeUndefined();
    expect(invert(Float64Array.of(NaN), 1)).toBeUndefined();
    expect(invert(new Float64Array(0), 0)).toBeDefined();
  });
});
