/**
 * What the commands share: help and usage errors in one format, the result to --out or stdout, and
 * the start-up/work clock printed on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, flagOption, UsageError, valueOption } from '../../cli/args';
import {
  onInputFile,
  outAndQuietCommand,
  runCommand,
  startWork,
  warnUnknownFields,
  writeResult,
} from '../../cli/command';
import { run as cash } from '../../cli/commands/cash';
import { run as forecast } from '../../cli/commands/forecast';
import { run as payables } from '../../cli/commands/payables';
import { run as scenario } from '../../cli/commands/scenario';
import { run as stress } from '../../cli/commands/stress';
import { parseCommandLine } from '../../cli/args';
import { captureOutput, inputFolder } from './command-io';

const io = captureOutput();
const { dir, write } = inputFolder('openfpa-command-');

const line = commandLine<{ quiet: boolean; level?: number }>({
  defaults: () => ({ quiet: false }),
  file: 'input.json',
  options: [
    flagOption(['--quiet'], (o) => (o.quiet = true)),
    valueOption(['--level'], (o, v) => {
      if (!(Number(v) > 0)) throw new UsageError(`--level must be positive, got "${v}"`);
      o.level = Number(v);
    }),
  ],
});
const USAGE = 'usage: openfpa demo <input.json> [--level L] [--quiet]';

describe('runCommand', () => {
  test('runs the body with the parsed options and returns its exit code', async () => {
    const seen: unknown[] = [];
    const code = await runCommand('demo', USAGE, line, ['x.json', '--level', '3'], async (options) => {
      seen.push(options);
      return 7;
    });
    expect(code).toBe(7);
    expect(seen).toEqual([{ file: 'x.json', quiet: false, level: 3 }]);
  });

  test('--help prints the usage on stdout, exit 0, without running the body', async () => {
    const body = jest.fn();
    expect(await runCommand('demo', USAGE, line, ['--help'], body)).toBe(0);
    expect(body).not.toHaveBeenCalled();
    expect(io.stdout).toBe(`${USAGE}\n`);
  });

  test('a bad command line prints the fault and the usage on stderr, exit 2', async () => {
    expect(await runCommand('demo', USAGE, line, ['x.json', '--level', '0'], jest.fn())).toBe(2);
    expect(io.stderr).toBe(`openfpa demo: --level must be positive, got "0"\n\n${USAGE}\n`);
  });
});

test('outAndQuietCommand: the usage of a file-in, JSON-out command and its --out/--quiet line', () => {
  const { line, usage } = outAndQuietCommand('payables', 'payables.json', 'plan.json', 'plan');
  expect(usage).toBe(
    'usage: openfpa payables <payables.json> [--out plan.json] [--quiet]\n\n' +
      '  --out FILE   write the JSON plan there instead of stdout\n' +
      '  --quiet      no progress on stderr',
  );
  expect(parseCommandLine(['p.json'], line)).toEqual({ file: 'p.json', quiet: false });
  expect(parseCommandLine(['p.json', '--out', 'o.json', '--quiet'], line)).toEqual({
    file: 'p.json',
    out: 'o.json',
    quiet: true,
  });
  expect(() => parseCommandLine(['p.json', '--bogus'], line)).toThrow(UsageError);
});

test('writeResult writes the file named by --out, or stdout', () => {
  const out = path.join(dir, 'out.json');
  writeResult('{"a":1}\n', out);
  expect(fs.readFileSync(out, 'utf8')).toBe('{"a":1}\n');
  writeResult('{"b":2}\n', undefined);
  expect(io.stdout).toBe('{"b":2}\n');
});

test('an --out file that cannot be written is one line on stderr, exit 1, not a stack trace', async () => {
  const out = path.join(dir, 'no-such-folder', 'out.json');
  const body = async () => {
    writeResult('{}\n', out);
    return 0;
  };
  expect(await runCommand('demo', USAGE, line, ['x.json'], body)).toBe(1);
  expect(io.stderr).toBe(`openfpa demo: cannot write ${out}: ENOENT\n`);
  // Inside a command's work on its input file (cash, stress, payables) the same line, the input not blamed.
  expect(await runCommand('demo', USAGE, line, ['x.json'], () => onInputFile('demo', 'x.json', body))).toBe(1);
  expect(io.stderr).toBe(`openfpa demo: cannot write ${out}: ENOENT\n`.repeat(2));
});

describe('startWork', () => {
  afterEach(() => delete process.env.OPENFPA_STARTED_AT);

  test('start-up counts from the process start; work from the call', async () => {
    const clock = startWork();
    expect(clock.startupMs).toBeGreaterThan(0);
    expect(clock.startupMs).toBeCloseTo(performance.now(), -2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.workMs()).toBeGreaterThanOrEqual(15);
    expect(clock.report('demo')).toMatch(/^demo: start-up \d+ ms, work \d+ ms\n$/);
  });

  test('a parent process passes its own start (the TypeScript fallback runs in a child)', () => {
    process.env.OPENFPA_STARTED_AT = String(performance.timeOrigin - 1500);
    expect(startWork().startupMs).toBeGreaterThanOrEqual(1500);
    process.env.OPENFPA_STARTED_AT = 'nonsense';
    expect(startWork().startupMs).toBeLessThan(performance.now() + 1);
  });
});

test('warnUnknownFields names each field the command does not read, and the ones it does', () => {
  warnUnknownFields('demo', 'in.json', { level: 1, levle: 2, extra: 3 }, ['level']);
  expect(io.stderr).toBe(
    'openfpa demo: warning: in.json: field "levle" is not one demo reads (level); it is ignored\n' +
      'openfpa demo: warning: in.json: field "extra" is not one demo reads (level); it is ignored\n',
  );
});

// A misspelt field ran the default without a word: 10,000 trials for "iteration", no credit line for "creditline".
test.each([
  [
    'forecast',
    forecast,
    { frequency: 12, horizn: 3, horizon: 2, series: [{ id: 'a', values: [1, 2, 3, 4, 5, 6, 7, 8] }] },
    'horizn',
  ],
  [
    'scenario',
    scenario,
    {
      drivers: [{ name: 'p', distribution: 'normal', params: { mean: 1, sd: 1 } }],
      model: 'y = p',
      iteration: 500,
    },
    'iteration',
  ],
  [
    'cash',
    cash,
    { openingCash: 100, minCash: 0, flows: [1, 2], instruments: [], creditline: { limit: 50, rate: 0.01 } },
    'creditline',
  ],
  [
    'stress',
    stress,
    { openingCash: 100, minCash: 50, flows: [-20, 30], shock: [{ name: 'x', kind: 'outflow', amount: 1, period: 1 }] },
    'shock',
  ],
  [
    'payables',
    payables,
    {
      openingCash: 100,
      flows: [0, 0],
      floor: 0,
      invoices: [{ id: 'b1', amount: 10, due: 2, discount: 0.02, discountBy: 1 }],
      flor: 10,
    },
    'flor',
  ],
] as const)('openfpa %s warns about a field it does not read and runs as before', async (name, run, input, field) => {
  expect(await run([write(`${name}.json`, input), '--quiet', '--out', path.join(dir, `${name}.out.json`)])).toBe(0);
  expect(io.stderr).toContain(`openfpa ${name}: warning: `);
  expect(io.stderr).toContain(`field "${field}" is not one ${name} reads (`);
});
