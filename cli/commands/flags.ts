/**
 * `openfpa flags <budget.json> [--out flags.json] [--no-forecast] [--quiet]`
 *
 * Reads {"periods":[...],"lines":[{"id","costCentre","account","owner","plan":[],"actual":[],
 * "drivers"?:{...}}],"thresholds"?:{...}} and writes {"flags":[{"line","period","kind","severity",
 * "explanation"}]} ranked by severity, to --out or stdout. Progress goes to stderr.
 * Exit codes: 0 done, 1 malformed or unreadable input, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import * as fs from 'fs';
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

class UsageError extends Error {}

export function parseFlagsArgs(args: string[]): FlagsOptions | 'help' {
  const files: string[] = [];
  const opts: Omit<FlagsOptions, 'file'> = { useForecast: true, quiet: false };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--out') {
      if (i + 1 >= args.length) throw new UsageError('--out needs a value');
      opts.out = args[++i];
    } else if (a === '--no-forecast') opts.useForecast = false;
    else if (a === '--quiet') opts.quiet = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('expected exactly one budget.json');
  return { file: files[0], ...opts };
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

export async function run(args: string[]): Promise<number> {
  let opts: FlagsOptions | 'help';
  try {
    opts = parseFlagsArgs(args);
  } catch (e) {
    process.stderr.write(`openfpa flags: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const budget = readBudget(opts.file);
  if (typeof budget === 'string') {
    process.stderr.write(`openfpa flags: ${budget}\n`);
    return 1;
  }
  const started = process.hrtime.bigint();
  let flags;
  try {
    flags = detectFlags(budget.lines, { ...budget.thresholds, ...(opts.useForecast ? {} : { useForecast: false }) });
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
    kind: f.kind,
    severity: f.severity,
    explanation: f.explanation,
  }));
  const text = JSON.stringify({ flags: out }, null, 1) + '\n';
  if (opts.out) fs.writeFileSync(opts.out, text);
  else process.stdout.write(text);
  return 0;
}
