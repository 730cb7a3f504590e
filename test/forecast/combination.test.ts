import { combineForecasts, floorAtZero } from '../../src/forecast/combination';

const member = (name: string, c: number, w: number) => ({
  name,
  mean: Float64Array.of(c, c),
  lower: [Float64Array.of(c - w, c - 2 * w)],
  upper: [Float64Array.of(c + w, c + 2 * w)],
});

test('equal weights average means and bounds', () => {
  const r = combineForecasts([member('a', 10, 1), member('b', 20, 3)]);
  expect(Array.from(r.mean)).toEqual([15, 15]);
  expect(Array.from(r.lower[0])).toEqual([13, 11]);
  expect(Array.from(r.upper[0])).toEqual([17, 19]);
  expect(r.name).toBe('a+b');
});

test('weights are normalised and zero weights ignored', () => {
  const r = combineForecasts([member('a', 10, 1), member('b', 20, 3), member('c', 1e9, 1)], [3, 1, 0]);
  expect(r.mean[0]).toBeCloseTo(12.5, 12);
});

test('the median rule takes the middle member at each step, bounds too, and skips zero weights', () => {
  const r = combineForecasts([member('a', 10, 1), member('b', 20, 3), member('c', 1e9, 1)], undefined, 'median');
  expect(Array.from(r.mean)).toEqual([20, 20]);
  expect(Array.from(r.lower[0])).toEqual([17, 14]);
  expect(Array.from(r.upper[0])).toEqual([23, 26]);
  // Two members left: the median is their mean.
  const two = combineForecasts([member('a', 10, 1), member('b', 20, 3), member('c', 1e9, 1)], [1, 1, 0], 'median');
  expect(Array.from(two.mean)).toEqual([15, 15]);
  // The 80% interval stays inside the 95% one when every member's does.
  const nested = (c: number, w: number) => ({
    ...member('x', c, w),
    lower: [Float64Array.of(c - w), Float64Array.of(c - 2 * w)],
    upper: [Float64Array.of(c + w), Float64Array.of(c + 2 * w)],
    mean: Float64Array.of(c),
  });
  const m = combineForecasts([nested(1, 5), nested(2, 1), nested(3, 2)], undefined, 'median');
  expect(m.lower[1][0]).toBeLessThanOrEqual(m.lower[0][0]);
  expect(m.upper[1][0]).toBeGreaterThanOrEqual(m.upper[0][0]);
});

describe('floorAtZero', () => {
  test('raises the mean and every bound below 0 to 0 and leaves the rest', () => {
    const f = floorAtZero({
      name: 'a',
      mean: Float64Array.of(-2, 3),
      lower: [Float64Array.of(-5, 1), Float64Array.of(-9, -1)],
      upper: [Float64Array.of(1, 5), Float64Array.of(-0.5, 7)],
    });
    expect(Array.from(f.mean)).toEqual([0, 3]);
    expect(f.lower.map((a) => Array.from(a))).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(f.upper.map((a) => Array.from(a))).toEqual([
      [1, 5],
      [0, 7],
    ]);
    expect(f.name).toBe('a');
  });

  test('returns the same object when nothing is below 0 (zero itself stays)', () => {
    const f = member('a', 5, 2);
    expect(floorAtZero(f)).toBe(f);
    const zero = { name: 'z', mean: Float64Array.of(0), lower: [Float64Array.of(0)], upper: [Float64Array.of(1)] };
    expect(floorAtZero(zero)).toBe(zero);
  });

  test('keeps the order lower ≤ mean ≤ upper and the 80% interval inside the 95% one', () => {
    const f = floorAtZero({
      name: 'n',
      mean: Float64Array.of(-1, 0.5, -1e300),
      lower: [Float64Array.of(-3, -1, -2e300), Float64Array.of(-4, -2, -3e300)],
      upper: [Float64Array.of(1, 2, -5e299), Float64Array.of(2, 3, Number.MAX_VALUE)],
    });
    for (let k = 0; k < 3; k++) {
      expect(f.lower[1][k]).toBeLessThanOrEqual(f.lower[0][k]);
      expect(f.lower[0][k]).toBeLessThanOrEqual(f.mean[k]);
      expect(f.mean[k]).toBeLessThanOrEqual(f.upper[0][k]);
      expect(f.upper[0][k]).toBeLessThanOrEqual(f.upper[1][k]);
    }
    expect(f.upper[1][2]).toBe(Number.MAX_VALUE);
  });
});
