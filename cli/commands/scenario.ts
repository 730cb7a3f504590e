/**
 * `openfpa scenario <spec.json> [--out result.json]`: runs a Monte Carlo scenario spec (see
 * docs/scenario.md and ../shared/bench/mc-standard.md) and writes the result JSON to --out or stdout.
 * Progress goes to stderr. Exit codes: 0 success, 1 unreadable or invalid spec, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, valueOption } from '../args';
import { runCommand, startWork, writeResult } from '../command';
import { isFpaError } from '../../src/errors';
import { cliJobPool } from '../jobs';
import { ScenarioSpec } from '../../src/scenario/spec';

const USAGE = `usage: openfpa scenario <spec.json> [--out result.json] [--quiet]

Runs the drivers/correlation/model spec with Latin Hypercube (or Monte Carlo) sampling and
Iman–Conover rank correlation, and prints statistics per output as JSON.
Spec keys: drivers, correlation, model, iterations, seed, sampling, percentiles, varLevel,
thresholds, blockSize, convergence, sensitivity (see docs/scenario.md).`;

interface Args {
  out?: string;
  quiet: boolean;
}

const SCENARIO_LINE = commandLine<Args>({
  defaults: () => ({ quiet: false }),
  file: { missing: 'give the spec file', unexpected: (word) => `unexpected argument ${word}` },
  help: 'anywhere',
  optionPrefix: '-',
  options: [
    valueOption(['--out', '-o'], (o, v) => (o.out = v), {
      inline: true,
      nonEmpty: true,
      missing: '--out needs a file name',
    }),
    flagOption(['--quiet', '-q'], (o) => (o.quiet = true)),
  ],
});

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
      // Through the job protocol on this thread (the same job the pane and the cells run on workers).
      const { result } = await cliJobPool(1).run(
        'scenario.run',
        { spec },
        {
          onProgress: ({ done, total }) => {
            if (!parsed.quiet && done < total) process.stderr.write(`scenario: ${done} / ${total} trials\n`);
          },
        },
      );
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
