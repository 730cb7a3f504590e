/** Builders the allocation tests share (test/allocation, and test/loop where the loop allocates). */
import type { AllocationLine, ReturnSegment } from '../../src/allocation/types';

/** A budget line of cost centre CC1 holding `current`, with any other field given in `extra`. */
export const line = (id: string, current: number, extra: Partial<AllocationLine> = {}): AllocationLine => ({
  id,
  costCentre: 'CC1',
  current,
  ...extra,
});

/** Diminishing returns: `rate` a unit up to `upTo`, then `above` a unit beyond it. */
export const kinked = (upTo: number, rate: number, above: number): ReturnSegment[] => [
  { upTo, rate },
  { upTo: Infinity, rate: above },
];
