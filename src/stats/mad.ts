import { median } from './median';

/**
 * Consistency constant of the MAD: 1/Φ⁻¹(¾) rounded as R's `mad()` has it, so that the MAD of
 * normal data estimates its standard deviation.
 */
export const MAD_TO_SD = 1.4826;

/**
 * Median absolute deviation from the median, scaled by 1.4826 as R's `mad()`: a robust estimate of
 * σ that one wild value cannot move. Non-finite values are skipped; NaN when there are none.
 * @example mad([1, 2, 3, 4, 100]) // 1.4826 (R: mad(c(1, 2, 3, 4, 100)))
 * @example mad([5, 5, 5]) // 0
 */
export function mad(values: ArrayLike<number>): number {
  const m = median(values);
  const deviations: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) deviations.push(Math.abs(values[i] - m));
  return MAD_TO_SD * median(deviations);
}
