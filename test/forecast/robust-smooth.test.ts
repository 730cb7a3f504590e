import {
  centredSeasonAverage,
  clampedRunningMedian,
  endRuleRunningMedian,
  hanning,
  leaveOneOutTrend,
  localSeasonal,
  seasonalMedians,
  smooth53,
} from '../../src/forecast/robust-smooth';

const arr = (x: Float64Array): number[] => Array.from(x);

test('running medians: JSDoc examples, ends, short input', () => {
  expect(arr(clampedRunningMedian([5, 1, 9, 2, 8], 3))).toEqual([5, 5, 2, 8, 8]);
  expect(arr(clampedRunningMedian([3, 1], 5))).toEqual([2, 2]);
  expect(arr(endRuleRunningMedian([1, 2, 30, 4, 5], 3))).toEqual([1, 2, 4, 5, 5]);
  expect(arr(endRuleRunningMedian([4, 9], 5))).toEqual([4, 9]);
  expect(arr(endRuleRunningMedian([], 5))).toEqual([]);
  expect(arr(smooth53([1, 1, 1, 50, 1, 1, 1]))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  // A lone spike at the end is smoothed away; a step passes through unchanged.
  expect(arr(smooth53([1, 2, 3, 4, 5, 6, 60]))).toEqual([1, 2, 3, 4, 5, 6, 8]);
  expect(arr(smooth53([0, 0, 0, 0, 9, 9, 9, 9]))).toEqual([0, 0, 0, 0, 9, 9, 9, 9]);
  expect(arr(hanning([0, 4, 0, 4]))).toEqual([0, 2, 2, 4]);
});

test('seasonal figures: medians per position, local and leave-one-out', () => {
  expect(arr(seasonalMedians([-1, 1, -1, 1, -1, 9], 2))).toEqual([-1, 1]);
  expect(arr(centredSeasonAverage([1, 3, 1, 3, 1, 3], 2))).toEqual([2, 2, 2, 2, 2, 2]);
  expect(arr(centredSeasonAverage([1, 2], 4))).toEqual([1.5, 1.5]);
  expect(arr(localSeasonal([1, -1, 3, -1, 5, -1], 2, 5, true))).toEqual([4, -1, 3, -1, 2, -1]);
  expect(arr(localSeasonal([1, -1, 3, -1, 5, -1], 2, 5, false))).toEqual([3, -1, 3, -1, 3, -1]);
  // Window of 2k + 1 = 3 cycles: the pattern may drift.
  expect(arr(localSeasonal([0, 1, 2, 3, 4, 5, 6], 1, 1, false))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  expect(arr(localSeasonal([NaN, 2], 1, 1, true))).toEqual([2, 0]);
});

test('leave-one-out trend ignores the value itself and follows a straight line to the ends', () => {
  expect(leaveOneOutTrend([1, 2, 3, 40, 5, 6, 7], 2)[3]).toBe(4);
  const line = Array.from({ length: 12 }, (_, t) => 5 + 2 * t);
  leaveOneOutTrend(line, 3).forEach((v, t) => expect(v).toBeCloseTo(line[t], 12));
  expect(arr(leaveOneOutTrend([7], 3))).toEqual([7]);
});
