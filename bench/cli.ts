/**
 * How fast the command line starts and works, as users run it (README, "Command line"): one table
 * from one run.
 *
 * - `openfpa --version` through each invocation: `node bin/openfpa.cjs` (documented), the
 *   `node_modules/.bin/openfpa` link that `npm ci` makes, `npx openfpa`, and the TypeScript sources
 *   through tsx (what every call cost before the bundle). Target: under 0.3 s.
 * - `openfpa cash` on the 365×20 plan of ../shared/bench/cash-plan end to end, next to
 *   `glpsol --lp` on the same plan's .lp file, measured in the same run, interleaved. Target: at most
 *   3× glpsol's wall time. Then where the cash time goes, from a probe bundled like the CLI and run
 *   in fresh processes (bench/cli-cash-probe.ts): Node and bundle start, glpk.js import, wasm
 *   compile and instantiate, plan to programme, programme to glpk.js, glpk.js solve cold (of which
 *   GLPK's own clock), the same solve warm, schedule.
 * - `openfpa forecast`, `scenario` and `flags` on shared data: the start-up and work times each
 *   prints on stderr.
 *
 * Every figure is the median of BENCH_CLI_RUNS runs (default 7; 3 for the longer commands). Wall
 * and CPU (user + system, from bash's `time`) are both shown: on a shared machine the CPU time is the
 * steadier one. Run: `npm run bench:cli` (builds the bundle first when it is stale).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's build script is CommonJS
const { bundleOptions } = require('../scripts/build-cli.cjs') as {
  bundleOptions: (entry: string, outfile: string) => BuildOptions;
};

const ROOT = path.resolve(__dirname, '..');
const RUNS = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? 7));
const LONG_RUNS = Math.max(1, Math.min(RUNS, 3));
const tmp = mkdtempSync(path.join(tmpdir(), 'openfpa-bench-cli-'));

/** ../shared beside the repository (or above a worktree), or OPENFPA_SHARED. */
function findShared(): string | null {
  if (process.env.OPENFPA_SHARED) return process.env.OPENFPA_SHARED;
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (existsSync(path.join(candidate, 'bench'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

interface Sample {
  wallS: number;
  cpuS: number;
  stderr: string;
  stdout: string;
  status: number;
}

/** Runs a command under bash's `time`: wall and CPU seconds, with its stdout and stderr. */
function timed(argv: readonly string[], env: Record<string, string> = {}): Sample {
  const out = path.join(tmp, 'stdout.txt');
  const err = path.join(tmp, 'stderr.txt');
  const script = `TIMEFORMAT='%R %U %S'; { time "$@" >"$BENCH_OUT" 2>"$BENCH_ERR"; } 2>&1`;
  const run = spawnSync('bash', ['-c', script, 'bash', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, BENCH_OUT: out, BENCH_ERR: err },
  });
  const [wall, user, system] = run.stdout.trim().split(/\s+/).slice(-3).map(Number);
  return {
    wallS: wall,
    cpuS: user + system,
    stdout: existsSync(out) ? readFileSync(out, 'utf8') : '',
    stderr: existsSync(err) ? readFileSync(err, 'utf8') : '',
    status: run.status ?? 1,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs each command `runs` times, round-robin, so a busy spell hits them alike. */
function interleaved(commands: Record<string, () => Sample>, runs: number): Record<string, Sample[]> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) for (const [name, run] of Object.entries(commands)) samples[name].push(run());
  return samples;
}

const rows: string[][] = [];
const s = (x: number): string => `${x.toFixed(3)} s`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
function row(label: string, samples: Sample[] | null, reference = '', ratio = '', target = '', note = ''): void {
  if (!samples) {
    rows.push([label, 'n/a', '', reference, ratio, target, note]);
    return;
  }
  const failed = samples.filter((x) => x.status !== 0).length;
  rows.push([
    label,
    s(median(samples.map((x) => x.wallS))),
    s(median(samples.map((x) => x.cpuS))),
    reference,
    ratio,
    target,
    failed ? `${failed} of ${samples.length} runs failed` : note,
  ]);
}

const openfpa = (...args: string[]): string[] => [process.execPath, 'bin/openfpa.cjs', ...args];

function versions(): void {
  // Build (or refresh) the bundle first, so no measured run pays for it.
  const warm = timed(openfpa('--version'));
  const version = warm.stdout.trim();
  const linked = path.join(ROOT, 'node_modules', '.bin', 'openfpa');
  const commands: Record<string, () => Sample> = {
    node: () => timed([process.execPath, '-e', '']),
    documented: () => timed(openfpa('--version')),
    ...(existsSync(linked) ? { linked: () => timed([linked, '--version']) } : {}),
    npx: () => timed(['npx', '--no-install', 'openfpa', '--version']),
    tsx: () => timed(openfpa('--version'), { OPENFPA_FROM_SOURCE: '1' }),
  };
  const got = interleaved(commands, RUNS);
  const target = '< 0.3 s';
  row('Node itself (`node -e ""`), for scale', got.node);
  row('`node bin/openfpa.cjs --version` (documented)', got.documented, '', '', target, `prints ${version}`);
  row('`./node_modules/.bin/openfpa --version`', got.linked ?? null, '', '', target);
  row('`npx openfpa --version`', got.npx, '', '', '', 'npm start-up included');
  row('`--version` from the TypeScript sources (tsx)', got.tsx, '', '', '', 'every call before the bundle');
}

async function cash(shared: string): Promise<void> {
  const plan = path.join(shared, 'bench', 'cash-plan', 'plans', 'plan_T365_K20');
  if (!existsSync(`${plan}.json`)) {
    row('`openfpa cash` 365×20', null, '', '', '', `${plan}.json is absent`);
    return;
  }
  const glpsol = ['/usr/bin/glpsol', '/usr/local/bin/glpsol'].find(existsSync);
  const commands: Record<string, () => Sample> = {
    cli: () => timed(openfpa('cash', `${plan}.json`, '--out', path.join(tmp, 'schedule.json'))),
    ...(glpsol ? { glpsol: () => timed([glpsol, '--lp', `${plan}.lp`, '-o', path.join(tmp, 'glpsol.txt')]) } : {}),
  };
  const got = interleaved(commands, RUNS);
  const cliWall = median(got.cli.map((x) => x.wallS));
  const cliCpu = median(got.cli.map((x) => x.cpuS));
  if (got.glpsol) {
    const refWall = median(got.glpsol.map((x) => x.wallS));
    const refCpu = median(got.glpsol.map((x) => x.cpuS));
    row(
      '`openfpa cash` 365×20 end to end vs `glpsol --lp`',
      got.cli,
      `${s(refWall)} (CPU ${s(refCpu)})`,
      `${(cliWall / refWall).toFixed(2)}× (CPU ${(cliCpu / refCpu).toFixed(2)}×)`,
      '≤ 3× wall',
    );
  } else row('`openfpa cash` 365×20 end to end', got.cli, 'glpsol not installed');
  await cashPhases(`${plan}.json`);
}

/** The probe, bundled as the CLI is, in fresh processes: medians of each phase. */
async function cashPhases(plan: string): Promise<void> {
  // Inside the repository, so its import of glpk.js resolves from node_modules as the CLI's does.
  const probe = path.join(ROOT, 'bench', 'out', 'cli-cash-probe.cjs');
  mkdirSync(path.dirname(probe), { recursive: true });
  await build(bundleOptions(path.join(__dirname, 'cli-cash-probe.ts'), probe));
  const phases: Record<string, number>[] = [];
  for (let r = 0; r < RUNS; r++) {
    const run = timed([process.execPath, probe, plan]);
    if (run.status === 0) phases.push(JSON.parse(run.stdout) as Record<string, number>);
  }
  if (phases.length === 0) {
    row('cash phases', null, '', '', '', 'the probe failed');
    return;
  }
  const m = (key: string): number => median(phases.map((p) => p[key]));
  const note = (label: string, value: string, detail = ''): void => {
    rows.push([`  cash: ${label}`, value, '', '', '', '', detail]);
  };
  note('Node start and bundle load', ms(m('startedMs')));
  note('import glpk.js', ms(m('importMs')));
  note('wasm compile and instantiate', ms(m('wasmMs')));
  note('plan → programme (validate, build)', ms(m('buildMs')));
  note('programme → glpk.js problem', ms(m('translateMs')));
  note('glpk.js solve, cold', ms(m('solveMs')), `GLPK's own clock ${ms(m('glpkSeconds') * 1000)}`);
  note('the same solve again, warm', ms(m('warmSolveMs')), 'the cold solve pays the wasm JIT');
  note('schedule from the solution', ms(m('scheduleMs')));
}

/** Runs a command and reads the "start-up X ms, work Y ms" line it prints on stderr. */
function startupAndWork(label: string, argv: string[], runs: number): void {
  const samples = interleaved({ run: () => timed(argv) }, runs).run;
  const parsed = samples
    .map((x) => /start-up (\d+) ms, work (\d+) ms/.exec(x.stderr))
    .filter((x): x is RegExpExecArray => x !== null);
  const startup = parsed.length ? ms(median(parsed.map((x) => Number(x[1])))) : 'n/a';
  const work = parsed.length ? ms(median(parsed.map((x) => Number(x[2])))) : 'n/a';
  row(label, samples, '', '', '', `start-up ${startup}, work ${work} (its stderr)`);
}

function commands(shared: string): void {
  const tourism = path.join(shared, 'data', 'tourism-monthly.json');
  if (existsSync(tourism)) {
    const theta = ['forecast', tourism, '--method', 'theta', '--out', path.join(tmp, 'f.json')];
    startupAndWork('`openfpa forecast` tourism monthly (366 series, theta)', openfpa(...theta), LONG_RUNS);
  }
  const standard = path.join(shared, 'bench', 'mc-standard.json');
  if (existsSync(standard))
    startupAndWork(
      '`openfpa scenario` mc-standard',
      openfpa('scenario', standard, '--out', path.join(tmp, 's.json')),
      LONG_RUNS,
    );
  const budget = path.join(ROOT, 'test', 'fixtures', 'anomaly', 'budget-set.json');
  startupAndWork(
    '`openfpa flags` budget-set (200 lines)',
    openfpa('flags', budget, '--out', path.join(tmp, 'flags.json')),
    LONG_RUNS,
  );
}

async function main(): Promise<number> {
  const shared = findShared();
  try {
    versions();
    if (shared) {
      await cash(shared);
      commands(shared);
    } else row('cash, forecast, scenario', null, '', '', '', '../shared not found (set OPENFPA_SHARED)');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const header = ['case', 'wall (median)', 'CPU (median)', 'reference', 'ratio', 'target', 'note'];
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  process.stdout.write(
    `openfpa CLI start-up and work: Node ${process.version}, ${RUNS} runs per figure (${LONG_RUNS} for the long commands)\n\n` +
      lines.join('\n') +
      '\n',
  );
  return 0;
}

void main().then((code) => process.exit(code));
