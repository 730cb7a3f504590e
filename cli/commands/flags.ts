/**
 * `openfpa flags <budget.json> [--out flags.json] [--no-forecast] [--quiet]`
 *
 * Reads {"periods":[...],"lines":[{"id","costCentre","account","owner","plan":[],"actual":[],
 * "drivers"?:{...}}],"thresholds"?:{...}} and writes {"flags":[{"line","period","through","kind",
 * "severity","explanation"}]} ranked by severity, to --out or stdout: one flag per issue, `period` its
 * onset and `through` its last period (the same for a one-off), both as the file labels them.
 * Progress and warnings (a repeated period label) go to stderr.
 * Exit codes: 0 done, 1 malformed or unreadable input, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, parseCommandLine, valueOption } from '../args';
import { runCommand, startWork, writeResult } from '../command';
import { detectFlags } from '../../src/anomaly/detect-flags';
import { parseBudget } from '../../src/anomaly/parse-budget';
import type { BudgetDocument } from '../../src/anomaly/parse-budget';
import { isFpaError } from '../../src/errors';

const USAGE = `usage: openfpa flags <budget.json> [--out flags.json] [--no-forecast] [--quiet]

  --out FILE      write the JSON result there instead of stdout
  --no-forecast   skip the rolling-forecast check of flagged periods (faster)
  --quiet         no progress on stderr`;

export interface FlagsOptions {
  file: string;
  out?: string;
  useForecast: boolean;
  quiet: boolean;
}

const FLAGS_LINE = commandLine<Omit<FlagsOptions, 'file'>>({
  defaults: () => ({ useForecast: true, quiet: false }),
  file: 'budget.json',
  options: [
    valueOption(['--out'], (o, v) => (o.out = v)),
    flagOption(['--no-forecast'], (o) => (o.useForecast = false)),
    flagOption(['--quiet'], (o) => (o.quiet = true)),
  ],
});

/** @throws UsageError for a bad command line. */
export function parseFlagsArgs(args: string[]): FlagsOptions | 'help' {
  return parseCommandLine(args, FLAGS_LINE);
}

function readBudget(file: string): BudgetDocument | string {
  let doc: unknown;
  try {
    doc = readJsonObject(file);
  } catch (e) {
    return (e as Error).message;
  }
  try {
    return parseBudget(doc);
  } catch (e) {
    if (isFpaError(e)) return `${file}: ${e.fullMessage}`;
    throw e;
  }
}

export function run(args: string[]): Promise<number> {
  return runCommand('flags', USAGE, FLAGS_LINE, args, async (opts) => {
    const clock = startWork();
    const budget = readBudget(opts.file);
    if (typeof budget === 'string') {
      process.stderr.write(`openfpa flags: ${budget}\n`);
      return 1;
    }
    for (const warning of budget.warnings) process.stderr.write(`openfpa flags: warning: ${opts.file}: ${warning}\n`);
    const started = process.hrtime.bigint();
    let flags;
    try {
      flags = detectFlags(
        budget.lines,
        { ...budget.thresholds, ...(opts.useForecast ? {} : { useForecast: false }) },
        { periods: budget.periods },
      );
    } catch (e) {
      if (!isFpaError(e)) throw e;
      process.stderr.write(`openfpa flags: ${opts.file}: ${e.fullMessage}\n`);
      return 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!opts.quiet)
      process.stderr.write(`flags: ${flags.length} flags on ${budget.lines.length} lines in ${seconds.toFixed(2)} s\n`);
    const out = flags.map((f) => ({
      line: f.line,
      period: budget.periods[f.periodIndex],
      through: budget.periods[f.throughIndex],
      kind: f.kind,
      severity: f.severity,
      explanation: f.explanation,
    }));
    writeResult(JSON.stringify({ flags: out }, null, 1) + '\n', opts.out);
    if (!opts.quiet) process.stderr.write(clock.report('flags'));
    return 0;
  });
}
