/**
 * `openfpa forecast <dataset.json> [--method M] [--levels 80,95] [--seasonality N] [--combination C] [--outliers O] [--workers N] [--out forecasts.json] [--quiet]`
 *
 * Forecasts every series of a dataset file {"name","frequency","horizon","series":[{"id","values",
 * "actual"?}]} (`actual` is ignored) and writes {"dataset","method","forecasts":[{"id","method","mean",
 * "lo80","hi80","lo95","hi95","notes"}],"errors":[{"id","error"}]} (interval keys follow --levels; notes
 * say what was decided, e.g. that a seasonal method ran without a season) to --out or stdout. Progress
 * goes to stderr.
 * Exit codes: 0 done, 1 malformed or unreadable input, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, parseCommandLine, UsageError, valueOption } from '../args';
import { runCommand, startWork, warnUnknownFields, writeResult } from '../command';
import * as os from 'os';
import { isFpaError } from '../../src/errors';
import { FORECAST_METHODS, type ForecastRequest, type ForecastResult } from '../../src/forecast/types';
import { isForecastMethod } from '../../src/forecast/rolling-forecast';
import { cliJobPool } from '../jobs';
import { boundsText, HORIZON, SEASONALITY, withinBounds } from '../../src/model/limits';

const USAGE = `usage: openfpa forecast <dataset.json> [--method M] [--levels 80,95] [--seasonality N] [--combination equal|accuracy] [--outliers keep|adjust] [--workers N] [--out forecasts.json] [--quiet]

  --method M      ${FORECAST_METHODS.join(', ')} (auto is the default), or an ETS code (e.g. MAdM)
  --levels L      comma-separated interval levels in percent (default 80,95)
  --seasonality N 0 = detect at the dataset frequency (default), 1 = none, n = season length (at most ${SEASONALITY.max})
  --combination C weights of the auto combination: equal (default) or accuracy (1 / rolling-origin MASE)
  --outliers O    keep (default) fits the history as given; adjust replaces robust outliers before fitting
  --out FILE      write the JSON result there instead of stdout
  --workers N     worker threads (default: number of cores, at most 8); output is identical for any N
  --quiet         no progress on stderr`;

export interface ForecastOptions {
  file: string;
  method: string;
  levels: number[];
  seasonality: number;
  combination: 'equal' | 'accuracy';
  outliers: 'keep' | 'adjust';
  out?: string;
  quiet: boolean;
  workers: number;
}

class InputError extends Error {}

const FORECAST_LINE = commandLine<Omit<ForecastOptions, 'file'>>({
  defaults: () => {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return {
      method: 'auto',
      levels: [80, 95],
      seasonality: 0,
      combination: 'equal',
      outliers: 'keep',
      quiet: false,
      workers: Math.min(Math.max(cores, 1), 8),
    };
  },
  file: 'dataset.json',
  options: [
    valueOption(['--method'], (o, v) => {
      if (!isForecastMethod(v))
        throw new UsageError(
          `--method must be one of ${FORECAST_METHODS.join(', ')} or an ETS code such as AAdA, got "${v}"`,
        );
      o.method = v;
    }),
    valueOption(['--out'], (o, v) => (o.out = v)),
    flagOption(['--quiet'], (o) => (o.quiet = true)),
    valueOption(['--workers'], (o, v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64)
        throw new UsageError(`--workers must be a whole number from 1 to 64, got "${v}"`);
      o.workers = Number(v);
    }),
    valueOption(['--combination'], (o, v) => {
      if (v !== 'equal' && v !== 'accuracy')
        throw new UsageError(`--combination must be equal or accuracy, got "${v}"`);
      o.combination = v;
    }),
    valueOption(['--outliers'], (o, v) => {
      if (v !== 'keep' && v !== 'adjust') throw new UsageError(`--outliers must be keep or adjust, got "${v}"`);
      o.outliers = v;
    }),
    valueOption(['--seasonality'], (o, v) => {
      // Above the engine's bound every series failed alone (exit 1); it is the command line's fault.
      if (!/^\d+$/.test(v) || Number(v) > SEASONALITY.max)
        throw new UsageError(
          `--seasonality must be 0 (detect), 1 (none) or a season length from 2 to ${SEASONALITY.max}, got "${v}"`,
        );
      o.seasonality = Number(v);
    }),
    valueOption(['--levels'], (o, v) => {
      const levels = v.split(',').map((s) => Number(s.trim()));
      if (!levels.length || levels.some((l) => !(l > 0 && l < 100)))
        throw new UsageError(`--levels must be percentages in (0, 100), got "${v}"`);
      o.levels = levels;
    }),
  ],
});

/** @throws UsageError for a bad command line. */
export function parseForecastArgs(args: string[]): ForecastOptions | 'help' {
  return parseCommandLine(args, FORECAST_LINE);
}

export interface DatasetSeries {
  id: string;
  values: (number | null)[];
}

export interface Dataset {
  name?: string;
  frequency: number;
  horizon: number;
  series: DatasetSeries[];
}

