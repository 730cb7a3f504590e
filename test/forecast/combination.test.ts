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
