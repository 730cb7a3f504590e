/**
 * `openfpa scenario <spec.json> [--out result.json] [--workers N]`: runs a Monte Carlo scenario spec
 * (see docs/scenario.md and ../shared/bench/mc-standard.md) and writes the result JSON to --out or
 * stdout. The blocks of the run go to worker threads through the job protocol and are merged in block
 * order, so the result is the same for any --workers. Progress goes to stderr. Exit codes: 0 success,
 * 1 unreadable or invalid spec, 2 bad command line.
 */
import os from 'node:os';
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, UsageError, valueOption } from '../args';
import { runCommand, startWork, writeResult } from '../command';
import { isFpaError } from '../../src/errors';
import { cliJobPool } from '../jobs';
import { blockLayout } from '../../src/scenario/block';
import { runScenarioOnBlocks } from '../../src/scenario/parallel';
import type { ScenarioResult } from '../../src/scenario/run';
import { prepareScenario, ScenarioSpec } from '../../src/scenario/spec';

const USAGE = `usage: openfpa scenario <spec.json> [--out result.json] [--workers N] [--quiet]

Runs the drivers/correlation/model spec with Latin Hypercube (or Monte Carlo) sampling and
Iman–Conover rank correlation, and prints statistics per output as JSON.
Spec keys: drivers, correlation, model, iterations, seed, sampling, percentiles, varLevel,
thresholds, blockSize, convergence, sensitivity (see docs/scenario.md).
  --workers N     worker threads for the blocks (default: number of cores, at most 8); the result
                  is identical for any N`;

interface Args {
  out?: string;
  quiet: boolean;
  workers: number;
}

const cores = (): number =>
  Math.min(
    Math.max(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length, 1),
    8,
  );

const SCENARIO_LINE = commandLine<Args>({
  defaults: () => ({ quiet: false, workers: cores() }),
  file: { missing: 'give the spec file', unexpected: (word) => `unexpected argument ${word}` },
  help: 'anywhere',
  optionPrefix: '-',
  options: [
    valueOption(['--out', '-o'], (o, v) => (o.out = v), {
      inline: true,
      nonEmpty: true,
      missing: '--out needs a file name',
    }),
    valueOption(
      ['--workers'],
      (o, v) => {
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64)
          throw new UsageError(`--workers must be a whole number from 1 to 64, got "${v}"`);
        o.workers = Number(v);
      },
      { inline: true, missing: '--workers needs a number' },
    ),
    flagOption(['--quiet', '-q'], (o) => (o.quiet = true)),
  ],
});

/**
 * Runs the spec on `workers` worker threads (this thread when one is asked for or the run is one
 * block), reporting progress.
 */
export async function runScenarioSpec(
  spec: ScenarioSpec,
  workers: number,
  onProgress: (done: number, total: number) => void,
): Promise<ScenarioResult> {
  const plan = prepareScenario(spec);
  const blocks = blockLayout(plan.iterations, plan.blockSize).length;
  const pool = cliJobPool(Math.min(workers, blocks));
  try {
    if (pool.workers === 0) {
      const job = await pool.run(
        'scenario.run',
        { spec },
        { onProgress: ({ done, total }) => onProgress(done, total) },
      );
      return job.result;
    }
    const run = await runScenarioOnBlocks(spec, (job, signal) => pool.run('scenario.block', job, { signal }), {
      concurrency: 2 * pool.workers,
      onProgress: ({ done, total }) => onProgress(done, total),
    });
    return run.result;
  } finally {
    pool.close();
  }
}

export function run(args: string[]): Promise<number> {
  return runCommand('scenario', USAGE, SCENARIO_LINE, args, async (parsed) => {
    const clock = startWork();
    let spec: ScenarioSpec;
    try {
      spec = readJsonObject(parsed.file) as unknown as ScenarioSpec;
    } catch (error) {
      process.stderr.write(`openfpa scenario: ${(error as Error).message}\n`);
      return 1;
    }
    try {
      const result = await runScenarioSpec(spec, parsed.workers, (done, total) => {
        if (!parsed.quiet && done < total) process.stderr.write(`scenario: ${done} / ${total} trials\n`);
      });
      for (const w of result.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
      writeResult(JSON.stringify(result, null, 2) + '\n', parsed.out);
      if (!parsed.quiet) {
        process.stderr.write(
          `scenario: ${Object.keys(result.outputs).length} outputs in ${result.timings.totalMs.toFixed(0)} ms\n`,
        );
        process.stderr.write(clock.report('scenario'));
      }
      return 0;
    } catch (error) {
      if (isFpaError(error)) {
        process.stderr.write(`openfpa scenario: ${error.fullMessage}\n`);
        return 1;
      }
      throw error;
    }
  });
}
