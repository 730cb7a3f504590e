/**
 * Bit-for-bit fingerprint of the forecasts users see, for changes that must not move a single number
 * (speed-ups): `tsx bench/forecast-identity.ts [--sets a,b,c] [--methods auto,ets,arima] [--out file]
 * [--compare file]` (npm run bench:forecast-identity).
 *
 * For every series of the tuning sets (default tourism-monthly, m1-monthly and tourism-quarterly), every
 * method asked for forecasts the whole training part (the set's horizon, seasonality 0, 80% and 95%
 * intervals) in a fresh fit cache, and the point forecasts and every bound are written as the
 * hexadecimal bits of their doubles, with the model's name, the season and the notes. `--out` writes the fingerprints;
 * `--compare` reads an earlier `--out` file and lists every series whose output differs (exit code 1
 * when any does). Run it on the code before a change and after:
 *   npx tsx bench/forecast-identity.ts --out /tmp/before.json   (on the old commit)
 *   npx tsx bench/forecast-identity.ts --compare /tmp/before.json
 * Exits 0 (and says so) when the shared data is absent.
 */
import * as fs from 'fs';
import { clearFitCache, rollingForecast } from '../src/forecast';
import { sharedDataset } from './forecast-cache-format';

const LEVELS = [80, 95];

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/** The bits of each double, 16 hex digits each. */
function bits(values: ArrayLike<number>): string {
  const view = new DataView(new ArrayBuffer(8));
  let out = '';
  for (let i = 0; i < values.length; i++) {
    view.setFloat64(0, values[i]);
    out += view.getBigUint64(0).toString(16).padStart(16, '0');
  }
  return out;
}

/** One forecast's fingerprint: name, mean and bounds (or the error's code when it fails). */
function fingerprint(values: number[], horizon: number, frequency: number, method: string): string {
  try {
    const r = rollingForecast({ values, horizon, frequency, seasonality: 0, levels: LEVELS, method });
    return [
      r.method,
      String(r.seasonPeriod),
      r.notes.join(' '),
      bits(r.mean),
      ...r.intervals.flatMap((i) => [String(i.level), bits(i.lower), bits(i.upper)]),
    ].join('|');
  } catch (e) {
    return `error|${(e as { code?: string }).code ?? String(e)}`;
  }
}

function main(): number {
  const args = process.argv.slice(2);
  const sets = option(args, 'sets', 'tourism-monthly,m1-monthly,tourism-quarterly').split(',');
  const methods = option(args, 'methods', 'auto,ets,arima').split(',');
  const out = option(args, 'out', '');
  const compare = option(args, 'compare', '');
  const prints: Record<string, string> = {};
  for (const set of sets) {
    const found = sharedDataset(set, __dirname);
    if (!found) {
      process.stdout.write(
        `bench/forecast-identity: ${set} not found; shared benchmark data absent, nothing to compare.\n`,
      );
      return 0;
    }
    const { data } = found;
    for (const method of methods) {
      clearFitCache();
      for (const s of data.series)
        prints[`${set}/${method}/${s.id}`] = fingerprint(s.values, data.horizon, data.frequency, method);
    }
    process.stdout.write(`${set}: ${data.series.length} series × ${methods.join(', ')}\n`);
  }
  if (out) fs.writeFileSync(out, JSON.stringify(prints));
  if (!compare) return 0;
  const before = JSON.parse(fs.readFileSync(compare, 'utf8')) as Record<string, string>;
  const keys = Object.keys(prints).filter((k) => k in before);
  const differ = keys.filter((k) => before[k] !== prints[k]);
  for (const k of differ.slice(0, 20)) process.stdout.write(`differs: ${k}\n`);
  process.stdout.write(
    `${keys.length} forecasts compared (${Object.keys(before).length} before, ${Object.keys(prints).length} now): ${differ.length} differ${differ.length === 0 ? ', every bit the same' : ''}\n`,
  );
  return differ.length === 0 && keys.length === Object.keys(before).length ? 0 : 1;
}

process.exitCode = main();
