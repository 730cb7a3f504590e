/**
 * Interval rules for `auto` that widen its cached interval from the history alone (issue 14, stop 28):
 * `tsx bench/forecast-interval-floors.ts [--cache dir]` (npm run bench:forecast-floors) after
 * `npm run bench:forecast-cache -- <set> --origins 0` for tourism-monthly, m1-monthly and
 * tourism-quarterly. Each rule keeps the cached `auto` point forecast (sMAPE and MASE cannot move) and
 * rebuilds only its 80/95% bounds: uniform widening, floors at a share of a naive benchmark's
 * interval (the seasonal naive's σ√j as R snaive, with normal or Laplace quantiles, its mean absolute error, its own j-season errors,
 * the smaller of it and the naive's k-step errors, a √(k/m) growth), the ETS residuals' shape
 * factors on the floor, Student t, and the in-history out-of-sample check of a cheap proxy (Theta or
 * the seasonal naive fitted without the last h or m values, its standardised errors there as a
 * widening factor, capped). Prints one markdown table: rule × set (cover 80 / cover 95 / MSIS 95,
 * the shared scorer's definitions), whether all six coverages are in their bands, and whether every
 * set's MSIS (to the printed 2 decimals) is no worse than the cached `auto`'s.
 *
 * The cached `auto` must be the one without the floor (built before `seasonal-naive-floor.ts`);
 * the script says so when the cache already has it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CachedForecast, CachedSeries, Dataset } from './forecast-cache-format';
import { maseScale } from '../src/forecast/track-record';
import { seasonalNaive } from '../src/forecast/seasonal-naive';
import { thetaForecast } from '../src/forecast/theta';
import { residualQuantileFactors } from '../src/forecast/residual-calibration';
import { SEASONAL_NAIVE_SHARE } from '../src/forecast/seasonal-naive-floor';
import { normalQuantile } from '../src/stats/normal-quantile';
import { studentT } from '../src/scenario/distributions/gamma-family';

interface Loaded {
  name: string;
  data: Dataset;
  series: CachedSeries[];
}

const Z80 = normalQuantile(0.9);
const Z95 = normalQuantile(0.975);

/** A rule: new 80% and 95% half-width floors per step (or factors, with `factor`), from the history. */
interface Rule {
  name: string;
  /** Half-width floors [80%, 95%] per step. */
  floors?(y: number[], m: number, h: number, c: CachedSeries): [number[], number[]];
  /** Widening factors [80%, 95%] per step applied to the cached half-widths. */
  factor?(y: number[], m: number, h: number, c: CachedSeries): [number[], number[]];
}

const lagOf = (y: number[], m: number): number => (y.length > m ? m : 1);
const diffs = (y: number[], lag: number): number[] => y.slice(lag).map((v, t) => v - y[t]);
const rms = (d: number[]): number => Math.sqrt(d.reduce((a, v) => a + v * v, 0) / d.length);
const mean = (d: number[]): number => d.reduce((a, v) => a + v, 0) / d.length;
/** The seasonal naive's standard error per step (R snaive: σ√j, j the season ahead). */
const snaiveSe = (y: number[], m: number, h: number): number[] =>
  Array.from(seasonalNaive(Float64Array.from(y), m, h).se);
const both = (s: number[], c: number, z80 = Z80, z95 = Z95): [number[], number[]] => [
  s.map((v) => c * z80 * v),
  s.map((v) => c * z95 * v),
];
const nondecreasing = (a: number[]): number[] => a.map((_, k) => Math.max(...a.slice(0, k + 1)));

/** The j-season errors of the history itself (y_t − y_{t−jm}, ≥ 10 of them, else the first season's ·√j). */
function ownSeasonErrors(y: number[], m: number, h: number, of: (d: number[]) => number): number[] {
  const lag = lagOf(y, m);
  return nondecreasing(
    Array.from({ length: h }, (_, k) => {
      const j = Math.floor(k / lag) + 1;
      return y.length - j * lag >= 10 ? of(diffs(y, j * lag)) : of(diffs(y, lag)) * Math.sqrt(j);
    }),
  );
}

/** The in-history check: a proxy fitted without the last `back` values, its RMS standardised error there. */
function proxyRatio(y: number[], m: number, back: number, proxy: 'theta' | 'snaive'): number {
  const n = y.length;
  const b = Math.min(back, Math.floor(n / 4));
  const x = Float64Array.from(y.slice(0, n - b));
  const f = proxy === 'theta' ? thetaForecast(x, m, b) : seasonalNaive(x, m, b);
  if (!f || b < 1) return 1;
  const z = Array.from({ length: b }, (_, k) => (f.se[k] > 0 ? (y[n - b + k] - f.mean[k]) / f.se[k] : NaN)).filter(
    Number.isFinite,
  );
  return z.length ? rms(z) : 1;
}

