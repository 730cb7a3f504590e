/**
 * Automatic ARIMA's estimation paths on a whole tuning set:
 * `tsx bench/arima-paths.ts [set] ['name={options}' ...]` (npm run bench:arima-paths -- tourism-quarterly
 * 'R CSS path={"cssGradient":"numeric"}'; set as in bench/forecast.ts, default tourism-quarterly).
 *
 * Runs `autoArima` (the `arima` method's search with the set's frequency as the season, as
 * `seasonality` 0 does) over every series, once with the defaults and once per named
 * AutoArimaOptions object, one thread, scores each run with ../shared/bench/score-forecast.mjs and
 * prints one table (sMAPE, MASE, cover 80/95, models fitted, CPU s), then per variant the series whose
 * chosen model differs from the default's, each with its AICc and its own sMAPE under both: where
 * the flat or multimodal likelihoods of a few histories send two valid searches apart
 * (docs/forecast.md, "Where `arima` and R part"). Exits 0 (and says so) when the shared data is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { AutoArimaOptions } from '../src/forecast/arima-select';
import { autoArima } from '../src/forecast/arima-select';
import { arimaLabel, arimaMemberOf } from '../src/forecast/arima-member';
import { sharedFolder } from './shared-folder';
import { titledTable } from './markdown';

interface Series {
  id: string;
  values: number[];
  actual: number[];
}
interface Dataset {
  frequency: number;
  horizon: number;
  series: Series[];
}
interface Score {
  sMAPE: number;
  MASE: number;
  coverage80: number | null;
  coverage95: number | null;
}
/** One series under one variant: the chosen model, its AICc, its forecast's own sMAPE, the scorer's row. */
interface Outcome {
  id: string;
  model: string;
  aicc: number;
  smape: number;
  row: { id: string; mean: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] };
}

/** M4's sMAPE of one forecast (the scorer's definition; 0/0 counts as 0), to list single series. */
function seriesSmape(actual: number[], mean: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const den = Math.abs(actual[i]) + Math.abs(mean[i]);
    sum += den === 0 ? 0 : (200 * Math.abs(actual[i] - mean[i])) / den;
  }
  return sum / actual.length;
}

function runVariant(d: Dataset, options: AutoArimaOptions): { outcomes: Outcome[]; cpu: number; models: number } {
  const outcomes: Outcome[] = [];
  let models = 0;
  const c0 = process.cpuUsage();
  for (const s of d.series) {
    const y = Float64Array.from(s.values);
    const r = autoArima(y, d.frequency, options);
    if (!r) throw new Error(`no ARIMA model for ${s.id}`);
    models += r.modelsFitted;
    const f = arimaMemberOf(r, y, d.horizon, [80, 95]);
    outcomes.push({
      id: s.id,
      model: arimaLabel(r.fit),
      aicc: r.fit.aicc,
      smape: seriesSmape(s.actual, f.mean),
      row: {
        id: s.id,
        mean: Array.from(f.mean),
        lo80: Array.from(f.lower[0]),
        hi80: Array.from(f.upper[0]),
        lo95: Array.from(f.lower[1]),
        hi95: Array.from(f.upper[1]),
      },
    });
  }
  const used = process.cpuUsage(c0);
  return { outcomes, cpu: (used.user + used.system) / 1e6, models };
}

function main(): number {
  const shared = sharedFolder();
  const scorer = path.join(shared, 'bench', 'score-forecast.mjs');
  const args = process.argv.slice(2);
  // A variant is "name={json}"; anything else names the set.
  const isVariant = (a: string): boolean => a.includes('={');
  const given = args.find((a) => !isVariant(a)) ?? 'tourism-quarterly';
  const dataset = fs.existsSync(given) ? given : path.join(shared, 'data', `${given}.json`);
  if (!fs.existsSync(scorer) || !fs.existsSync(dataset)) {
    process.stdout.write(`bench/arima-paths: ${dataset} or the scorer not found; nothing to measure.\n`);
    return 0;
  }
  const variants: Array<[string, AutoArimaOptions]> = [['default', {}]];
  for (const a of args.filter(isVariant)) {
    const at = a.indexOf('={');
    variants.push([a.slice(0, at), JSON.parse(a.slice(at + 1)) as AutoArimaOptions]);
  }
  const d = JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-arima-paths-'));
  const pct = (v: number | null): string => (v === null ? '–' : (100 * v).toFixed(1));
  const table: string[] = [];
  const differences: string[] = [];
  let base: Map<string, Outcome> | undefined;
  for (const [name, options] of variants) {
    const { outcomes, cpu, models } = runVariant(d, options);
    const file = path.join(tmp, 'f.json');
    fs.writeFileSync(file, JSON.stringify({ forecasts: outcomes.map((o) => o.row) }));
    const s = JSON.parse(
      execFileSync(process.execPath, [scorer, dataset, file, '--json'], { encoding: 'utf8' }),
    ) as Score;
    let changed = 0;
    if (base) {
      for (const o of outcomes) {
        const b = base.get(o.id)!;
        if (b.model === o.model) continue;
        changed++;
        differences.push(
          `- ${name}: ${o.id} ${b.model} (AICc ${b.aicc.toFixed(3)}, sMAPE ${b.smape.toFixed(2)}) → ${o.model} (AICc ${o.aicc.toFixed(3)}, sMAPE ${o.smape.toFixed(2)})`,
        );
      }
    } else base = new Map(outcomes.map((o) => [o.id, o]));
    table.push(
      `| ${name} | ${s.sMAPE.toFixed(3)} | ${s.MASE.toFixed(4)} | ${pct(s.coverage80)} | ${pct(s.coverage95)} | ${base === undefined || table.length === 0 ? '–' : changed} | ${models} | ${cpu.toFixed(1)} |`,
    );
    process.stderr.write(`bench/arima-paths: ${name} done (${cpu.toFixed(1)} CPU s)\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(
    [
      ...titledTable(
        `Automatic ARIMA on ${path.basename(dataset)} (${d.series.length} series, h = ${d.horizon}, one thread)`,
        ['variant', 'sMAPE %', 'MASE', 'cover 80', 'cover 95', 'models unlike default', 'models fitted', 'CPU s'],
        table,
      ),
      ...(differences.length ? ['Chosen models that differ from the default:', '', ...differences, ''] : []),
    ].join('\n'),
  );
  return 0;
}

process.exit(main());
