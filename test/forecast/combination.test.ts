import { combineForecasts } from '../../src/forecast/combination';

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
