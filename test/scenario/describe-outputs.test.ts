/**
 * Describing a finished run's outputs on this thread or spread over workers: each output's
 * statistics and histogram are `describeOutput`'s and `histogram`'s whichever thread computed them,
 * and the columns moved away come back with the same values.
 */
import { describeHere, describeSpread } from '../../src/scenario/describe-outputs';
import type { DescribeJob, DescribeResult } from '../../src/scenario/describe-outputs';
import { runScenarioDetailed } from '../../src/scenario/run';
import { describeOutput } from '../../src/scenario/statistics';
import { histogram } from '../../src/stats/histogram';
import type { Histogram } from '../../src/stats/histogram';

const run = () =>
  runScenarioDetailed({
    drivers: [
      { name: 'units', distribution: 'triangular', params: { min: 80, mode: 100, max: 140 } },
      { name: 'price', distribution: 'normal', params: { mean: 12, sd: 2 } },
    ],
    model: 'revenue = units * price\ncost = 400 + 7 * units\nprofit = revenue - cost\nmargin = profit / revenue',
    iterations: 5000,
    seed: 7,
    percentiles: [5, 50, 95],
    thresholds: [0],
  });

describe('describeHere', () => {
  test('the statistics of describeOutput, the histogram when bins are asked for, the same column back', () => {
    const { plan, simulation } = run();
    const column = simulation.outputColumns[2];
    const job: DescribeJob = { name: 'profit', column, options: plan, bins: 12 };
    const answer = describeHere(job);
    expect(answer.statistics).toEqual(describeOutput('profit', column, plan));
    expect(answer.histogram).toEqual(histogram(column, 12));
    expect(answer.column).toBe(column);
    expect(describeHere({ ...job, bins: undefined }).histogram).toBeUndefined();
  });

  test('a non-finite output fails with SCENARIO_NON_FINITE', () => {
    const { plan } = run();
    expect(() => describeHere({ name: 'x', column: Float64Array.of(1, NaN), options: plan })).toThrow(
      expect.objectContaining({ code: 'SCENARIO_NON_FINITE' }),
    );
  });
});

describe('describeSpread', () => {
  /** A worker stand-in: the column moved to it and back (structured clone with transfer), answered later. */
  const remote = (sent: string[]) => (job: DescribeJob) => {
    sent.push(job.name);
    const moved = structuredClone(job, { transfer: [job.column.buffer as ArrayBuffer] });
    return new Promise<DescribeResult>((resolve) =>
      setTimeout(
        () => resolve(structuredClone(describeHere(moved), { transfer: [moved.column.buffer as ArrayBuffer] })),
        0,
      ),
    );
  };

  test.each([
    [0, []],
    [1, ['cost', 'margin']],
    [2, ['cost', 'profit']],
    [3, ['cost', 'profit', 'margin']],
  ])('with %i of every n + 1 away: the same statistics and histograms, the columns back', async (away, expected) => {
    const { plan, simulation } = run();
    const before = simulation.outputColumns.map((c) => Float64Array.from(c));
    const sent: string[] = [];
    const histograms: Record<string, Histogram> = {};
    const described = await describeSpread(remote(sent), away, 20, histograms)(plan, simulation);
    expect(sent).toEqual(expected);
    plan.program.outputs.forEach((name, i) => {
      expect(simulation.outputColumns[i]).toEqual(before[i]);
      expect(described.statistics[i]).toEqual(describeOutput(name, before[i], plan));
      expect(histograms[name]).toEqual(histogram(before[i], 20));
    });
  });
});
