/**
 * The member cache written by bench/forecast-cache.ts and read by bench/forecast-rules.ts, and the
 * lookup of a shared tuning set.
 */
import * as fs from 'fs';
import * as path from 'path';

export type MemberName = 'ets' | 'theta' | 'arima' | 'arima-css' | 'ar' | 'auto';

/** One forecast: mean and 80/95% bounds, h values each. */
export interface CachedForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export interface CachedSeries {
  id: string;
  members: Partial<Record<MemberName, CachedForecast>>;
  /**
   * The selected ETS model's standardised residuals, its one-step errors y − fitted, its code, its
   * free parameter count and its in-sample j-step errors over its own j-step standard deviation
   * (multiStep[j − 1][t − 1] from origin t; NaN without a variance).
   */
  ets?: { residuals: number[]; errors: number[]; code?: string; parameters?: number; multiStep?: number[][] };
  /** Earlier origins inside the history: the last `heldBack` values were not seen. */
  origins: Array<{ heldBack: number; members: Partial<Record<MemberName, CachedForecast>> }>;
}

export interface Dataset {
  frequency: number;
  horizon: number;
  series: Array<{ id: string; values: number[]; actual: number[] }>;
}

/** The shared folder: $OPENFPA_SHARED, else the first `shared` folder beside `from`'s ancestors. */
export function sharedFolder(from: string): string {
  if (process.env.OPENFPA_SHARED) return path.resolve(process.env.OPENFPA_SHARED);
  for (let dir = path.resolve(from, '..'); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (fs.existsSync(path.join(candidate, 'bench', 'score-forecast.mjs'))) return candidate;
  }
  return path.resolve(from, '..', '..', 'shared');
}

/** A dataset file, or a shared tuning set by name; undefined when absent. */
export function sharedDataset(given: string, from: string): { dataset: string; data: Dataset } | undefined {
  const dataset = fs.existsSync(given) ? given : path.join(sharedFolder(from), 'data', `${given}.json`);
  if (!fs.existsSync(dataset)) return undefined;
  return { dataset, data: JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset };
}
