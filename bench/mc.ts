/**
 * Monte Carlo benchmark: the standard model of ../shared/bench/mc-standard.md at 10k, 100k, 1M and
 * 10M trials, run the way the CLI runs it (`openfpa scenario --workers N`, N = cores: this thread
 * and a worker thread per 250,000 trials, blocks merged in block order), with the numpy/scipy
 * reference (bench/mc_numpy.py) measured beside it on the same machine in the same run. Each size
 * runs in its own process (so peak memory is that size's) from bench/mc-probe.ts bundled as the CLI
 * is (its workers load the bundle, not the TypeScript sources), after a 2,000-trial warm-up; the
 * best of three runs is reported (one run from 1M up). The load average is printed with the table.
 * Prints one markdown table: trials/s per phase (per-thread time summed over blocks, so with
 * several workers a phase's rate is per core), the total (wall clock, and CPU time of all threads),
 * numpy's total and the ratio, peak RSS of each, the largest absolute error of achieved vs target
 * Spearman correlation, and cash's mean and P5 against the reference table.
 *
 * Run: `npm run bench:mc` (npx tsx bench/mc.ts). Options: `--sizes 10000,100000` to choose sizes,
 * `--no-numpy` to skip the reference. numpy and scipy come from Debian (python3-numpy, python3-scipy;
 * scripts/system-deps.sh); OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for the numpy command only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import type { Measurement } from './mc-probe';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's build script is CommonJS
const { bundleOptions } = require('../scripts/build-cli.cjs') as {
  bundleOptions: (entry: string, outfile: string) => BuildOptions;
};

/** ../shared/bench/mc-standard.json: from OPENFPA_SHARED, else the first `shared` folder beside an ancestor. */
function specPath(): string {
  if (process.env.OPENFPA_SHARED) return join(process.env.OPENFPA_SHARED, 'bench', 'mc-standard.json');
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'bench', 'mc-standard.json');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('cannot find shared/bench/mc-standard.json; set OPENFPA_SHARED');
}

const SPEC_PATH = specPath();
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];
const WORKERS = Math.min(Math.max(os.availableParallelism?.() ?? os.cpus().length, 1), 8);
/** Reference table of mc-standard.md (100,000 LHS trials): cash mean and P5. */
const CASH_REF = { mean: 596_000, p5: -790_000, sd: 892_000 };

interface NumpyMeasurement {
  totalMs: number;
  peakRssMb: number;
  maxCorrError: number;
}

function numpy(trials: number): NumpyMeasurement | null {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  try {
    // Debian's python3 (with python3-numpy and python3-scipy) rather than whatever is first on PATH.
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const out = execFileSync(python, [join(__dirname, 'mc_numpy.py'), SPEC_PATH, String(trials)], {
      encoding: 'utf8',
      env,
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out) as NumpyMeasurement;
  } catch (error) {
    process.stderr.write(`bench:mc numpy reference unavailable at ${trials}: ${(error as Error).message}\n`);
    return null;
  }
}

const rate = (trials: number, ms: number): string => Math.round((trials * 1000) / ms).toLocaleString('en-US');

async function main(): Promise<void> {
  const sizesAt = process.argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? process.argv[sizesAt + 1].split(',').map(Number) : SIZES;
  const withNumpy = !process.argv.includes('--no-numpy');
  // Each size runs in a fresh process from the probe, bundled as the CLI is (so its workers load the bundle).
  const probe = join(__dirname, 'out', 'mc-probe.cjs');
  mkdirSync(dirname(probe), { recursive: true });
  await build(bundleOptions(join(__dirname, 'mc-probe.ts'), probe));
  const load = os.loadavg()[0];
  const rows = sizes.map((n) => {
    process.stderr.write(`bench:mc ${n.toLocaleString('en-US')} trials (at most ${WORKERS} threads)...\n`);
    const out = execFileSync(process.execPath, [probe, SPEC_PATH, String(n), String(WORKERS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const ours = JSON.parse(out) as Measurement;
    if (withNumpy) process.stderr.write(`bench:mc numpy ${n.toLocaleString('en-US')} trials...\n`);
    return { ours, ref: withNumpy ? numpy(n) : null };
  });
  const lines = [
    `Standard model (mc-standard.md), at most ${WORKERS} threads (a worker per 250,000 trials beside the main one), ${os.cpus().length} cores; numpy measured in the same run; load average ${load.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end.`,
    '',
    '| trials | sampling/s per core | correlation/s per core | evaluation/s | statistics/s | total trials/s | total trials/s (CPU time) | numpy total/s | ratio | peak RSS (MB) | numpy peak RSS (MB) | max rank-corr error | numpy rank-corr error | cash mean vs ref (% of sd) | cash P5 vs ref (% of sd) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(({ ours: m, ref }) =>
      [
        m.trials.toLocaleString('en-US'),
        rate(m.trials, m.sampleMs),
        rate(m.trials, m.correlateMs),
        rate(m.trials, m.evaluateMs),
        rate(m.trials, m.statsMs),
        rate(m.trials, m.totalMs),
        rate(m.trials, m.cpuMs),
        ref ? rate(m.trials, ref.totalMs) : '—',
        ref ? (ref.totalMs / m.totalMs).toFixed(2) : '—',
        m.peakRssMb.toFixed(0),
        ref ? ref.peakRssMb.toFixed(0) : '—',
        m.maxCorrError.toFixed(4),
        ref ? ref.maxCorrError.toFixed(4) : '—',
        ((100 * (m.cashMean - CASH_REF.mean)) / CASH_REF.sd).toFixed(2),
        ((100 * (m.cashP5 - CASH_REF.p5)) / CASH_REF.sd).toFixed(2),
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
