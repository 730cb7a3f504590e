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
    // And nothing the usage line offers goes unexplained.
    const offered = [...help.split('\n')[0].matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]);
    expect({ name, unexplained: offered.filter((o) => !explained(help).has(o)) }).toEqual({ name, unexplained: [] });
  }
}, 120_000);

test("the README's command-line block names every command, with options its help explains", async () => {
  const names = await commands();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/^node bin\/openfpa\.cjs ([a-z][a-z-]*)(.*)$/gm)];
  expect(lines.map((m) => m[1]).sort()).toEqual([...names].sort());
  for (const [, name, rest] of lines) {
    const help = await printed(name, '--help');
    const shown = [...rest.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
    expect({ name, unknown: shown.filter((o) => !explained(help).has(o)) }).toEqual({ name, unknown: [] });
  }
}, 120_000);
