/**
 * Accuracy of forecasts made the way a month-end close makes them: `tsx bench/forecast-warm.ts [set]
 * [--method auto]` (npm run bench:forecast-warm -- <set>; set as in bench/forecast.ts).
 *
 * A workbook that recalculates after a new actual arrives has just fitted the history one value
 * shorter, and automatic ETS starts each candidate from that fit (fit-cache.ts). This forecasts every
 * series of the set twice in one thread: "cold", as a freshly opened workbook (no previous fit), and
 * "after the previous month", the history without its last value first, then the whole history
 * (only the second forecast is scored). Both are scored with ../shared/bench/score-forecast.mjs and
 * printed as one markdown table with the CPU seconds of the scored forecasts, and how many series
 * changed their forecast by more than 1% at some step. Exits 0 (and says so) without the shared data.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { clearFitCache, rollingForecast } from '../src/forecast';
import type { ForecastResult } from '../src/forecast';
import { runMain } from './run-main';
import { sharedFolder } from './shared-folder';

interface Dataset {
  frequency: number;
  horizon: number;
  series: Array<{ id: string; values: number[] }>;
}

type Row = Record<string, number[] | string>;

const toRow = (id: string, r: ForecastResult): Row => {
  const row: Row = { id, mean: r.mean };
  for (const iv of r.intervals) {
    row[`lo${iv.level}`] = iv.lower;
    row[`hi${iv.level}`] = iv.upper;
  }
  return row;
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const mi = args.indexOf('--method');
  const method = mi >= 0 ? args[mi + 1] : 'auto';
  const positional = args.filter((a, i) => !a.startsWith('--') && (mi < 0 || i !== mi + 1));
  const shared = sharedFolder();
  const scorer = path.join(shared, 'bench', 'score-forecast.mjs');
  const given = positional[0] ?? 'tourism-monthly';
  const dataset = fs.existsSync(given) || given.endsWith('.json') ? given : path.join(shared, 'data', `${given}.json`);
  if (!fs.existsSync(scorer) || !fs.existsSync(dataset)) {
    process.stdout.write(`bench/forecast-warm: ${dataset} or the scorer not found; nothing to measure.\n`);
    return 0;
  }
  const d = JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset;
  const request = (values: number[]) => ({
    values,
    horizon: d.horizon,
    frequency: d.frequency,
    seasonality: 0,
    levels: [80, 95],
    method,
  });
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const cold: ForecastResult[] = [];
  let coldCpu = 0;
  for (const s of d.series) {
    clearFitCache();
    const t = cpu();
    cold.push(rollingForecast(request(s.values)));
    coldCpu += cpu() - t;
  }
  const warm: ForecastResult[] = [];
  let warmCpu = 0;
  for (const s of d.series) {
    clearFitCache();
    if (s.values.length > 1) rollingForecast(request(s.values.slice(0, -1)));
    const t = cpu();
    warm.push(rollingForecast(request(s.values)));
    warmCpu += cpu() - t;
  }
  const changed = cold.filter((c, i) =>
    c.mean.some((v, k) => Math.abs(v - warm[i].mean[k]) > 0.01 * Math.max(Math.abs(v), 1e-9)),
  ).length;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-warm-'));
  const score = (results: ForecastResult[], name: string) => {
    const file = path.join(tmp, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify({ forecasts: results.map((r, i) => toRow(d.series[i].id, r)) }));
    return JSON.parse(execFileSync(process.execPath, [scorer, dataset, file, '--json'], { encoding: 'utf8' })) as {
      sMAPE: number;
      MASE: number;
      coverage80: number | null;
      coverage95: number | null;
    };
  };
  const pct = (v: number | null): string => (v === null ? '–' : (100 * v).toFixed(1));
  const line = (name: string, results: ForecastResult[], seconds: number, moved: string): string => {
    const s = score(results, name);
    return `| ${name} | ${s.sMAPE.toFixed(2)} | ${s.MASE.toFixed(3)} | ${pct(s.coverage80)} | ${pct(s.coverage95)} | ${seconds.toFixed(1)} | ${moved} |`;
  };
  const rows = [
    line('cold', cold, coldCpu, '–'),
    line('after the previous month', warm, warmCpu, `${changed} of ${d.series.length}`),
  ];
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(
    [
      `"${method}" on ${path.basename(dataset)}, one thread: fitted fresh, and after the history without its last value`,
      '',
      '| forecast | sMAPE % | MASE | cover 80 % | cover 95 % | CPU s (scored forecasts) | series moved > 1% |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return 0;
}

runMain('bench/forecast-warm', main);