const RULES: Rule[] = [
  { name: 'none (the cached `auto`)', factor: (_y, _m, h) => [Array(h).fill(1), Array(h).fill(1)] },
  ...[1.1, 1.2].map((c): Rule => ({
    name: `every half-width × ${c}`,
    factor: (_y, _m, h) => [Array(h).fill(c), Array(h).fill(c)],
  })),
  ...[0.7, 0.75, 0.8, SEASONAL_NAIVE_SHARE, 0.9, 0.95, 1].map((c): Rule => ({
    name: `floor: Laplace with ${c} × the seasonal naive's σ√j as standard deviation${c === SEASONAL_NAIVE_SHARE ? ' — kept' : ''}`,
    floors: (y, m, h) => both(snaiveSe(y, m, h), c / Math.SQRT2, Math.log(5), Math.log(20)),
  })),
  ...[0.75, 0.8, SEASONAL_NAIVE_SHARE, 0.86, 0.9, 1].map((c): Rule => ({
    name: `floor: ${c} × the seasonal naive's interval (σ√j, R snaive, normal)`,
    floors: (y, m, h) => both(snaiveSe(y, m, h), c),
  })),
  ...[0.75, 1].map((c): Rule => ({
    name: `floor: ${c} × the naive's interval (σ√k, lag 1)`,
    floors: (y, _m, h) => both(snaiveSe(y, 1, h), c),
  })),
  ...[1, 1.1].map((c): Rule => ({
    name: `floor: ${c} × the MASE scale (seasonal naive's mean absolute error) × √j as standard deviation`,
    floors: (y, m, h) => {
      const lag = lagOf(y, m);
      const s = maseScale(y, y.length, m);
      return both(
        Array.from({ length: h }, (_, k) => s * Math.sqrt(Math.floor(k / lag) + 1)),
        c,
      );
    },
  })),
  ...[0.8, 0.85, 0.9].map((c): Rule => ({
    name: `floor: ${c} × the RMS of the history's own j-season differences`,
    floors: (y, m, h) => both(ownSeasonErrors(y, m, h, rms), c),
  })),
  ...[1, 1.1].map((c): Rule => ({
    name: `floor: ${c} × the mean absolute j-season difference as standard deviation`,
    floors: (y, m, h) =>
      both(
        ownSeasonErrors(y, m, h, (d) => mean(d.map(Math.abs))),
        c,
      ),
  })),
  ...[0.85, 0.9].map((c): Rule => ({
    name: `floor: ${c} × snaive's interval × the ETS residuals' shape factors`,
    floors: (y, m, h, cs) => {
      const r = cs.ets ? residualQuantileFactors(cs.ets.residuals, [80, 95]) : [1, 1];
      return both(snaiveSe(y, m, h), c, Z80 * r[0], Z95 * r[1]);
    },
  })),
  ...[0.9, 1].map((c): Rule => ({
    name: `floor: ${c} × the smaller of snaive's σ√j and the naive's k-step RMS error`,
    floors: (y, m, h) => {
      const s = snaiveSe(y, m, h);
      const s1 = rms(diffs(y, 1));
      const naive = Array.from({ length: h }, (_, k) =>
        y.length - (k + 1) >= 10 ? rms(diffs(y, k + 1)) : s1 * Math.sqrt(k + 1),
      );
      return both(nondecreasing(s.map((v, k) => Math.min(v, naive[k]))), c);
    },
  })),
  ...[1, 1.05].map((c): Rule => ({
    name: `floor: ${c} × snaive's σ·√(k/m) (the year's change spread over its steps)`,
    floors: (y, m, h) => {
      const lag = lagOf(y, m);
      const s = rms(diffs(y, lag));
      return both(
        Array.from({ length: h }, (_, k) => s * Math.sqrt((k + 1) / lag)),
        c,
      );
    },
  })),
  ...[0.7, 0.75].map((c): Rule => ({
    name: `floor: ${c} × snaive's σ√j with Student-t quantiles (df = years of differences)`,
    floors: (y, m, h) => {
      const lag = lagOf(y, m);
      const t = studentT(Math.max(1, (y.length - lag) / lag));
      return both(snaiveSe(y, m, h), c, t.quantile(0.9), t.quantile(0.975));
    },
  })),
  ...(['theta', 'snaive'] as const).flatMap((proxy) =>
    (['h', 'm'] as const).map((back): Rule => ({
      name: `in-history check: ${proxy} without the last ${back}, widen by its RMS standardised error there (1 to 2)`,
      factor: (y, m, h) => {
        const r = Math.min(2, Math.max(1, proxyRatio(y, m, back === 'h' ? h : m, proxy)));
        return [Array(h).fill(r), Array(h).fill(r)];
      },
    })),
  ),
];

