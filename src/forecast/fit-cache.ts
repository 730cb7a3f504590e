import { LRUCache } from 'lru-cache';
import type { EtsSpec } from './ets-model';
import { etsCode } from './ets-model';
import type { EtsFit, FitEffort } from './ets-fit';
import { fitEts } from './ets-fit';
import { ANN_SPEC, bestOrFallback, fitEtsCandidates } from './ets-select';
import { clearArimaCache } from './arima-cache';

/**
 * Memoised ETS fits. A workbook recalculates every forecast formula when anything it depends on
 * changes, and side-by-side FORECAST.ROLLING / MODEL / BACKTEST cells fit the same history again;
 * fitting is deterministic, so a fit of the same values with the same model is reused. Keys hold
 * the exact values (shortest round-trip decimal), so a changed actual is a different key.
 * Bounded: the least recently used fits go first. Cached fits are shared and must not be mutated.
 */
const fits = new LRUCache<string, EtsFit | 'none'>({ max: 2000 });
const candidateLists = new LRUCache<string, EtsFit[]>({ max: 500 });

const valuesKey = (y: Float64Array): string => y.join(',');

/** fitEtsCandidates(y, m) (ordered by AICc), from the cache when these values were seen. */
export function cachedEtsCandidates(y: Float64Array, m: number): EtsFit[] {
  const key = `select|${m}|${valuesKey(y)}`;
  const hit = candidateLists.get(key);
  if (hit !== undefined) return hit;
  const list = fitEtsCandidates(y, m);
  candidateLists.set(key, list);
  return list;
}

/** selectEts(y, m) with the default candidates (and its ETS(A,N,N) fallback), from the cache when these values were seen. */
export function cachedSelectEts(y: Float64Array, m: number): EtsFit | undefined {
  return bestOrFallback(cachedEtsCandidates(y, m), y, () => cachedFitEts(y, ANN_SPEC, 'fast'));
}

/** fitEts(y, spec, {}, effort), from the cache when these values and this model were seen. */
export function cachedFitEts(y: Float64Array, spec: EtsSpec, effort: FitEffort): EtsFit | undefined {
  const key = `fit|${etsCode(spec)}|${spec.period}|${effort}|${valuesKey(y)}`;
  const hit = fits.get(key);
  if (hit !== undefined) return hit === 'none' ? undefined : hit;
  const fit = fitEts(y, spec, {}, effort);
  fits.set(key, fit ?? 'none');
  return fit;
}

/** Forgets every memoised fit, ETS and ARIMA (benchmarks measure cold recalculation with it). */
export function clearFitCache(): void {
  fits.clear();
  candidateLists.clear();
  clearArimaCache();
}
