/**
 * One size of `npm run bench:mc`, run the way the `openfpa scenario` command runs: bench/mc.ts bundles
 * this file with esbuild as the CLI is bundled (scripts/build-cli.cjs), so its worker threads load the
 * bundle, as the CLI's do, rather than compiling the TypeScript sources through tsx. Prints one JSON
 * line: the measurement of `<spec.json> <trials> <threads>` (after a 2,000-trial warm-up on this
 * thread, the best of three runs under 1M trials, one run from 1M up). Inside a worker thread started
 * by cli/jobs.ts, it serves the CLI's jobs instead.
 */
import { readFileSync } from 'node:fs';
import { runScenarioSpec } from '../cli/commands/scenario';
import { isCliWorker } from '../cli/worker-mark';
import { serveCliJobs } from '../cli/worker';
import type { ScenarioSpec } from '../src/scenario/spec';

export interface Measurement {
  trials: number;
  sampleMs: number;
  correlateMs: number;
  evaluateMs: number;
  statsMs: number;
  totalMs: number;
  /** User + system CPU time of every thread of the run. */
  cpuMs: number;
  peakRssMb: number;
  maxCorrError: number;
  cashMean: number;
  cashP5: number;
}

async function measure(specPath: string, trials: number, threads: number): Promise<Measurement> {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as ScenarioSpec;
  const target = spec.correlation!.matrix;
  await runScenarioSpec({ ...spec, iterations: 2000 }, 1, () => undefined);
  let best: Measurement | undefined;
  for (let rep = 0; rep < (trials >= 1_000_000 ? 1 : 3); rep++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const r = await runScenarioSpec({ ...spec, iterations: trials }, threads, () => undefined);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    let err = 0;
    r.achievedCorrelation.matrix.forEach((row, i) =>
      row.forEach((v, j) => (err = Math.max(err, Math.abs(v - target[i][j])))),
    );
    const m: Measurement = {
      trials,
      ...r.timings,
      totalMs: wall,
      cpuMs: (used.user + used.system) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      maxCorrError: err,
      cashMean: r.outputs.cash.mean,
      cashP5: r.outputs.cash.percentiles['5'],
    };
    if (!best || m.totalMs < best.totalMs) best = m;
  }
  return best!;
}

if (isCliWorker()) serveCliJobs();
else {
  const [specPath, trials, threads] = process.argv.slice(2);
  measure(specPath, Number(trials), Number(threads)).then(
    (m) => process.stdout.write(JSON.stringify(m) + '\n'),
    (error: unknown) => {
      process.stderr.write(`bench/mc-probe: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