function apply(rule: Rule, c: CachedSeries, y: number[], m: number, h: number): CachedForecast {
  const f = c.members.auto!;
  const clip = y.every((v) => v >= 0) ? (v: number) => Math.max(0, v) : (v: number) => v;
  const mu = f.mean;
  if (rule.factor) {
    const [a, b] = rule.factor(y, m, h, c);
    return {
      mean: mu,
      lo80: f.lo80.map((v, k) => clip(mu[k] - a[k] * (mu[k] - v))),
      hi80: f.hi80.map((v, k) => mu[k] + a[k] * (v - mu[k])),
      lo95: f.lo95.map((v, k) => clip(mu[k] - b[k] * (mu[k] - v))),
      hi95: f.hi95.map((v, k) => mu[k] + b[k] * (v - mu[k])),
    };
  }
  const [a, b] = rule.floors!(y, m, h, c);
  return {
    mean: mu,
    lo80: f.lo80.map((v, k) => clip(Math.min(v, mu[k] - a[k]))),
    hi80: f.hi80.map((v, k) => Math.max(v, mu[k] + a[k])),
    lo95: f.lo95.map((v, k) => clip(Math.min(v, mu[k] - b[k]))),
    hi95: f.hi95.map((v, k) => Math.max(v, mu[k] + b[k])),
  };
}

/** Coverage of the 80/95% bounds (% of points) and MSIS 95 (series with a positive MASE scale). */
function scoreSet(set: Loaded, forecasts: CachedForecast[]): [number, number, number] {
  let in80 = 0;
  let in95 = 0;
  let points = 0;
  let msis = 0;
  let scored = 0;
  set.data.series.forEach((s, i) => {
    const f = forecasts[i];
    const scale = maseScale(s.values, s.values.length, set.data.frequency);
    let is = 0;
    s.actual.forEach((y, k) => {
      points++;
      if (y >= f.lo80[k] && y <= f.hi80[k]) in80++;
      if (y >= f.lo95[k] && y <= f.hi95[k]) in95++;
      is +=
        f.hi95[k] - f.lo95[k] + (y < f.lo95[k] ? 40 * (f.lo95[k] - y) : 0) + (y > f.hi95[k] ? 40 * (y - f.hi95[k]) : 0);
    });
    if (Number.isFinite(scale) && scale > 0) {
      msis += is / s.actual.length / scale;
      scored++;
    }
  });
  return [(100 * in80) / points, (100 * in95) / points, msis / scored];
}

function main(): number {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--cache');
  const dir = ci >= 0 ? args[ci + 1] : path.join(os.tmpdir(), 'openfpa-forecast-cache');
  const sets: Loaded[] = ['tourism-monthly', 'm1-monthly', 'tourism-quarterly'].flatMap((name) => {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) return [];
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { dataset: string; series: CachedSeries[] };
    return [{ name, data: JSON.parse(fs.readFileSync(cache.dataset, 'utf8')) as Dataset, series: cache.series }];
  });
  if (sets.length === 0) {
    process.stdout.write(`bench/forecast-interval-floors: no cache in ${dir}; run bench/forecast-cache.ts first.\n`);
    return 0;
  }
  const lines: string[] = [];
  let base: number[] = [];
  for (const rule of RULES) {
    const scores = sets.map((set) =>
      scoreSet(
        set,
        set.series.map((c, i) => apply(rule, c, set.data.series[i].values, set.data.frequency, set.data.horizon)),
      ),
    );
    if (base.length === 0) base = scores.map((s) => Number(s[2].toFixed(2)));
    const band = scores.every(([a, b]) => a >= 77.5 && a <= 82.5 && b >= 92.5 && b <= 97.5);
    const msis = scores.every((s, i) => Number(s[2].toFixed(2)) <= base[i]);
    const cells = scores.map(([a, b, c]) => `${a.toFixed(2)} / ${b.toFixed(2)} / ${c.toFixed(3)}`);
    lines.push(`| ${rule.name} | ${cells.join(' | ')} | ${band ? 'yes' : 'no'} | ${msis ? 'yes' : 'no'} |`);
  }
  // A cache whose `auto` already has the floor: the kept rule moves no bound.
  const kept = RULES.find((r) => r.name.endsWith('kept'))!;
  const floored = sets.every((set) =>
    set.series.every((c, i) => {
      const f = apply(kept, c, set.data.series[i].values, set.data.frequency, set.data.horizon);
      return f.hi80.every((v, k) => v === c.members.auto!.hi80[k]);
    }),
  );
  process.stdout.write(
    [
      `Interval rules for auto from the member cache (${dir}); cover 80 / cover 95 / MSIS 95 per set`,
      ...(floored
        ? [
            '',
            'Note: this cache was built with the floor already in `auto`; the first row is not the unfloored `auto`.',
          ]
        : []),
      '',
      `| rule | ${sets.map((s) => s.name).join(' | ')} | all coverages in band | MSIS no worse on every set |`,
      `|---|${sets.map(() => '---|').join('')}---|---|`,
      ...lines,
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main();
