/**
 * What a newcomer reads before running a command: `openfpa <command> --help` explains, on a line of
 * its own, every option the command accepts (read from the options its parser declares in
 * cli/commands/<name>.ts), and the README's command-line block names every command with options
 * that command's help explains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../cli/main';
import { captureOutput } from './command-io';

const ROOT = path.resolve(__dirname, '..', '..');
const io = captureOutput();

/** What `openfpa ...args` prints on stdout (exit 0). */
async function printed(...args: string[]): Promise<string> {
  const from = io.stdout.length;
  expect(await main(args)).toBe(0);
  return io.stdout.slice(from);
}

/** The commands `openfpa --help` lists. */
async function commands(): Promise<string[]> {
  return [...(await printed('--help')).matchAll(/^ {2}openfpa (\S+)/gm)].map((m) => m[1]);
}

/** The long options a command's parser declares (flagOption/valueOption, and --out/--quiet where shared). */
function declaredOptions(command: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'cli', 'commands', `${command}.ts`), 'utf8');
  const names = [...source.matchAll(/(?:flagOption|valueOption)\(\s*\[([^\]]*)\]/g)].flatMap((m) =>
    [...m[1].matchAll(/'(--[a-z-]+)'/g)].map((n) => n[1]),
  );
  if (/outAndQuiet(?:Options|Command)\(/.test(source)) names.push('--out', '--quiet');
  return [...new Set(names)];
}

/** The options a help text explains: those that start one of its indented lines. */
const explained = (help: string): Set<string> => new Set([...help.matchAll(/^ +(--[a-z-]+)/gm)].map((m) => m[1]));

test('every command has a help that explains each option its parser takes', async () => {
  const names = await commands();
  expect(names).toEqual(expect.arrayContaining(['forecast', 'scenario', 'cash', 'flags', 'stress', 'payables']));
  for (const name of names) {
    const help = await printed(name, '--help');
    const declared = declaredOptions(name);
    expect(declared.length).toBeGreaterThan(0);
    const missing = declared.filter((option) => !explained(help).has(option));
    expect({ name, missing }).toEqual({ name, missing: [] });
    // And the usage line offers exactly the options explained below it (it left out four of forecast's,
    // six of cash's and --quiet of stress and payables).
    const offered = [...help.split('\n')[0].matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]);
    expect({ name, offered: [...offered].sort() }).toEqual({ name, offered: [...explained(help)].sort() });
  }
}, 120_000);

test("the README's command-line block names every command, with the options its help explains", async () => {
  const names = await commands();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/^node bin\/openfpa\.cjs ([a-z][a-z-]*)(.*)$/gm)];
  expect(lines.map((m) => m[1]).sort()).toEqual([...names].sort());
  for (const [, name, rest] of lines) {
    const help = await printed(name, '--help');
    const shown = [...rest.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
    expect({ name, unknown: shown.filter((o) => !explained(help).has(o)) }).toEqual({ name, unknown: [] });
    // Every option but --quiet, which the README states once for every command.
    const missing = [...explained(help)].filter((o) => o !== '--quiet' && !shown.includes(o));
    expect({ name, missing }).toEqual({ name, missing: [] });
  }
}, 120_000);

/** Where each command is documented in full: its own page's command lines. */
const COMMAND_PAGE: Record<string, string> = {
  forecast: 'forecast.md',
  scenario: 'scenario.md',
  cash: 'cash.md',
  stress: 'cash.md',
  payables: 'cash.md',
  flags: 'anomaly.md',
  'loop-step': 'loop.md',
};

test("each command's page in docs/ shows the same options as its --help", async () => {
  const names = await commands();
  expect(Object.keys(COMMAND_PAGE).sort()).toEqual([...names].sort());
  for (const name of names) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', COMMAND_PAGE[name]), 'utf8');
    const lines = [...page.matchAll(new RegExp(`^node bin/openfpa\\.cjs ${name}( .*)?$`, 'gm'))];
    expect({ name, lines: lines.length > 0 }).toEqual({ name, lines: true });
    const shown = new Set(lines.flatMap((m) => [...(m[1] ?? '').matchAll(/(--[a-z-]+)/g)].map((o) => o[1])));
    const help = explained(await printed(name, '--help'));
    expect({ name, shown: [...shown].sort() }).toEqual({ name, shown: [...help].sort() });
  }
}, 120_000);
