/**
 * `openfpa` command line: batch work over JSON files for scripts and benchmarks.
 * Each command lives in cli/commands/<name>.ts and exports `run(args): Promise<number>`
 * (the exit code). Progress goes to stderr; results go to --out or stdout.
 */
import { isMainThread } from 'node:worker_threads';
import { cliVersion } from './version';

type Command = { run: (args: string[]) => Promise<number> };

/** Commands load on demand (literal imports, so every runner resolves them), so one engine's start-up cost never slows another's. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  forecast: { summary: 'forecast every series of a dataset JSON file', load: () => import('./commands/forecast') },
  scenario: { summary: 'run a Monte Carlo scenario spec JSON file', load: () => import('./commands/scenario') },
  cash: { summary: 'optimise a cash plan JSON file with glpk.js', load: () => import('./commands/cash') },
  stress: { summary: 'stress test a cash plan JSON file with named shocks', load: () => import('./commands/stress') },
  payables: {
    summary: 'choose which bills to pay early for their discount (JSON file)',
    load: () => import('./commands/payables'),
  },
  flags: {
    summary: 'flag budget variances and anomalies in a budget JSON file',
    load: () => import('./commands/flags'),
  },
  'loop-step': {
    summary: 'one step of the budget loop (JSON on stdin or a file)',
    load: () => import('./commands/loop-step'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  openfpa ${name.padEnd(9)} ${c.summary}`);
  return [
    'usage: openfpa <command> <file.json> [options]',
    '',
    ...lines,
    '',
    'Run "openfpa <command> --help" for its options, "openfpa --version" for the version.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(cliVersion() + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`openfpa: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const loaded = await command.load();
  return loaded.run(rest);
}

// (A worker thread loading this file as its script serves jobs instead: cli/bundle.ts.)
if (require.main === module && isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`openfpa: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
