/**
 * Caches every candidate member of `auto` once per tuning set, so combination and interval rules
 * can be compared in seconds (bench/forecast-rules.ts) instead of refitting:
 * `tsx bench/forecast-cache.ts <set> [--origins 3] [--out dir]` (npm run bench:forecast-cache -- <set>).
 *
 * For every series it stores, at the forecast origin (the whole training part) and at `origins`
 * earlier origins inside the history (the last round(k·h / origins) values held back, k = 1…origins:
 * a track record that never sees the test part), each member as its own method produces it: `ets`,
 * `theta`, `arima` (R's search) through rollingForecast, `arima-css` (the CSS search for every history
 * with the exact ML refit, as the `arima-pool` branch's member), auto's differenced autoregression
 * `ar`, and today's `auto` at the origin. Each forecast keeps its mean and its 80/95% bounds; the
 * origin also keeps the selected ETS model's standardised residuals (what today's `auto` calibrates
 * its widths from) and its one-step errors y − fitted. CPU seconds per member (one thread) are kept
 * too. Writes `<dir>/<set>.json` (dir default $TMPDIR/openfpa-forecast-cache); exits 0 (and says
 * so) when the shared data is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rollingForecast } from '../src/forecast';
import { resolveSeason, etsSeason } from '../src/forecast/resolve-season';
import { arMember } from '../src/forecast/member-forecasts';
import { autoArima } from '../src/forecast/arima-select';
import { arimaMemberOf } from '../src/forecast/arima-member';
import { cachedSelectEts } from '../src/forecast/fit-cache';
import { etsFilter } from '../src/forecast/ets-filter';
import { etsForecastMoments } from '../src/forecast/ets-forecast';
import { freeParameterCount } from '../src/forecast/ets-model';
import type { EtsFit } from '../src/forecast/ets-fit';
import { hasFullSeasons } from '../src/model/limits';
import { sharedDataset, type CachedForecast, type CachedSeries, type MemberName } from './forecast-cache-format';
import { titledTable } from './markdown';

const LEVELS = [80, 95];

const cached = (mean: ArrayLike<number>, lower: ArrayLike<number>[], upper: ArrayLike<number>[]): CachedForecast => ({
  mean: Array.from(mean),
  lo80: Array.from(lower[0]),
  hi80: Array.from(upper[0]),
  lo95: Array.from(lower[1]),
  hi95: Array.from(upper[1]),
});

/** Every member of one history (undefined where a member cannot be fitted), timing each. */
function membersOf(
  y: Float64Array,
  frequency: number,
  h: number,
  withAuto: boolean,
  cpu: Record<string, number>,
): Partial<Record<MemberName, CachedForecast>> {
  const out: Partial<Record<MemberName, CachedForecast>> = {};
  const timed = (m: MemberName, f: () => CachedForecast | undefined): void => {
    const c = process.cpuUsage();
    try {
      const r = f();
      if (r) out[m] = r;
    } catch {
      // a member that refuses this history (too short, no model) is absent
    } finally {
      const u = process.cpuUsage(c);
      cpu[m] = (cpu[m] ?? 0) + (u.user + u.system) / 1e6;
    }
  };
  const request = { values: Array.from(y), horizon: h, frequency, seasonality: 0, levels: LEVELS };
  const methods: MemberName[] = withAuto ? ['ets', 'theta', 'arima', 'auto'] : ['ets', 'theta', 'arima'];
  for (const m of methods)
    timed(m, () => {
      const r = rollingForecast({ ...request, method: m });
      return cached(
        r.mean,
        r.intervals.map((i) => i.lower),
        r.intervals.map((i) => i.upper),
      );
    });
  // auto's autoregression: the detected season, none below two full seasons (rolling-forecast.ts).
  let period = resolveSeason(y, 0, frequency).period;
  if (period > 1 && !hasFullSeasons(y.length, period)) period = 1;
  timed('ar', () => {
    const f = arMember(y, period, h, LEVELS);
    return f && cached(f.mean, f.lower, f.upper);
  });
  timed('arima-css', () => {
    const r = autoArima(y, frequency, { approximation: true, mlGradient: 'analytic' });
    const f = r && arimaMemberOf(r, y, h, LEVELS);
    return f && cached(f.mean, f.lower, f.upper);
  });
  return out;
}

