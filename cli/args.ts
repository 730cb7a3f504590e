/**
 * The one command-line parser of the `openfpa` commands. A command declares its options (spellings,
 * whether they take a value, what they set) and its one input file; the parser walks argv once, left
 * to right, so the first fault met is the one reported, and a repeated option keeps its last value.
 *
 * @example
 *   const line = commandLine({
 *     defaults: () => ({ quiet: false }) as { quiet: boolean; out?: string },
 *     file: 'plan.json',
 *     options: [valueOption(['--out'], (o, v) => (o.out = v)), flagOption(['--quiet'], (o) => (o.quiet = true))],
 *   });
 *   parseCommandLine(['plan.json', '--out', 'x.json'], line); // { file: 'plan.json', quiet: false, out: 'x.json' }
 */

/** A bad command line: the command prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

interface OptionBase {
  /** Every spelling, e.g. ['--quiet', '-q']. */
  names: readonly string[];
}

export interface FlagOption<T> extends OptionBase {
  takesValue: false;
  set: (into: T) => void;
}

export interface ValueOption<T> extends OptionBase {
  takesValue: true;
  /** Also accept `--name=value` in one word (for the spellings that start with "--"). @default false */
  inline?: boolean;
  /** Message when the value is missing. @default "<name> needs a value" */
  missing?: string;
  /** An empty next word counts as missing. @default false */
  nonEmpty?: boolean;
  /** Stores the value; throws UsageError when it is not allowed. */
  set: (into: T, value: string, spelling: string) => void;
}

export type CommandOption<T> = FlagOption<T> | ValueOption<T>;

export interface CommandLine<T> {
  defaults: () => T;
  options: readonly CommandOption<T>[];
  /** What the one input file is called in messages ("plan.json"): "expected exactly one plan.json". */
  file: string | { missing: string; unexpected: (word: string) => string };
  /**
   * Where `--help`/`-h` counts: when the walk reaches it (an earlier fault wins, and it can be an
   * option's value), or anywhere on the line before anything else is checked.
   * @default 'in-order'
   */
  help?: 'in-order' | 'anywhere';
  /** Words starting with this are options (so with '--', "-x" is a file name). @default '--' */
  optionPrefix?: '--' | '-';
  /** The file when none is given, e.g. "-" for standard input; without it the file is required. */
  fileDefault?: string;
}

/** An option without a value. */
export function flagOption<T>(names: readonly string[], set: (into: T) => void): FlagOption<T> {
  return { names, takesValue: false, set };
}

/** An option followed by its value (the next word, whatever it looks like). */
export function valueOption<T>(
  names: readonly string[],
  set: ValueOption<T>['set'],
  more: Omit<ValueOption<T>, 'names' | 'set' | 'takesValue'> = {},
): ValueOption<T> {
  return { names, takesValue: true, set, ...more };
}

/** The identity, typed: lets a command declare its line with inference. */
export function commandLine<T>(line: CommandLine<T>): CommandLine<T> {
  return line;
}

const isHelp = (word: string): boolean => word === '--help' || word === '-h';

/**
 * Parses a command's argv (after the command name).
 * @returns the options with `file`, or 'help' when help was asked for
 * @throws UsageError naming the first fault
 */
export function parseCommandLine<T extends object>(
  args: readonly string[],
  line: CommandLine<T>,
): (T & { file: string }) | 'help' {
  if (line.help === 'anywhere' && args.some(isHelp)) return 'help';
  const prefix = line.optionPrefix ?? '--';
  const byName = new Map<string, CommandOption<T>>();
  for (const option of line.options) for (const name of option.names) byName.set(name, option);
  const values = line.defaults();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (line.help !== 'anywhere' && isHelp(word)) return 'help';
    const option = byName.get(word);
    if (option && !option.takesValue) option.set(values);
    else if (option && option.takesValue) {
      const value = args[i + 1];
      if (i + 1 >= args.length || (option.nonEmpty && !value))
        throw new UsageError(option.missing ?? `${word} needs a value`);
      i++;
      option.set(values, value, word);
    } else if (word.startsWith(prefix)) {
      const inline = inlineOption(word, byName);
      if (!inline) throw new UsageError(`unknown option ${word}`);
      inline.option.set(values, inline.value, inline.name);
    } else {
      if (typeof line.file !== 'string' && files.length === 1) throw new UsageError(line.file.unexpected(word));
      files.push(word);
    }
  }
  if (files.length === 0 && line.fileDefault !== undefined) files.push(line.fileDefault);
  if (files.length !== 1)
    throw new UsageError(typeof line.file === 'string' ? `expected exactly one ${line.file}` : line.file.missing);
  return { file: files[0], ...values };
}

function inlineOption<T>(
  word: string,
  byName: Map<string, CommandOption<T>>,
): { option: ValueOption<T>; name: string; value: string } | null {
  const at = word.indexOf('=');
  if (at < 0) return null;
  const name = word.slice(0, at);
  const option = byName.get(name);
  if (!option || !option.takesValue || !option.inline || !name.startsWith('--')) return null;
  return { option, name, value: word.slice(at + 1) };
}
