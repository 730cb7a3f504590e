/** Small job handlers for the protocol's tests: each exercises one path of a runner. */
import { FpaError } from '../../src/errors';
import type { JobHandlers } from '../../src/jobs/protocol';

export type TestJobs = {
  double: { payload: number; result: number };
  fail: { payload: string; result: never };
  crash: { payload: null; result: never };
  /** Counts to `to` in blocks, yielding between blocks; stops when cancelled. */
  count: { payload: { to: number; block: number }; result: { counted: number; blocks: number } };
  /** A column of n values, moved rather than copied. */
  column: { payload: { n: number }; result: { values: Float64Array } };
  /** The sum of the block's slice of a deterministic sequence (for block-splitting tests). */
  blockSum: { payload: { from: number; to: number }; result: number };
};

export const cancelledByTest = (): FpaError =>
  new FpaError('TEST_CANCELLED', 'input', 'The count was cancelled.', 'Count again.');

/** The error the `fail` job throws: one with every field set. */
export const badField = (field: string): FpaError =>
  new FpaError('TEST_BAD', 'missing', `${field} is wrong.`, `Fix ${field}.`, {
    field,
    period: 3,
    data: { needed: 4, given: 2 },
  });

export const testHandlers: JobHandlers<TestJobs> = {
  double: (n) => 2 * n,
  fail: (field) => {
    throw badField(field);
  },
  crash: () => {
    throw new TypeError('boom');
  },
  count: async ({ to, block }, context) => {
    let counted = 0;
    let blocks = 0;
    while (counted < to) {
      if (context.signal.aborted) throw cancelledByTest();
      counted = Math.min(to, counted + block);
      blocks++;
      context.progress(counted, to);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return { counted, blocks };
  },
  column: ({ n }, context) => {
    const values = Float64Array.from({ length: n }, (_, i) => i / 2);
    context.transfer([values.buffer]);
    return { values };
  },
  blockSum: ({ from, to }) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += Math.sin(i) / (i + 1);
    return sum;
  },
};