/**
 * The selected ETS model's in-sample h-step errors (Williams & Goodman 1971): from every origin t
 * inside the history (the state after the first t values, the parameters of the whole fit) the
 * forecast of y[t + j − 1], j = 1…h, and its error divided by the model's own j-step standard
 * deviation. z[j − 1][t − 1] is that standardised error (NaN where the model has no variance).
 */
function etsMultiStep(y: Float64Array, fit: EtsFit, h: number): number[][] {
  const n = y.length;
  const z = Array.from({ length: h }, () => [] as number[]);
  const state = new Float64Array(fit.initialState.length);
  for (let t = 1; t < n; t++) {
    etsFilter(y.subarray(0, t), fit.spec, fit.params, fit.initialState, { finalState: state });
    const steps = Math.min(h, n - t);
    const mv = etsForecastMoments({ ...fit, finalState: state }, steps);
    for (let j = 0; j < steps; j++) {
      const sd = mv.variance ? Math.sqrt(mv.variance[j]) : NaN;
      const e = (y[t + j] - mv.mean[j]) / sd;
      z[j].push(Number.isFinite(e) ? Math.round(e * 1e4) / 1e4 : NaN);
    }
  }
  return z;
}

/** The selected ETS model's standardised residuals, one-step errors and in-sample h-step errors. */
function etsErrors(y: Float64Array, frequency: number, h: number): CachedSeries['ets'] {
  let m = resolveSeason(y, 0, frequency).period;
  if (m > 1 && !hasFullSeasons(y.length, m)) m = 1;
  const fit = cachedSelectEts(y, etsSeason(y.length, 0, frequency, m));
  if (!fit) return undefined;
  return {
    residuals: Array.from(fit.residuals),
    errors: Array.from(y, (v, t) => v - fit.fitted[t]),
    code: `${fit.spec.error}${fit.spec.trend}${fit.spec.season}`,
    parameters: freeParameterCount(fit.spec),
    multiStep: etsMultiStep(y, fit, h),
  };
}

function main(): number {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const origins = Number(opt('--origins') ?? 3);
  const dir = opt('--out') ?? path.join(os.tmpdir(), 'openfpa-forecast-cache');
  const given = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'tourism-monthly';
  const found = sharedDataset(given, __dirname);
  if (!found) {
    process.stdout.write(`bench/forecast-cache: ${given} or the scorer not found; nothing to cache.\n`);
    return 0;
  }
  const { dataset, data } = found;
  const cpu: Record<string, number> = {};
  const originCpu: Record<string, number> = {};
  const series: CachedSeries[] = data.series.map((s, i) => {
    const y = Float64Array.from(s.values);
    const back = Array.from({ length: origins }, (_, k) => Math.round(((k + 1) * data.horizon) / origins));
    const earlier = back.map((b) =>
      y.length - b >= 6 ? membersOf(y.subarray(0, y.length - b), data.frequency, data.horizon, false, originCpu) : {},
    );
    if (i % 50 === 0) process.stderr.write(`bench/forecast-cache: ${i} / ${data.series.length}\n`);
    return {
      id: s.id,
      members: membersOf(y, data.frequency, data.horizon, true, cpu),
      ets: etsErrors(y, data.frequency, data.horizon),
      origins: back.map((b, k) => ({ heldBack: b, members: earlier[k] })),
    };
  });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(dataset, '.json')}.json`);
  fs.writeFileSync(file, JSON.stringify({ dataset, cpu, originCpu, series }));
  const table = Object.entries(cpu).map(([m, s]) => `| ${m} | ${s.toFixed(1)} | ${(originCpu[m] ?? 0).toFixed(1)} |`);
  process.stdout.write(
    titledTable(
      `Cached ${series.length} series of ${path.basename(dataset)} to ${file} (CPU s, one thread)`,
      ['member', 'CPU s at the origin', 'CPU s at the earlier origins'],
      table,
    ).join('\n'),
  );
  return 0;
}

process.exitCode = main();
