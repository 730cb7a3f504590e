/**
 * The one command-line parser: a left-to-right walk where the first fault is reported, the last
 * value of a repeated option wins, and each command keeps its own spellings and messages.
 */
import { type CommandLine, commandLine, flagOption, parseCommandLine, UsageError, valueOption } from '../../cli/args';
import { SCENARIO_LINE } from '../../cli/commands/scenario';

interface Opts {
  out?: string;
  quiet: boolean;
  level?: number;
}

const line = commandLine<Opts>({
  defaults: () => ({ quiet: false }),
  file: 'plan.json',
  options: [
    valueOption(['--out'], (o, v) => (o.out = v)),
    flagOption(['--quiet'], (o) => (o.quiet = true)),
    valueOption(['--level'], (o, v) => {
      if (!(Number(v) > 0)) throw new UsageError(`--level must be positive, got "${v}"`);
      o.level = Number(v);
    }),
  ],
});

/** The fault's message, parsing with `l` (default: the test's own line). */
const fault = <T extends object>(args: string[], l?: CommandLine<T>): string => {
  try {
    if (l) parseCommandLine(args, l);
    else parseCommandLine(args, line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no fault for ${JSON.stringify(args)}`);
};

describe('parseCommandLine', () => {
  test('reads the file and the options in any order; the last value wins', () => {
    expect(parseCommandLine(['--out', 'a.json', 'p.json', '--quiet', '--out', 'b.json'], line)).toEqual({
      file: 'p.json',
      quiet: true,
      out: 'b.json',
    });
    expect(parseCommandLine(['p.json'], line)).toEqual({ file: 'p.json', quiet: false });
  });

  test("an option's value is the next word, whatever it looks like", () => {
    expect(parseCommandLine(['--out', '--quiet', 'p.json'], line)).toEqual({
      file: 'p.json',
      quiet: false,
      out: '--quiet',
    });
    expect(parseCommandLine(['--out', '--help', 'p.json'], line)).toMatchObject({ out: '--help' });
    expect(parseCommandLine(['--out', '', 'p.json'], line)).toMatchObject({ out: '' });
  });

  test('reports the first fault met, left to right', () => {
    expect(fault(['--level', '-1', '--bogus', 'p.json'])).toBe('--level must be positive, got "-1"');
    expect(fault(['--bogus', '--level', '-1', 'p.json'])).toBe('unknown option --bogus');
    expect(fault(['p.json', '--out'])).toBe('--out needs a value');
    expect(fault([])).toBe('expected exactly one plan.json');
    expect(fault(['a.json', 'b.json'])).toBe('expected exactly one plan.json');
    expect(fault(['--'])).toBe('unknown option --');
  });

  test('help counts where the walk reaches it, unless the command says anywhere', () => {
    expect(parseCommandLine(['--help'], line)).toBe('help');
    expect(parseCommandLine(['p.json', '-h'], line)).toBe('help');
    expect(fault(['--bogus', '--help'])).toBe('unknown option --bogus');
    const anywhere = { ...line, help: 'anywhere' as const };
    expect(parseCommandLine(['--bogus', '--help'], anywhere)).toBe('help');
    expect(parseCommandLine(['--out', '-h'], anywhere)).toBe('help');
  });

  test('with the "--" prefix a single-dash word is a file; with "-" it is an unknown option', () => {
    expect(parseCommandLine(['-x'], line)).toEqual({ file: '-x', quiet: false });
    expect(fault(['-x', 'p.json'], { ...line, optionPrefix: '-' })).toBe('unknown option -x');
  });

  test('short spellings, --name=value, non-empty values and custom file messages (the scenario command)', () => {
    expect(parseCommandLine(['s.json', '-o', 'r.json', '-q'], SCENARIO_LINE)).toEqual({
      file: 's.json',
      quiet: true,
      out: 'r.json',
      workers: expect.any(Number),
    });
    expect(parseCommandLine(['--out=r.json', 's.json'], SCENARIO_LINE)).toMatchObject({ out: 'r.json' });
    expect(parseCommandLine(['--out=', 's.json'], SCENARIO_LINE)).toMatchObject({ out: '' });
    expect(fault(['-o=r.json', 's.json'], SCENARIO_LINE)).toBe('unknown option -o=r.json');
    expect(fault(['--quiet=1', 's.json'], SCENARIO_LINE)).toBe('unknown option --quiet=1');
    expect(fault(['-o', '', 's.json'], SCENARIO_LINE)).toBe('--out needs a file name');
    expect(fault(['-o'], SCENARIO_LINE)).toBe('--out needs a file name');
    expect(fault(['a.json', 'b.json', '--bogus'], SCENARIO_LINE)).toBe('unexpected argument b.json');
    expect(fault(['-q'], SCENARIO_LINE)).toBe('give the spec file');
    // Inline values are not accepted unless the option says so.
    expect(fault(['--out=x.json', 'p.json'])).toBe('unknown option --out=x.json');
  });

  test('defaults are fresh for every parse', () => {
    const first = parseCommandLine(['p.json', '--quiet'], line);
    const second = parseCommandLine(['p.json'], line);
    expect(first).toMatchObject({ quiet: true });
    expect(second).toMatchObject({ quiet: false });
  });

  test('a file default stands in when no file is given (loop-step reads standard input as "-")', () => {
    const stdin = { ...line, fileDefault: '-' };
    expect(parseCommandLine(['--quiet'], stdin)).toMatchObject({ file: '-', quiet: true });
    expect(parseCommandLine(['in.json'], stdin)).toMatchObject({ file: 'in.json' });
    expect(fault(['a.json', 'b.json'], stdin)).toBe('expected exactly one plan.json');
  });
});
