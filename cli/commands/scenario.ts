/**
 * `openfpa scenario <spec.json> [--out result.json] [--workers N]`: runs a Monte Carlo scenario spec
 * (see docs/scenario.md and ../shared/bench/mc-standard.md) and writes the result JSON to --out or
 * stdout. The blocks of a large run go to this thread and to worker threads through the job protocol
 * and are merged in block order, so the result is the same for any --workers. Progress goes to stderr. Exit codes: 0 success,
 * 1 unreadable or invalid spec, 2 bad command line.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename } from 'node:path';
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, UsageError, valueOption } from '../args';
import { runCommand, startWork, warnUnknownFields, writeResult } from '../command';
import { isFpaError } from '../../src/errors';
import { cliHelperPool } from '../jobs';
import { blockHelpers, runScenarioOnBlocks, TRIALS_PER_HELPER } from '../../src/scenario/parallel';
import type { ScenarioResult } from '../../src/scenario/run';
import { sipmath3Library } from '../../src/scenario/sipmath/library';
import { runVariables, withPassThrough } from '../../src/scenario/sipmath/run-library';
import { prepareScenario, ScenarioSpec } from '../../src/scenario/spec';

/** The spec's fields (ScenarioSpec, plus the name the shared standard model carries); others get a warning. */
const SPEC_FIELDS = [
  'drivers',
  'correlation',
  'model',
  'iterations',
  'seed',
  'sampling',
  'percentiles',
  'varLevel',
  'thresholds',
  'blockSize',
  'convergence',
  'sensitivity',
  'sips',
  'name',
];

const USAGE = `usage: openfpa scenario <spec.json> [--out result.json] [--workers N] [--sipmath library.json] [--quiet]

Runs the drivers/correlation/model spec with Latin Hypercube (or Monte Carlo) sampling and
Iman–Conover rank correlation, and prints statistics per output as JSON.
Spec keys: drivers, correlation, model, iterations, seed, sampling, percentiles, varLevel,
thresholds, blockSize, convergence, sensitivity, sips, name (see docs/scenario.md).
  --out FILE      write the JSON result there instead of stdout (also -o FILE)
  --workers N     threads for the blocks, this one included (default: number of cores, at most 8;
                  fewer for a run too small to pay for starting them); the result is identical
                  for any N
  --sipmath F     also write the drivers and outputs as a SIPmath 3.0 library (metalog SIPs, HDR
                  generators, Gaussian copula) to F
  --quiet         no progress on stderr (also -q)`;

export interface Args {
  out?: string;
  sipmath?: string;
  quiet: boolean;
  workers: number;
}

const cores = (): number =>
  Math.min(
    Math.max(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length, 1),
    8,
  );

/** The scenario command's line (exported for the parser's tests, which check its spellings and messages). */
export const SCENARIO_LINE = commandLine<Args>({
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
    valueOption(['--sipmath'], (o, v) => (o.sipmath = v), {
      inline: true,
      nonEmpty: true,
      missing: '--sipmath needs a file name',
    }),
    flagOption(['--quiet', '-q'], (o) => (o.quiet = true)),
  ],
});

/** A finished run: the result, and with `withTrials` every output's trial column. */
export interface SpecRun {
  result: ScenarioResult;
  trials: Record<string, Float64Array>;
}

/**
 * Runs the spec on at most `workers` threads, this one included: a run too small to pay for starting
 * workers (`blockHelpers`) runs here alone; a larger one spreads its blocks over this thread and
 * `blockHelpers(…)` worker threads. The result is the same either way. Reports progress.
 * @param trialsPerHelper trials that justify one more thread (tests lower it to run small specs on workers)
 */
export async function runScenarioSpecWithTrials(
  spec: ScenarioSpec,
  workers: number,
  onProgress: (done: number, total: number) => void,
  withTrials = false,
  trialsPerHelper = TRIALS_PER_HELPER,
): Promise<SpecRun> {
  const plan = prepareScenario(spec);
  const pool = cliHelperPool(blockHelpers(plan.iterations, plan.blockSize, workers, trialsPerHelper));
  try {
    if (pool.workers === 0) {
      const job = await pool.run(
        'scenario.run',
        { spec, trials: withTrials ? '*' : [] },
        { onProgress: ({ done, total }) => onProgress(done, total) },
      );
      return { result: job.result, trials: job.trials };
    }
    const run = await runScenarioOnBlocks(spec, (job, signal) => pool.run('scenario.block', job, { signal }), {
      concurrency: 2 * pool.workers,
      runHere: true,
      onProgress: ({ done, total }) => onProgress(done, total),
    });
    const outputs = run.plan.program.outputs;
    const trials = withTrials ? Object.fromEntries(outputs.map((o, i) => [o, run.simulation.outputColumns[i]])) : {};
    return { result: run.result, trials };
  } finally {
    pool.close();
  }
}

/** The result alone (what the benchmark measures). */
export async function runScenarioSpec(
  spec: ScenarioSpec,
  workers: number,
  onProgress: (done: number, total: number) => void,
): Promise<ScenarioResult> {
  return (await runScenarioSpecWithTrials(spec, workers, onProgress)).result;
}

/**
 * Runs the spec with every driver and SIP passed through as an extra output (so its trials come
 * back in trial order, the same trials the model saw), writes the SIPmath 3.0 library of inputs and
 * model outputs to `file`, and returns the run's result without the pass-through outputs.
 */
async function runWithSipmath(
  spec: ScenarioSpec,
  workers: number,
  file: string,
  onProgress: (done: number, total: number) => void,
): Promise<ScenarioResult> {
  const extended = withPassThrough(spec);
  const { result, trials } = await runScenarioSpecWithTrials(extended.spec, workers, onProgress, true);
  for (const { output } of extended.inputs) {
    delete result.outputs[output];
    delete result.sensitivity?.[output];
  }
  const library = sipmath3Library(runVariables(extended.inputs, Object.keys(result.outputs), trials), {
    name: basename(file).replace(/\.json$/i, ''),
    provenance: `openfpa scenario (seed ${spec.seed ?? 1}, ${result.trials ?? spec.iterations ?? 10000} trials)`,
    dateCreated: new Date().toISOString().slice(0, 10),
  });
  writeFileSync(file, JSON.stringify(library, null, 2) + '\n');
  return result;
}

export function run(args: string[]): Promise<number> {
  return runCommand('scenario', USAGE, SCENARIO_LINE, args, async (parsed) => {
    const clock = startWork();
    let spec: ScenarioSpec;
    try {
      spec = readJsonObject(parsed.file) as unknown as ScenarioSpec;
      warnUnknownFields('scenario', parsed.file, spec, SPEC_FIELDS);
    } catch (error) {
      process.stderr.write(`openfpa scenario: ${(error as Error).message}\n`);
      return 1;
    }
    try {
      const onProgress = (done: number, total: number): void => {
        if (!parsed.quiet && done < total) process.stderr.write(`scenario: ${done} / ${total} trials\n`);
      };
      const result = parsed.sipmath
        ? await runWithSipmath(spec, parsed.workers, parsed.sipmath, onProgress)
        : await runScenarioSpec(spec, parsed.workers, onProgress);
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
