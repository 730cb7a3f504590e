/**
 * Combination and interval rules for `auto`, scored from the member cache in seconds:
 * `tsx bench/forecast-rules.ts [--cache dir] [--check]` (npm run bench:forecast-rules) after
 * `npm run bench:forecast-cache -- <set>` for tourism-monthly, m1-monthly and tourism-quarterly.
 *
 * Every rule is scored on every cached set with the M4 definitions of the shared scorer (sMAPE, MASE
 * with the in-sample seasonal-naive scale at the data's frequency, coverage of the 80/95% bounds);
 * `--check` also scores each rule's forecasts with ../shared/bench/score-forecast.mjs and fails when
 * the two disagree. Prints one markdown table: rule × set (sMAPE / MASE / cover 80 / cover 95) and
 * whether the rule beats R's combination on both measures on every set with both coverages in band.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { sharedFolder, type CachedForecast, type CachedSeries, type Dataset } from './forecast-cache-format';
import { RULES, type Rule } from './forecast-rule-set';
import { maseScale } from '../src/forecast/track-record';
import { resolveSeason } from '../src/forecast/resolve-season';

interface Loaded {
  name: string;
  dataset: string;
  data: Dataset;
  series: CachedSeries[];
}

/** R's combination (sMAPE, MASE) per set, shared/data/README.md. */
const R_COMBINATION: Record<string, [number, number]> = {
  'tourism-monthly': [18.14, 1.442],
  'm1-monthly': [14.8, 1.039],
  'tourism-quarterly': [14.45, 1.519],
};

export interface SetScore {
  sMAPE: number;
  MASE: number;
  cover80: number;
  cover95: number;
}

const smapePoint = (y: number, f: number): number => {
  const d = Math.abs(y) + Math.abs(f);
  return d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
};

/** The shared scorer's sMAPE, MASE and coverages for one set of forecasts (in series order). */
export function scoreSet(data: Dataset, forecasts: CachedForecast[]): SetScore {
  let smape = 0;
  let mase = 0;
  let maseCount = 0;
  let in80 = 0;
  let in95 = 0;
  let points = 0;
  data.series.forEach((s, i) => {
    const f = forecasts[i];
    const h = data.horizon;
    let sm = 0;
    let ae = 0;
    for (let k = 0; k < h; k++) {
      const y = s.actual[k];
      sm += smapePoint(y, f.mean[k]);
      ae += Math.abs(y - f.mean[k]);
      points++;
      if (y >= f.lo80[k] && y <= f.hi80[k]) in80++;
      if (y >= f.lo95[k] && y <= f.hi95[k]) in95++;
    }
    smape += sm / h;
    const scale = maseScale(s.values, s.values.length, data.frequency);
    if (Number.isFinite(scale) && scale > 0) {
      mase += ae / h / scale;
      maseCount++;
    }
  });
  const n = data.series.length;
  return { sMAPE: smape / n, MASE: mase / maseCount, cover80: (100 * in80) / points, cover95: (100 * in95) / points };
}

function checkAgainstScorer(set: Loaded, forecasts: CachedForecast[], ours: SetScore, rule: string): void {
  const scorer = path.join(sharedFolder(__dirname), 'bench', 'score-forecast.mjs');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-rules-'));
  const file = path.join(tmp, 'f.json');
  fs.writeFileSync(file, JSON.stringify({ forecasts: forecasts.map((f, i) => ({ id: set.series[i].id, ...f })) }));
  const s = JSON.parse(execFileSync(process.execPath, [scorer, set.dataset, file, '--json'], { encoding: 'utf8' })) as {
    sMAPE: number;
    MASE: number;
    coverage80: number;
    coverage95: number;
  };
  fs.rmSync(tmp, { recursive: true, force: true });
  const same =
    Math.abs(s.sMAPE - ours.sMAPE) < 1e-9 &&
    Math.abs(s.MASE - ours.MASE) < 1e-9 &&
    Math.abs(100 * s.coverage80 - ours.cover80) < 1e-9 &&
    Math.abs(100 * s.coverage95 - ours.cover95) < 1e-9;
  if (!same)
    throw new Error(
      `${rule} on ${set.name}: the shared scorer gives ${JSON.stringify(s)}, ours ${JSON.stringify(ours)}`,
    );
}

function loadSets(dir: string): Loaded[] {
  return ['tourism-monthly', 'm1-monthly', 'tourism-quarterly'].flatMap((name) => {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) return [];
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { dataset: string; series: CachedSeries[] };
    const data = JSON.parse(fs.readFileSync(cache.dataset, 'utf8')) as Dataset;
    return [{ name, dataset: cache.dataset, data, series: cache.series }];
  });
}

