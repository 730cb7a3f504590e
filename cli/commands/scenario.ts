/**
 * `openfpa scenario <spec.json> [--out result.json]`: runs a Monte Carlo scenario spec (see
 * docs/scenario.md and ../shared/bench/mc-standard.md) and writes the result JSON to --out or stdout.
 * Progress goes to stderr. Exit codes: 0 success, 1 unreadable or invalid spec, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { writeFileSync } from 'node:fs';
import { isFpaError } from '../../src/errors';
import { runScenarioAsync } from '../../src/scenario/run';
import { ScenarioSpec } from '../../src/scenario/spec';

const USAGE = `usage: openfpa scenario <spec.json> [--out result.json] [--quiet]

Runs the drivers/correlation/model spec with Latin Hypercube (or Monte Carlo) sampling and
Iman–Conover rank correlation, and prints statistics per output as JSON.
Spec keys: drivers, correlation, model, iterations, seed, sampling, percentiles, varLevel,
thresholds, blockSize, convergence, sensitivity (see docs/scenario.md).
`;

interface Args {
  spec: string;
  out?: string;
  quiet: boolean;
}

function parseArgs(args: string[]): Args | string {
  let spec: string | undefined;
  let out: string | undefined;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' || a === '-o') {
      out = args[++i];
      if (!out) return '--out needs a file name';
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (spec === undefined) spec = a;
    else return `unexpected argument ${a}`;
  }
  return spec ? { spec, out, quiet } : 'give the spec file';
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`openfpa scenario: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  let spec: ScenarioSpec;
  try {
    spec = readJsonObject(parsed.spec) as unknown as ScenarioSpec;
  } catch (error) {
    process.stderr.write(`openfpa scenario: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const { result } = await runScenarioAsync(spec, {
      onProgress: ({ done, total }) => {
        if (!parsed.quiet && done < total) process.stderr.write(`scenario: ${done} / ${total} trials\n`);
      },
      yieldControl: () => Promise.resolve(),
    });
    for (const w of result.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    const text = JSON.stringify(result, null, 2) + '\n';
    if (parsed.out) writeFileSync(parsed.out, text);
    else process.stdout.write(text);
    if (!parsed.quiet)
      process.stderr.write(
        `scenario: ${Object.keys(result.outputs).length} outputs in ${result.timings.totalMs.toFixed(0)} ms\n`,
      );
    return 0;
  } catch (error) {
    if (isFpaError(error)) {
      process.stderr.write(`openfpa scenario: ${error.fullMessage}\n`);
      return 1;
    }
    throw error;
  }
}
