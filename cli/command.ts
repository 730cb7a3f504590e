/**
 * What every `openfpa` command shares around its own work: parsing its command line (cli/args.ts)
 * with the same help and usage-error behaviour, writing the result to --out or stdout, and timing
 * its start-up apart from its work.
 */
import { writeFileSync } from 'node:fs';
import { commandLine, flagOption, parseCommandLine, UsageError, valueOption } from './args';
import type { CommandLine, CommandOption } from './args';
import { isFpaError } from '../src/errors';
import { InputFileError } from './read-json-file';

/**
 * Parses `args` and runs `body` with the options. `--help` prints the usage (exit 0); a bad command
 * line prints "openfpa <name>: <fault>" and the usage to stderr (exit 2).
 */
export async function runCommand<T extends object>(
  name: string,
  usage: string,
  line: CommandLine<T>,
  args: readonly string[],
  body: (options: T & { file: string }) => Promise<number>,
): Promise<number> {
  let options: (T & { file: string }) | 'help';
  try {
    options = parseCommandLine(args, line);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`openfpa ${name}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(usage + '\n');
    return 0;
  }
  try {
    return await body(options);
  } catch (error) {
    if (!(error instanceof OutputFileError)) throw error;
    process.stderr.write(`openfpa ${name}: ${error.message}\n`);
    return 1;
  }
}

/** The --out file could not be written (a missing folder, no permission): one line, exit 1. */
export class OutputFileError extends Error {}

/** `--out FILE` and `--quiet`, which every command that reads one JSON file and writes one takes. */
export function outAndQuietOptions<T extends { out?: string; quiet: boolean }>(): CommandOption<T>[] {
  return [valueOption(['--out'], (o, v) => (o.out = v)), flagOption(['--quiet'], (o) => (o.quiet = true))];
}

/** The options of a command that reads one JSON file and takes only --out and --quiet. */
export interface OutAndQuietArgs {
  out?: string;
  quiet: boolean;
}

/**
 * The command line and usage of `openfpa <name> <file> [--out <out>] [--quiet]`, a command that takes only
 * --out and --quiet; `result` names what --out receives ("plan", "result").
 */
export function outAndQuietCommand(
  name: string,
  file: string,
  out: string,
  result: string,
): { line: CommandLine<OutAndQuietArgs>; usage: string } {
  return {
    line: commandLine<OutAndQuietArgs>({ defaults: () => ({ quiet: false }), file, options: outAndQuietOptions() }),
    usage: `usage: openfpa ${name} <${file}> [--out ${out}] [--quiet]

  --out FILE   write the JSON ${result} there instead of stdout
  --quiet      no progress on stderr`,
  };
}

/**
 * Warns on stderr about each top-level field of an input file that the command does not read: a
 * misspelt `"iteration"` or `"creditline"` was silently ignored and the default run instead. The
 * input is still used as it is (exit codes unchanged).
 */
export function warnUnknownFields(name: string, file: string, input: object, known: readonly string[]): void {
  for (const key of Object.keys(input))
    if (!known.includes(key))
      process.stderr.write(
        `openfpa ${name}: warning: ${file}: field "${key}" is not one ${name} reads (${known.join(', ')}); it is ignored\n`,
      );
}

/**
 * Runs a command's work on its input file; a failure (an unreadable or malformed file, a refused
 * input) is printed as "openfpa <name>: <file>: <message>" (the file named once) and exits 1.
 */
export async function onInputFile(name: string, file: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    // An unreadable file, invalid JSON or a non-object top level: the message names the file already.
    if (e instanceof InputFileError || e instanceof OutputFileError)
      process.stderr.write(`openfpa ${name}: ${e.message}\n`);
    else process.stderr.write(`openfpa ${name}: ${file}: ${isFpaError(e) ? e.fullMessage : (e as Error).message}\n`);
    return 1;
  }
}

/**
 * Writes a command's result text to the file named by --out, or to stdout.
 * @throws OutputFileError naming the file when it cannot be written
 */
export function writeResult(text: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new OutputFileError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/**
 * When the process started, in ms since the epoch: bin/openfpa.cjs passes its own start in
 * OPENFPA_STARTED_AT when it runs the CLI in a child process (the TypeScript fallback), so start-up
 * counts from the command the user typed.
 */
function processStartedAt(): number {
  const given = Number(process.env.OPENFPA_STARTED_AT);
  return Number.isFinite(given) && given > 0 ? Math.min(given, performance.timeOrigin) : performance.timeOrigin;
}

export interface CommandClock {
  /** ms from the process start to the start of the command's work (Node, modules, command line). */
  readonly startupMs: number;
  /** ms of work so far (reading the input, computing, writing the result). */
  workMs(): number;
  /** The line a command prints on stderr: "<name>: start-up 61 ms, work 1234 ms". */
  report(name: string): string;
}

/** Starts the work clock; call it once the command line is parsed, before reading the input. */
export function startWork(): CommandClock {
  const workStarted = performance.now();
  const startupMs = performance.timeOrigin + workStarted - processStartedAt();
  const workMs = (): number => performance.now() - workStarted;
  return {
    startupMs,
    workMs,
    report: (name) => `${name}: start-up ${startupMs.toFixed(0)} ms, work ${workMs().toFixed(0)} ms\n`,
  };
}