/** Applies `rule` to every series of a set. */
export function applyRule(rule: Rule, set: Loaded): CachedForecast[] {
  return set.series.map((c, i) => rule.forecast(c, set.data.series[i].values, set.data.frequency, set.data.horizon));
}

/** Series groups for `--groups`: history-length terciles, detected season, and the ETS model's trend. */
function groupsOf(set: Loaded): Array<[string, boolean[]]> {
  const n = set.data.series.map((s) => s.values.length);
  const sorted = [...n].sort((a, b) => a - b);
  const t1 = sorted[Math.floor(sorted.length / 3)];
  const t2 = sorted[Math.floor((2 * sorted.length) / 3)];
  const seasonal = set.data.series.map(
    (s) => resolveSeason(Float64Array.from(s.values), 0, set.data.frequency).period > 1,
  );
  return [
    [`n <= ${t1}`, n.map((v) => v <= t1)],
    [`${t1} < n <= ${t2}`, n.map((v) => v > t1 && v <= t2)],
    [`n > ${t2}`, n.map((v) => v > t2)],
    ['season detected', seasonal],
    ['no season detected', seasonal.map((v) => !v)],
  ];
}

function printGroups(sets: Loaded[], rules: Rule[]): void {
  for (const set of sets) {
    const groups = groupsOf(set);
    const out = [
      `${set.name}: sMAPE % / MASE / cover 80 / cover 95 by group (series count in the header)`,
      '',
      `| rule | ${groups.map(([g, mask]) => `${g} (${mask.filter(Boolean).length})`).join(' | ')} |`,
      `|---|${groups.map(() => '---|').join('')}`,
    ];
    for (const rule of rules) {
      const f = applyRule(rule, set);
      const cells = groups.map(([, mask]) => {
        const data = { ...set.data, series: set.data.series.filter((_, i) => mask[i]) };
        const s = scoreSet(
          data,
          f.filter((_, i) => mask[i]),
        );
        return `${s.sMAPE.toFixed(2)} / ${s.MASE.toFixed(3)} / ${s.cover80.toFixed(1)} / ${s.cover95.toFixed(1)}`;
      });
      out.push(`| ${rule.name} | ${cells.join(' | ')} |`);
    }
    process.stdout.write(out.join('\n') + '\n\n');
  }
}

function main(): number {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--cache');
  const dir = ci >= 0 ? args[ci + 1] : path.join(os.tmpdir(), 'openfpa-forecast-cache');
  const only = args.indexOf('--only') >= 0 ? new RegExp(args[args.indexOf('--only') + 1]) : undefined;
  const sets = loadSets(dir);
  if (sets.length === 0) {
    process.stdout.write(`bench/forecast-rules: no cache in ${dir}; run bench/forecast-cache.ts first.\n`);
    return 0;
  }
  const chosen = RULES.filter((r) => !only || only.test(r.name));
  if (args.includes('--groups')) {
    printGroups(sets, chosen);
    return 0;
  }
  const cell = (s: SetScore): string =>
    `${s.sMAPE.toFixed(3)} / ${s.MASE.toFixed(4)} / ${s.cover80.toFixed(1)} / ${s.cover95.toFixed(1)}`;
  const lines: string[] = [];
  for (const rule of chosen) {
    const scores = sets.map((set) => {
      const f = applyRule(rule, set);
      const s = scoreSet(set.data, f);
      if (args.includes('--check')) checkAgainstScorer(set, f, s, rule.name);
      return s;
    });
    const wins = scores.every((s, i) => {
      const r = R_COMBINATION[sets[i].name];
      return s.sMAPE < r[0] && s.MASE < r[1];
    });
    const band = scores.every((s) => s.cover80 >= 77.5 && s.cover80 <= 82.5 && s.cover95 >= 92.5 && s.cover95 <= 97.5);
    lines.push(
      `| ${rule.name} | ${scores.map(cell).join(' | ')} | ${wins && sets.length === 3 ? 'yes' : 'no'} | ${band ? 'yes' : 'no'} |`,
    );
  }
  process.stdout.write(
    [
      `Rules for auto from the member cache (${dir}); sMAPE % / MASE / cover 80 / cover 95 per set`,
      '',
      `| rule | ${sets.map((s) => s.name).join(' | ')} | beats R's combination on all | both coverages in band |`,
      `|---|${sets.map(() => '---|').join('')}---|---|`,
      ...lines,
      `| R mean of ets, auto.arima, thetaf (README) | ${sets.map((s) => R_COMBINATION[s.name].map((v, i) => v.toFixed(i ? 3 : 2)).join(' / ')).join(' | ')} | | |`,
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main();
