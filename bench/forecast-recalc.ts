/**
 * Recalculation cost of FPA.FORECAST.ROLLING: `tsx bench/forecast-recalc.ts [dataset.json]
 * [--series 100] [--length 60] [--horizon 12] [--method auto] [--weights equal|accuracy|record] [--passes 5]`
 * (npm run bench:forecast-recalc).
 *
 * A workbook with `--series` rolling forecasts over `--length` months each, recalculated the way
 * Excel does it: every formula calls the engine in one thread, one after another. Each pass is
 * timed in CPU time of this process (process.cpuUsage) and wall time, and the table reports (a
 * "median" row gives each column's median over the passes, src/stats' median):
 * - "first": the first pass after start (includes the JIT compiling the engine);
 * - "cold": later passes over histories the engine has not seen (cache cleared), the cost of a
 *   first calculation of histories that changed beyond recognition;
 * - "unchanged": a recalculation in which no history changed (F9, or a change elsewhere in the
 *   workbook), answered from the result cache;
 * - "one new actual": one series gains its next actual, the other 99 are unchanged;
 * - "new actual in every series": the month-end close, every history one value longer (with
 *   weights=accuracy two of the three scored origins were fitted on the previous recalculation).
 * `--weights record` is weights=accuracy as the cells run it: with the series' kept forecasts (the
 * track record, src/forecast/track-record.ts), kept in memory across passes as the local store keeps
 * them, so only the first pass refits past origins; "accuracy" refits 3 origins on every pass.
 * Series come from the dataset's training parts (their last `--length` values). The last column is
 * the slowest single formula of the pass (one cell's recalculation at worst): with `--length 120`
 * the cost of a ROLLING cell over ten years of monthly history.
 */
import * as fs from 'fs';
import * as path from 'path';
import { clearFitCache, rollingForecast } from '../src/forecast';
import type { ForecastRequest } from '../src/forecast';
import { trackSeriesKey } from '../src/forecast/track-record';
import type { ForecastRecord } from '../src/model/kpi';
import { median } from '../src/stats/median';

interface Dataset {
  series: Array<{ id: string; values: number[]; actual?: number[] }>;
}

function option(args: string[], name: string, fallback: number | string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : String(fallback);
}

interface Pass {
  cpuMs: number;
  wallMs: number;
  /** CPU ms of the slowest formula in the pass. */
  slowestMs: number;
}

function timed(run: () => void, slowest: () => number): Pass {
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: (used.user + used.system) / 1000,
    wallMs: Number(process.hrtime.bigint() - t0) / 1e6,
    slowestMs: slowest(),
  };
}

function main(): number {
  const args = process.argv.slice(2);
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const dataset = positional[0] ?? path.resolve(__dirname, '..', '..', 'shared', 'data', 'tourism-monthly.json');
  if (!fs.existsSync(dataset)) {
    process.stdout.write(
      `bench/forecast-recalc: ${dataset} not found; shared benchmark data absent, nothing to measure.\n`,
    );
    return 0;
  }
  const count = Number(option(args, 'series', 100));
  const length = Number(option(args, 'length', 60));
  const horizon = Number(option(args, 'horizon', 12));
  const method = option(args, 'method', 'auto');
  const passes = Number(option(args, 'passes', 5));
  const weights = option(args, 'weights', 'equal') as 'equal' | 'accuracy' | 'record';
  const data = JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset;
  const usable = data.series.filter((s) => s.values.length >= length + 1).slice(0, count);
  if (usable.length < count)
    process.stderr.write(`bench/forecast-recalc: only ${usable.length} series have ${length + 1} values\n`);
  // The history the workbook holds before the new actual arrives, and after.
  const before = usable.map((s) => s.values.slice(-length - 1, -1));
  const after = usable.map((s) => s.values.slice(-length));
  // The track record of --weights record, by series and record id (what the cells' store holds).
  const kept = new Map<string, Map<string, ForecastRecord>>();
  const request = (values: number[]): ForecastRequest => {
    if (weights !== 'record') return { values, horizon, method, combination: weights };
    const series = trackSeriesKey(values);
    return {
      values,
      horizon,
      method,
      combination: 'accuracy',
      trackRecord: { series, records: [...(kept.get(series)?.values() ?? [])] },
    };
  };
  const keep = (records: ForecastRecord[] = []): void => {
    for (const r of records) {
      const series = kept.get(r.series) ?? new Map<string, ForecastRecord>();
      series.set(`${r.origin}@${r.method}`, r);
      kept.set(r.series, series);
    }
  };
  // The slowest single formula of the pass being timed: what one cell's recalculation costs at worst.
  let slowest = 0;
  const recalc = (histories: number[][]): void => {
    slowest = 0;
    for (const values of histories) {
      const c = process.cpuUsage();
      keep(rollingForecast(request(values)).kept);
      const u = process.cpuUsage(c);
      slowest = Math.max(slowest, (u.user + u.system) / 1000);
    }
  };

  const rows: Array<[string, Pass]> = [];
  rows.push([
    'first',
    timed(
      () => recalc(before),
      () => slowest,
    ),
  ]);
  const cold: Array<Pass> = [];
  for (let p = 0; p < passes; p++) {
    clearFitCache();
    cold.push(
      timed(
        () => recalc(before),
        () => slowest,
      ),
    );
  }
  // Each column's median over the passes (src/stats: with an even count, the mean of the middle two).
  const medianPass = (xs: Array<Pass>): Pass => ({
    cpuMs: median(xs.map((x) => x.cpuMs)),
    wallMs: median(xs.map((x) => x.wallMs)),
    slowestMs: median(xs.map((x) => x.slowestMs)),
  });
  rows.push([`cold (median of ${passes})`, medianPass(cold)]);
  rows.push([`cold (best of ${passes})`, cold.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a))]);
  const unchanged = Array.from({ length: passes }, () =>
    timed(
      () => recalc(before),
      () => slowest,
    ),
  );
  rows.push([`unchanged (median of ${passes})`, medianPass(unchanged)]);
  const newActual = Array.from({ length: passes }, (_, p) => {
    clearFitCache();
    recalc(before);
    const histories = before.map((h, i) => (i === p % before.length ? after[i] : h));
    return timed(
      () => recalc(histories),
      () => slowest,
    );
  });
  rows.push([`one new actual (median of ${passes})`, medianPass(newActual)]);
  // Month-end close: every series gains its next actual at once.
  const allNew = Array.from({ length: passes }, () => {
    clearFitCache();
    recalc(before);
    return timed(
      () => recalc(after),
      () => slowest,
    );
  });
  rows.push([`new actual in every series (median of ${passes})`, medianPass(allNew)]);

  process.stdout.write(
    [
      `Recalculation of ${usable.length} × FPA.FORECAST.ROLLING(last ${length} values of ${path.basename(dataset)}, ${horizon}, 0, , "${method}", "weights=${weights === 'record' ? 'accuracy' : weights}"), one thread${weights === 'record' ? ', weights from the kept track record' : ''}`,
      '',
      '| pass | CPU ms | wall ms | CPU ms per formula | slowest formula, CPU ms |',
      '|---|---|---|---|---|',
      ...rows.map(
        ([name, t]) =>
          `| ${name} | ${t.cpuMs.toFixed(0)} | ${t.wallMs.toFixed(0)} | ${(t.cpuMs / usable.length).toFixed(2)} | ${t.slowestMs.toFixed(0)} |`,
      ),
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main();
