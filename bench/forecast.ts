/**
 * Forecast accuracy and speed benchmark: `tsx bench/forecast.ts [set] [--methods a,b,...]`
 * (npm run bench:forecast -- <set>). `set` is a dataset file or the name of a shared tuning set
 * (tourism-monthly, m1-monthly, tourism-quarterly; default tourism-monthly), looked up in the
 * `shared/data` folder beside the repository (searched upward from here, or $OPENFPA_SHARED).
 * A method may carry switches: "auto+accuracy" (weights=accuracy), "auto+outliers" (outliers=adjust).
 *
 * Runs `openfpa forecast` for each method (both cores, worker threads), scores the output with
 * ../shared/bench/score-forecast.mjs --json (M4 definitions), and prints one markdown table:
 * method × (sMAPE, MASE, OWA vs Naive2, cover 80, cover 95, MSIS, seconds). Naive2 comes from the
 * scorer's own baseline. When ../shared is absent it says so and exits 0.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { run } from '../cli/commands/forecast';
import { runMain } from './run-main';
import { sharedFolder } from './shared-folder';

const SHARED = sharedFolder();
const SCORER = path.join(SHARED, 'bench', 'score-forecast.mjs');
const DEFAULT_METHODS = ['snaive', 'naive2', 'ses', 'theta', 'ets', 'auto'];

interface Score {
  sMAPE: number;
  MASE: number;
  OWA: number;
  coverage80: number | null;
  coverage95: number | null;
  MSIS95: number | null;
  seriesScored: number;
}

function score(dataset: string, forecasts: string): Score {
  return JSON.parse(
    execFileSync(process.execPath, [SCORER, dataset, forecasts, '--json'], { encoding: 'utf8' }),
  ) as Score;
}

const pct = (v: number | null): string => (v === null ? '–' : (100 * v).toFixed(1));

/**
 * R forecast 8.20's figures for the shared tuning sets, as listed in shared/data/README.md
 * (sMAPE, MASE, OWA, cover 80, cover 95, MSIS 95, seconds: elapsed for tourism monthly, CPU for
 * the other two), printed under our rows so one table holds both. Absent for any other file.
 */
const R_REFERENCE: Record<string, ReadonlyArray<[string, ...Array<number | null>]>> = {
  'tourism-monthly.json': [
    ['R mean of ets, auto.arima, thetaf', 18.14, 1.442, 0.784, null, null, null, 474],
    ['R ets()', 19.02, 1.526, 0.826, 84.9, 93.9, 13.05, 224],
    ['R auto.arima()', 19.31, 1.487, 0.822, 71.1, 86.1, 14.56, 248],
    ['R thetaf()', 19.9, 1.649, 0.878, 70.9, 84.4, 17.19, 2.2],
  ],
  'm1-monthly.json': [
    ['R mean of ets, auto.arima, thetaf', 14.8, 1.039, 0.885, null, null, null, 1874],
    ['R ets()', 14.97, 1.074, 0.905, 73.3, 87.6, 9.62, 272],
    ['R auto.arima()', 15.98, 1.122, 0.956, 69.4, 84.4, 11.33, 1599],
    ['R thetaf()', 16.53, 1.091, 0.959, 71.7, 86.5, 9.81, 2.5],
  ],
  'tourism-quarterly.json': [
    ['R mean of ets, auto.arima, thetaf', 14.45, 1.519, 0.845, null, null, null, 204],
    ['R ets()', 15.07, 1.592, 0.883, 86.5, 94.7, 13.27, 39.5],
    ['R auto.arima()', 15.64, 1.586, 0.898, 66.5, 82.5, 17.01, 162],
    ['R thetaf()', 15.37, 1.661, 0.911, 68.7, 83.4, 17.14, 2.1],
  ],
};

function referenceRows(file: string): string[] {
  const digits = [2, 3, 3, 1, 1, 2, 1];
  return (R_REFERENCE[file] ?? []).map(
    ([name, ...v]) =>
      `| ${name} (README) | ${v
        .slice(0, 6)
        .map((x, i) => (x === null ? '–' : x.toFixed(digits[i])))
        .join(' | ')} | – | ${(v[6] as number).toFixed(1)} |`,
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const mi = args.indexOf('--methods');
  const methods = mi >= 0 ? args[mi + 1].split(',') : DEFAULT_METHODS;
  const positional = args.filter((a, i) => !a.startsWith('--') && (mi < 0 || i !== mi + 1));
  const given = positional[0] ?? 'tourism-monthly';
  const dataset = fs.existsSync(given) || given.endsWith('.json') ? given : path.join(SHARED, 'data', `${given}.json`);
  if (!fs.existsSync(SCORER) || !fs.existsSync(dataset)) {
    process.stdout.write(
      `bench/forecast: ${fs.existsSync(SCORER) ? dataset : SHARED} not found; shared benchmark data absent, nothing to measure.\n`,
    );
    return 0;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-bench-'));
  const rows: string[] = [];
  for (const method of methods) {
    const out = path.join(tmp, `${method}.json`);
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    if (method === 'naive2') {
      execFileSync(process.execPath, [SCORER, '--baseline', 'naive2', dataset, '--out', out], { stdio: 'ignore' });
    } else {
      // "auto+accuracy", "auto+outliers": the method with the accuracy-weighted combination and/or
      // the outlier adjustment switched on, as a row of its own.
      const [base, ...switches] = method.split('+');
      const extra = switches.flatMap((sw) =>
        sw === 'accuracy' ? ['--combination', 'accuracy'] : sw === 'outliers' ? ['--outliers', 'adjust'] : [],
      );
      const code = await run([dataset, '--method', base, ...extra, '--out', out, '--quiet']);
      if (code !== 0) throw new Error(`openfpa forecast --method ${method} exited with ${code}`);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // CPU time of this process, worker threads included: the fair measure on a shared machine.
    const used = process.cpuUsage(cpu0);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const s = score(dataset, out);
    const time = (v: number): string => (method === 'naive2' ? '–' : v.toFixed(1));
    rows.push(
      `| ${method} | ${s.sMAPE.toFixed(2)} | ${s.MASE.toFixed(3)} | ${s.OWA.toFixed(3)} | ${pct(s.coverage80)} | ${pct(s.coverage95)} | ${s.MSIS95 === null ? '–' : s.MSIS95.toFixed(2)} | ${time(seconds)} | ${time(cpuSeconds)} |`,
    );
    process.stderr.write(`bench/forecast: ${method} done in ${seconds.toFixed(1)} s\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const name = path.basename(dataset);
  process.stdout.write(
    [
      `Forecast benchmark on ${name} (${os.cpus().length} cores; seconds include fitting, all series; R rows are shared/data/README.md's figures, their seconds in the CPU column)`,
      '',
      '| method | sMAPE % | MASE | OWA | cover 80 % | cover 95 % | MSIS 95 | wall s | CPU s |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      ...referenceRows(name),
      '',
    ].join('\n'),
  );
  return 0;
}

runMain('bench/forecast', main);
