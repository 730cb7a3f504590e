import { LRUCache } from 'lru-cache';
import type { EtsSpec } from './ets-model';
import { etsCode } from './ets-model';
import type { EtsFit, FitEffort } from './ets-fit';
import { fitEts } from './ets-fit';
import { etsModelKey, fitEtsCandidates } from './ets-select';
import { clearArimaCache } from './arima-cache';
import { etsFilter } from './ets-filter';

/**
 * Memoised ETS fits. A workbook recalculates every forecast formula when anything it depends on
 * changes, and side-by-side FORECAST.ROLLING / MODEL / BACKTEST cells fit the same history again;
 * fitting is deterministic, so a fit of the same values with the same model is reused. Keys hold
 * the exact values (shortest round-trip decimal), so a changed actual is a different key.
 * Bounded: the least recently used fits go first. Cached fits are shared and must not be mutated.
 *
 * The month-end close: a history seen before but for its newest value (a range that gained the next
 * actual), or a window that moved one value along (dropped its oldest value, gained the next), starts
 * each candidate's search from that earlier fit (previousEtsCandidates) instead of scouting from
 * scratch. The selection then costs about half as much; it is not bit for bit the fresh fit (the
 * optimiser stops on a budget, not at a tolerance), and docs/forecast.md gives the measured difference.
 */
const fits = new LRUCache<string, EtsFit | 'none'>({ max: 2000 });
const candidateLists = new LRUCache<string, EtsFit[]>({ max: 500 });
/** Candidate lists by the history without its oldest value, with that value (a window one value along starts there). */
const listsByTail = new LRUCache<string, { first: number; list: EtsFit[] }>({ max: 500 });

const valuesKey = (y: Float64Array): string => y.join(',');

/**
 * fitEtsCandidates(y, m) (ordered by AICc), from the cache when these values were seen, else
 * warm-started from the previous history's candidates when those were seen.
 */
export function cachedEtsCandidates(y: Float64Array, m: number): EtsFit[] {
  const key = `select|${m}|${valuesKey(y)}`;
  const hit = candidateLists.get(key);
  if (hit !== undefined) return hit;
  const list = fitEtsCandidates(y, m, undefined, previousEtsCandidates(y, m));
  candidateLists.set(key, list);
  if (y.length > 1) listsByTail.set(`select|${m}|${valuesKey(y.subarray(1))}`, { first: y[0], list });
  return list;
}

/**
 * The fitted candidates of the history before y's newest value, by etsModelKey, when the cache holds
 * them: y without its newest value (a growing range), or y's window one value back (a moving window:
 * each fit's initial state is then its state after the value the window dropped, which is where the
 * moved window starts). Undefined when neither was seen.
 */
export function previousEtsCandidates(y: Float64Array, m: number): Map<string, EtsFit> | undefined {
  if (y.length < 2) return undefined;
  const head = `select|${m}|${valuesKey(y.subarray(0, y.length - 1))}`;
  const grown = candidateLists.get(head);
  const out = new Map<string, EtsFit>();
  if (grown) {
    for (const f of grown) out.set(etsModelKey(f.spec), f);
    return out;
  }
  const moved = listsByTail.get(head);
  if (!moved) return undefined;
  const one = Float64Array.of(moved.first);
  for (const f of moved.list) {
    // The state after the dropped value is the moved window's initial state.
    const finalState = new Float64Array(f.initialState.length);
    const lik = etsFilter(one, f.spec, f.params, f.initialState, { finalState });
    if (!Number.isFinite(lik) && lik !== -Infinity) continue;
    out.set(etsModelKey(f.spec), { ...f, initialState: finalState });
  }
  return out;
}

/** selectEts(y, m) with the default candidates, from the cache when these values were seen. */
export function cachedSelectEts(y: Float64Array, m: number): EtsFit | undefined {
  return cachedEtsCandidates(y, m)[0];
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
  listsByTail.clear();
  clearArimaCache();
}
