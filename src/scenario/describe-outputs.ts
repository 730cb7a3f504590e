/**
 * A finished run's outputs described (statistics and histogram) on this thread or spread over
 * workers: the `scenario.describe` job of src/scenario/jobs.ts. Each output's numbers are
 * `describeOutput`'s and `histogram`'s wherever it ran, so a spread run has the same bits as a run
 * on one thread.
 */
import type { Histogram } from '../stats/histogram';
import { histogram } from '../stats/histogram';
import type { DescribeOutputs } from './parallel';
import { describeOutput } from './statistics';
import type { OutputStatistics, StatisticsOptions } from './statistics';

/** One output of a finished run to describe: its trials and the run's statistics options. */
export interface DescribeJob {
  name: string;
  column: Float64Array;
  options: StatisticsOptions;
  /** Bins of its histogram too. None when left out. */
  bins?: number;
}

export interface DescribeResult {
  statistics: OutputStatistics;
  histogram?: Histogram;
  /** The column, moved back. */
  column: Float64Array;
}

/** Describes one output on this thread (what a block worker does with a `scenario.describe` job). */
export function describeHere(job: DescribeJob, scratch?: Float64Array): DescribeResult {
  const statistics = describeOutput(job.name, job.column, job.options, scratch);
  const answer: DescribeResult = { statistics, column: job.column };
  if (job.bins !== undefined) answer.histogram = histogram(job.column, job.bins);
  return answer;
}

/** Describes one output somewhere (a worker of a job pool), moving its column there and back. */
export type RunDescribe = (job: DescribeJob) => Promise<DescribeResult>;

/**
 * Statistics (and histograms, into `histograms`) of a finished run's outputs, `away` of every
 * `away + 1` outputs on `elsewhere` and the rest on this thread at the same time. Each output's
 * numbers are `describeOutput`'s wherever it ran.
 */
export function describeSpread(
  elsewhere: RunDescribe,
  away: number,
  bins: number | undefined,
  histograms: Record<string, Histogram>,
): DescribeOutputs {
  return async (plan, simulation) => {
    const startedAt = globalThis.performance.now();
    const options: StatisticsOptions = {
      percentiles: plan.percentiles,
      varLevel: plan.varLevel,
      thresholds: plan.thresholds,
    };
    const columns = simulation.outputColumns;
    const jobs = plan.program.outputs.map((name, i): DescribeJob => ({ name, column: columns[i], options, bins }));
    // Sent first, so the workers start while this thread describes its share.
    const remote = jobs.map((job, i) => (i % (away + 1) !== 0 ? elsewhere(job) : null));
    const scratch = new Float64Array(simulation.trials);
    const local = jobs.map((job, i) => (remote[i] ? null : describeHere(job, scratch)));
    const answers = await Promise.all(remote.map((r, i) => r ?? Promise.resolve(local[i]!)));
    answers.forEach((answer, i) => {
      columns[i] = answer.column;
      if (answer.histogram) histograms[plan.program.outputs[i]] = answer.histogram;
    });
    return { statistics: answers.map((a) => a.statistics), startedAt };
  };
}

/** Where a spread run describes its outputs: `run` on the workers, `workers` of them beside this thread. */
export interface DescribeElsewhere {
  run: RunDescribe;
  workers: number;
}
