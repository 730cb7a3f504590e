import { LRUCache } from 'lru-cache';
import type { AutoArimaResult } from './arima-select';
import { autoArima } from './arima-select';

/**
 * Memoised automatic ARIMA fits, keyed by the season length and the exact values, for the same reason
 * as the ETS fits (fit-cache.ts): recalculations and side-by-side ROLLING / MODEL / BACKTEST cells
 * over an unchanged history reuse the fit; the search is deterministic, so a remembered fit equals a
 * fresh one. Smaller than the ETS cache: an ARIMA fit keeps its final state covariance.
 * Cached fits are shared and must not be mutated.
 */
const fits = new LRUCache<string, AutoArimaResult | 'none'>({ max: 500 });

/** autoArima(y, m) with R's defaults, from the cache when these values were seen. */
export function cachedAutoArima(y: Float64Array, m: number): AutoArimaResult | undefined {
  const key = `${m}|${y.join(',')}`;
  const hit = fits.get(key);
  if (hit !== undefined) return hit === 'none' ? undefined : hit;
  const fit = autoArima(y, m);
  fits.set(key, fit ?? 'none');
  return fit;
}

/** Forgets every memoised ARIMA fit. */
export function clearArimaCache(): void {
  fits.clear();
}