/** Reads and checks a dataset file; throws InputError with a message naming the fault. */
export function readDataset(file: string): Dataset {
  let obj: Partial<Dataset>;
  try {
    obj = readJsonObject(file) as Partial<Dataset>;
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  // The frequency is the season tried first, so above the engine's longest season every series failed
  // alone with a message about a "seasonality" the file never gave.
  if (!Number.isInteger(obj.frequency) || (obj.frequency as number) < 1 || (obj.frequency as number) > SEASONALITY.max)
    throw new InputError(
      `${file}: "frequency" must be a whole number from 1 to ${SEASONALITY.max} (periods per year: 12 monthly, 4 quarterly, 52 weekly)`,
    );
  if (!withinBounds(obj.horizon as number, HORIZON))
    throw new InputError(`${file}: "horizon" must be a whole number ${boundsText(HORIZON)}`);
  if (!Array.isArray(obj.series) || obj.series.length === 0)
    throw new InputError(`${file}: "series" must be a non-empty array`);
  const ids = new Set<string>();
  obj.series.forEach((s, i) => {
    if (!s || typeof s !== 'object') throw new InputError(`${file}: series[${i + 1}] must be an object`);
    if (typeof s.id !== 'string' || !s.id)
      throw new InputError(`${file}: series[${i + 1}].id must be a non-empty string`);
    if (ids.has(s.id)) throw new InputError(`${file}: duplicate series id "${s.id}"`);
    ids.add(s.id);
    if (!Array.isArray(s.values)) throw new InputError(`${file}: series "${s.id}" values must be an array`);
    s.values.forEach((v, k) => {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
        throw new InputError(
          `${file}: series "${s.id}" values[${k + 1}] is ${JSON.stringify(v)}, expected a number or null`,
        );
    });
  });
  return obj as Dataset;
}

export interface SeriesForecast {
  id: string;
  method?: string;
  mean?: number[];
  error?: string;
  [key: string]: unknown;
}

type ForecastSettings = Pick<ForecastOptions, 'method' | 'levels' | 'seasonality' | 'combination' | 'outliers'>;

/** The engine's request for one series of the dataset. */
function seriesRequest(
  s: DatasetSeries,
  d: Pick<Dataset, 'frequency' | 'horizon'>,
  o: ForecastSettings,
): ForecastRequest {
  return {
    values: s.values,
    horizon: d.horizon,
    frequency: d.frequency,
    seasonality: o.seasonality,
    levels: o.levels,
    method: o.method,
    combination: o.combination,
    outliers: o.outliers,
  };
}

/** The output record of one series' forecast: mean, then lo/hi per level. */
function seriesRecord(id: string, r: ForecastResult): SeriesForecast {
  const rec: SeriesForecast = { id, method: r.method, mean: r.mean };
  for (const iv of r.intervals) {
    rec[`lo${iv.level}`] = iv.lower;
    rec[`hi${iv.level}`] = iv.upper;
  }
  // What was decided and why (season found or not, blanks filled, a seasonal method run without a season).
  rec.notes = r.notes;
  return rec;
}

/**
 * Forecasts every series through the job pool: on `workers` worker threads (dealt to whichever is
 * free) or on this thread. Each series is forecast independently and deterministically, so the
 * output does not depend on the number of workers or on timing. Engine errors become an `error`
 * field of the series' record.
 */
async function forecastAll(
  dataset: Dataset,
  opts: ForecastOptions,
  progress: () => void,
): Promise<{ forecasts: SeriesForecast[]; workers: number }> {
  const workers = opts.workers > 1 && dataset.series.length >= 8 ? Math.min(opts.workers, dataset.series.length) : 1;
  const pool = cliJobPool(workers);
  try {
    const forecasts = await Promise.all(
      dataset.series.map((s) =>
        pool
          .run('forecast.rolling', seriesRequest(s, dataset, opts))
          .then(
            (result) => seriesRecord(s.id, result),
            (e: unknown) => {
              if (isFpaError(e)) return { id: s.id, error: e.fullMessage };
              throw e;
            },
          )
          .finally(progress),
      ),
    );
    // Workers still running at the end (a worker that failed handed its series to this thread).
    return { forecasts, workers: pool.workers };
  } finally {
    pool.close();
  }
}

export function run(args: string[]): Promise<number> {
  return runCommand('forecast', USAGE, FORECAST_LINE, args, async (opts) => {
    const clock = startWork();
    let dataset: Dataset;
    try {
      dataset = readDataset(opts.file);
      warnUnknownFields('forecast', opts.file, dataset, ['name', 'frequency', 'horizon', 'series']);
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`openfpa forecast: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const started = process.hrtime.bigint();
    const total = dataset.series.length;
    let doneCount = 0;
    let nextReport = 0;
    const progress = (): void => {
      doneCount++;
      if (!opts.quiet && doneCount / total >= nextReport) {
        process.stderr.write(`\rforecast: ${doneCount}/${total} series`);
        nextReport += 0.1;
      }
    };
    const { forecasts, workers } = await forecastAll(dataset, opts, progress);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const failed = forecasts.filter((f) => f.error);
    if (!opts.quiet)
      process.stderr.write(
        `\rforecast: ${total} series with method ${opts.method} in ${seconds.toFixed(2)} s (${workers > 0 ? `${workers} worker threads` : 'one thread'})\n`,
      );
    for (const f of failed.slice(0, 10)) process.stderr.write(`openfpa forecast: series "${f.id}": ${f.error}\n`);
    const ok = forecasts.filter((f) => !f.error);
    writeResult(
      JSON.stringify({ dataset: dataset.name ?? null, method: opts.method, forecasts: ok, errors: failed }) + '\n',
      opts.out,
    );
    if (!opts.quiet) process.stderr.write(clock.report('forecast'));
    return ok.length > 0 ? 0 : 1;
  });
}
