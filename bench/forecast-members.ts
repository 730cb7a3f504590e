/**
 * What `auto` would score with other members: `tsx bench/forecast-members.ts [set]`
 * (npm run bench:forecast-members -- <set>; set as in bench/forecast.ts, default tourism-monthly).
 *
 * Forecasts every series once with each candidate member, each as its own method produces it
 * (`ets`, `theta`, `arima` through rollingForecast, `arima-css` = automatic ARIMA with R's CSS
 * approximation in the search for every history, `arima-fast` = that search's best CSS fit without
 * the maximum-likelihood refit, and auto's differenced autoregression `ar` on
 * the season auto gives it), plus `auto` itself, timing each in CPU seconds (one thread). Then
 * pools them per series and scores every pool with ../shared/bench/score-forecast.mjs:
 * - "mean": the equal-weight mean of the members' means and of their bounds' half-widths, the
 *   half-widths rescaled by the factor auto applies (its ETS model's residual quantiles, read off as
 *   auto's half-width over the mean of its three members' half-widths at that step);
 * - "median": the median of the means (mean of the middle two for four), half-widths as "mean";
 * - "… / auto widths": the pool's mean with auto's own interval half-widths around it.
 * Prints one markdown table. Exits 0 (and says so) when the shared data is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { rollingForecast } from '../src/forecast';
import { resolveSeason } from '../src/forecast/resolve-season';
import { arMember } from '../src/forecast/member-forecasts';
import { autoArima } from '../src/forecast/arima-select';
import { arimaMemberOf } from '../src/forecast/arima-member';
import { hasFullSeasons } from '../src/model/limits';
import { medianSorted } from '../src/stats/median-sorted';
import { sharedFolder } from './shared-folder';
import { titledTable } from './markdown';

interface Series {
  id: string;
  values: number[];
}
interface Dataset {
  frequency: number;
  horizon: number;
  series: Series[];
}
/** One series' forecast in the scorer's format. */
interface Row {
  id: string;
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

const MEMBERS = ['ets', 'theta', 'arima', 'arima-css', 'arima-fast', 'ar', 'auto'] as const;
type Member = (typeof MEMBERS)[number];

const toRow = (id: string, mean: ArrayLike<number>, lower: ArrayLike<number>[], upper: ArrayLike<number>[]): Row => ({
  id,
  mean: Array.from(mean),
  lo80: Array.from(lower[0]),
  hi80: Array.from(upper[0]),
  lo95: Array.from(lower[1]),
  hi95: Array.from(upper[1]),
});

/** Each member's forecasts by series id, and its CPU seconds for the whole set. */
function memberForecasts(d: Dataset): { rows: Record<Member, Map<string, Row>>; cpu: Record<Member, number> } {
  const rows = Object.fromEntries(MEMBERS.map((m) => [m, new Map<string, Row>()])) as Record<Member, Map<string, Row>>;
  const cpu = Object.fromEntries(MEMBERS.map((m) => [m, 0])) as Record<Member, number>;
  const timed = <T>(m: Member, f: () => T): T => {
    const c = process.cpuUsage();
    try {
      return f();
    } finally {
      const u = process.cpuUsage(c);
      cpu[m] += (u.user + u.system) / 1e6;
    }
  };
  for (const s of d.series) {
    const request = { values: s.values, horizon: d.horizon, frequency: d.frequency, seasonality: 0, levels: [80, 95] };
    for (const m of ['ets', 'theta', 'arima', 'auto'] as const) {
      const r = timed(m, () => rollingForecast({ ...request, method: m }));
      rows[m].set(
        s.id,
        toRow(
          s.id,
          r.mean,
          r.intervals.map((i) => i.lower),
          r.intervals.map((i) => i.upper),
        ),
      );
    }
    // auto's autoregression: the detected season, none below two full seasons (rolling-forecast.ts).
    const y = Float64Array.from(s.values);
    let period = resolveSeason(y, 0, d.frequency).period;
    if (period > 1 && !hasFullSeasons(y.length, period)) period = 1;
    const ar = timed('ar', () => arMember(y, period, d.horizon, [80, 95]));
    if (ar) rows.ar.set(s.id, toRow(s.id, ar.mean, ar.lower, ar.upper));
    // A cheaper ARIMA: R's CSS approximation of the search for every history (R uses it above 150
    // values or m > 12 only), the chosen model refitted by maximum likelihood as usual.
    const css = timed('arima-css', () => {
      const r = autoArima(y, d.frequency, { approximation: true });
      return r && arimaMemberOf(r, y, d.horizon, [80, 95]);
    });
    if (css) rows['arima-css'].set(s.id, toRow(s.id, css.mean, css.lower, css.upper));
    // Cheaper still: the CSS search's best accepted model, not refitted by maximum likelihood.
    const fast = timed('arima-fast', () => {
      const r = autoArima(y, d.frequency, { approximation: true, mlRefit: false });
      return r && arimaMemberOf(r, y, d.horizon, [80, 95]);
    });
    if (fast) rows['arima-fast'].set(s.id, toRow(s.id, fast.mean, fast.lower, fast.upper));
  }
  return { rows, cpu };
}

type Rule = 'mean' | 'median' | 'mean / auto widths' | 'median / auto widths';

/** The pool of `members` for every series, by `rule`. */
function pool(rows: Record<Member, Map<string, Row>>, members: Member[], rule: Rule): Row[] {
  const level = (r: Row, l: 80 | 95, k: number): [number, number] =>
    l === 80 ? [r.mean[k] - r.lo80[k], r.hi80[k] - r.mean[k]] : [r.mean[k] - r.lo95[k], r.hi95[k] - r.mean[k]];
  return [...rows.auto.values()].map((auto) => {
    const rs = members.flatMap((m) => rows[m].get(auto.id) ?? []);
    const base = (['ets', 'theta', 'ar'] as const).flatMap((m) => rows[m].get(auto.id) ?? []);
    const out: Row = { id: auto.id, mean: [], lo80: [], hi80: [], lo95: [], hi95: [] };
    for (let k = 0; k < auto.mean.length; k++) {
      const v = rs.map((r) => r.mean[k]).sort((a, b) => a - b);
      const mean = rule.startsWith('median') ? medianSorted(v) : v.reduce((a, b) => a + b, 0) / v.length;
      out.mean.push(mean);
      for (const l of [80, 95] as const) {
        let [lo, hi] = level(auto, l, k);
        if (!rule.endsWith('auto widths')) {
          const avg = (set: Row[], side: 0 | 1): number =>
            set.reduce((a, r) => a + level(r, l, k)[side], 0) / set.length;
          const factor = (lo + hi) / (avg(base, 0) + avg(base, 1));
          const f = Number.isFinite(factor) && factor > 0 ? factor : 1;
          lo = f * avg(rs, 0);
          hi = f * avg(rs, 1);
        }
        out[`lo${l}`].push(mean - lo);
        out[`hi${l}`].push(mean + hi);
      }
    }
    return out;
  });
}

interface Score {
  sMAPE: number;
  MASE: number;
  coverage80: number | null;
  coverage95: number | null;
  MSIS95: number | null;
}

function main(): number {
  const shared = sharedFolder();
  const scorer = path.join(shared, 'bench', 'score-forecast.mjs');
  const given = process.argv[2] ?? 'tourism-monthly';
  const dataset = fs.existsSync(given) ? given : path.join(shared, 'data', `${given}.json`);
  if (!fs.existsSync(scorer) || !fs.existsSync(dataset)) {
    process.stdout.write(`bench/forecast-members: ${dataset} or the scorer not found; nothing to measure.\n`);
    return 0;
  }
  const d = JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset;
  const { rows, cpu } = memberForecasts(d);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-members-'));
  const pct = (v: number | null): string => (v === null ? '–' : (100 * v).toFixed(1));
  const line = (name: string, forecasts: Row[], seconds: number): string => {
    const file = path.join(tmp, 'f.json');
    fs.writeFileSync(file, JSON.stringify({ forecasts }));
    const s = JSON.parse(
      execFileSync(process.execPath, [scorer, dataset, file, '--json'], { encoding: 'utf8' }),
    ) as Score;
    return `| ${name} | ${s.sMAPE.toFixed(2)} | ${s.MASE.toFixed(3)} | ${pct(s.coverage80)} | ${pct(s.coverage95)} | ${s.MSIS95 === null ? '–' : s.MSIS95.toFixed(2)} | ${seconds.toFixed(1)} |`;
  };
  const seconds = (ms: Member[]): number => ms.reduce((a, m) => a + cpu[m], 0);
  const lines = MEMBERS.map((m) =>
    line(
      m === 'auto' ? 'auto (ETS + Theta + AR, today)' : m,
      [...rows[m].values()],
      m === 'auto' ? seconds(['ets', 'theta', 'ar']) : cpu[m],
    ),
  );
  const pools: Array<[string, Member[], Rule]> = [
    ['ETS + Theta, mean', ['ets', 'theta'], 'mean'],
    ['ETS + Theta + ARIMA, mean', ['ets', 'theta', 'arima'], 'mean'],
    ['ETS + Theta + ARIMA, mean / auto widths', ['ets', 'theta', 'arima'], 'mean / auto widths'],
    ['ETS + Theta + ARIMA + AR, mean', ['ets', 'theta', 'arima', 'ar'], 'mean'],
    ['ETS + Theta + ARIMA + AR, mean / auto widths', ['ets', 'theta', 'arima', 'ar'], 'mean / auto widths'],
    ['ETS + Theta + ARIMA + AR, median', ['ets', 'theta', 'arima', 'ar'], 'median'],
    ['ETS + Theta + ARIMA + AR, median / auto widths', ['ets', 'theta', 'arima', 'ar'], 'median / auto widths'],
    // The cheaper ARIMAs beside AR, with auto's interval widths.
    ...(['arima-css', 'arima-fast'] as const).flatMap((a) =>
      (['mean / auto widths', 'median / auto widths'] as const).map((rule): [string, Member[], Rule] => [
        `ETS + Theta + ARIMA (${a === 'arima-css' ? 'CSS search' : 'CSS only'}) + AR, ${rule}`,
        ['ets', 'theta', a, 'ar'],
        rule,
      ]),
    ),
  ];
  for (const [name, members, rule] of pools) lines.push(line(name, pool(rows, members, rule), seconds(members)));
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(
    titledTable(
      `Members and pools of auto on ${path.basename(dataset)} (${d.series.length} series, h = ${d.horizon}; CPU s: the members' own fits, one thread)`,
      ['members, rule', 'sMAPE %', 'MASE', 'cover 80 %', 'cover 95 %', 'MSIS 95', 'CPU s'],
      lines,
    ).join('\n'),
  );
  return 0;
}

process.exitCode = main();
