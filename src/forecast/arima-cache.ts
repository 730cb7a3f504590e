import { LRUCache } from 'lru-cache';
import type { AutoArimaOptions, AutoArimaResult } from './arima-select';
import { autoArima } from './arima-select';

/**
 * Memoised automatic ARIMA fits, keyed by the season length and the exact values, for the same reason
 * as the ETS fits (fit-cache.ts): recalculations and side-by-side ROLLING / MODEL / BACKTEST cells
 * over an unchanged history reuse the fit; the search is deterministic, so a remembered fit equals a
 * fresh one. Smaller than the ETS cache: an ARIMA fit keeps its final state covariance.
 * Cached fits are shared and must not be mutated.
 */
const fits = new LRUCache<string, AutoArimaResult | 'none'>({ max: 500 });

/**
 * How the search runs: "r" is R's auto.arima with its defaults; "fast" compares CSS fits for every
 * history (R's approximation, which R uses above 150 values or m > 12 only), then refits the best by
 * maximum likelihood as R does: the member of `auto`, at a third to a half of the cost of "r" on
 * short histories (docs/forecast.md).
 */
export type AutoArimaVariant = 'r' | 'fast';

const VARIANT_OPTIONS: Record<AutoArimaVariant, AutoArimaOptions> = {
  r: {},
  fast: { approximation: true },
};

/** autoArima(y, m) with R's defaults (or the "fast" variant), from the cache when these values were seen. */
export function cachedAutoArima(
  y: Float64Array,
  m: number,
  variant: AutoArimaVariant = 'r',
): AutoArimaResult | undefined {
  const key = `${variant}|${m}|${y.join(',')}`;
  const hit = fits.get(key);
  if (hit !== undefined) return hit === 'none' ? undefined : hit;
  const fit = autoArima(y, m, VARIANT_OPTIONS[variant]);
  fits.set(key, fit ?? 'none');
  return fit;
}

/** Forgets every memoised ARIMA fit. */
export function clearArimaCache(): void {
  fits.clear();
}
