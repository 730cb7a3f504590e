import type { ArimaOrder } from './arima-params';
import type { ArimaFit, ArimaFitOptions } from './arima-fit';
import type { ArimaInitialization } from './arima-objective';
import { fitArima } from './arima-fit';
import type { ArimaCandidate, ArimaCriterion } from './arima-candidate';
import { confirmCandidate, constantRegressor, fitCandidate } from './arima-candidate';
import { isConstant, ndiffs } from './kpss';
import { seasonalStrength } from './seasonal-strength';
import type { StepwiseRow } from './arima-stepwise';
import { stepwiseSearch } from './arima-stepwise';

/** Limits and switches of the automatic search; defaults are forecast 8.20's `auto.arima()`. */
export interface AutoArimaOptions {
  maxP?: number;
  maxQ?: number;
  maxSeasonalP?: number;
  maxSeasonalQ?: number;
  maxD?: number;
  maxSeasonalD?: number;
  criterion?: ArimaCriterion;
  /** CSS fits during the search, ML for the winner; default as R: length > 150 or m > 12. */
  approximation?: boolean;
  /** Likelihood initialization for every fit (arima-objective.ts). @default "diffuse" */
  initialization?: ArimaInitialization;
  /** Gradient of the CSS fits (arima-fit.ts): "numeric" follows R's path to rounding. @default "analytic" */
  cssGradient?: ArimaFitOptions['cssGradient'];
  /** Gradient of the ML fits (arima-fit.ts): "numeric" follows R's path to rounding. @default "numeric" */
  mlGradient?: ArimaFitOptions['mlGradient'];
  /**
   * With `approximation`, refit the search's best models by maximum likelihood until one is accepted
   * (R). false keeps the best accepted CSS fit and only filters the series at its coefficients for the
   * forecast state: no likelihood search at all, for uses that need the point forecast cheaply.
   * @default true
   */
  mlRefit?: boolean;
  /** Called with every candidate fitted and its criterion (Infinity when rejected), as R's trace. */
  trace?: (order: ArimaOrder, constant: boolean, ic: number) => void;
}

/** The selected model, with how the differencing was decided. */
export interface AutoArimaResult {
  fit: ArimaFit;
  /** True when the series is constant and the forecast is its value with no uncertainty. */
  constantSeries: boolean;
  /** Number of candidate models fitted. */
  modelsFitted: number;
  /** Season length searched (1 = none). */
  m: number;
  /** STL seasonal strength behind D (undefined when not tested: m = 1 or at most two seasons of data). */
  seasonalStrength?: number;
  /** Whether the search compared CSS fits (R's approximation). */
  approximation: boolean;
}

const lagDiff = (v: Float64Array, lag: number): Float64Array => v.subarray(lag).map((x, i) => x - v[i]);

/**
 * Automatic ARIMA (Hyndman & Khandakar 2008) as forecast 8.20's `auto.arima(y)` with its defaults:
 * D ∈ {0, 1} by the seasonal-strength rule (nsdiffs, strength > 0.64) when the history holds more
 * than two seasons, then d ∈ {0, 1, 2} by repeated KPSS tests (ndiffs) on the seasonally differenced
 * series, then the stepwise search over (p, q, P, Q) and the constant by AICc from ARIMA(2,d,2)(1,D,1)
 * (arima-stepwise.ts), each candidate fitted by CSS-ML. With `approximation` (R's default for more
 * than 150 values or m > 12) the search compares CSS fits and the best are refitted by ML until one
 * is accepted. Returns undefined when no model can be fitted (R: "No suitable ARIMA model found").
 * @example autoArima(Float64Array.from(USAccDeaths), 12)!.fit.order // ARIMA(0,1,1)(0,1,1)[12]
 */
export function autoArima(y: Float64Array, m: number, options: AutoArimaOptions = {}): AutoArimaResult | undefined {
  const n = y.length;
  if (n === 0) return undefined;
  if (isConstant(y)) {
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const fit = fitArima(y, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1 }, { regressor: 'mean', fixed: [mean] });
    return fit && { fit, constantSeries: true, modelsFitted: 1, m: 1, approximation: false };
  }
  m = Math.max(1, Math.round(m));
  let criterion = options.criterion ?? 'aicc';
  let maxp = Math.min(options.maxP ?? 5, Math.floor(n / 3));
  let maxq = Math.min(options.maxQ ?? 5, Math.floor(n / 3));
  let maxP = Math.min(options.maxSeasonalP ?? 2, Math.floor(n / 3 / m));
  let maxQ = Math.min(options.maxSeasonalQ ?? 2, Math.floor(n / 3 / m));
  if (n <= 3) criterion = 'aic';
  let D = 0;
  let strength: number | undefined;
  if (m === 1) {
    maxP = maxQ = 0;
  } else if (n > 2 * m) {
    // forecast's nsdiffs(test = "seas"): one seasonal difference when the STL strength exceeds 0.64.
    strength = seasonalStrength(y, m);
    D = Math.min(strength > 0.64 ? 1 : 0, options.maxSeasonalD ?? 1);
  }
  let dx = D > 0 ? lagDiff(y, m) : y;
  let d = ndiffs(dx, options.maxD ?? 2);
  if (d > 0 && dx.length - d <= 0) d--;
  for (let i = 0; i < d; i++) dx = lagDiff(dx, 1);
  if (dx.length === 0) return undefined;
  const order = (p: number, q: number, P: number, Q: number): ArimaOrder => ({ p, d, q, P, D, Q, m });
  if (isConstant(dx)) {
    const fit = constantDifferences(y, dx, d, D, m);
    return fit && { fit, constantSeries: false, modelsFitted: 1, m, seasonalStrength: strength, approximation: false };
  }
  if (m > 1) {
    if (maxP > 0) maxp = Math.min(maxp, m - 1);
    if (maxQ > 0) maxq = Math.min(maxq, m - 1);
  }
  const approximation = options.approximation ?? (n > 150 || m > 12);
  let offset = 0;
  if (approximation) {
    const base = fitArima(y, order(0, 0, 0, 0), { regressor: d + D === 0 ? 'mean' : 'none', variance: 'skip' });
    if (base) offset = -2 * base.loglik - n * Math.log(base.sigma2Estimate);
  }
  const allowDrift = d + D === 1;
  const allowMean = d + D === 0;
  const estimation: Pick<ArimaFitOptions, 'initialization' | 'cssGradient' | 'mlGradient'> = {
    initialization: options.initialization,
    cssGradient: options.cssGradient,
    mlGradient: options.mlGradient,
  };
  const fitOne = (o: ArimaOrder, constant: boolean, approx: boolean, css?: ArimaFit): ArimaCandidate => {
    const cssEstimate = css?.method === 'CSS' ? css : undefined;
    const c = fitCandidate(y, o, constant, criterion, approx, offset, { ...estimation, cssEstimate });
    options.trace?.(o, constant, c.ic);
    return c;
  };
  const search = stepwiseSearch({
    n,
    m,
    limits: { maxp, maxq, maxP, maxQ },
    constant: allowDrift || allowMean,
    allowConstant: allowDrift || allowMean,
    order,
    fit: (o, constant) => fitOne(o, constant, approximation),
  });
  let best = search.best;
  let fitted = search.results.length;
  if (approximation && best.fit && options.mlRefit === false) {
    best = bestCssFit(y, search.results, options.initialization);
  } else if (approximation && best.fit) {
    // Refit the search's models by ML in the order of their (CSS) criterion, best first, until one is
    // accepted (R's approximation = TRUE). R ranks rejected models (Infinity) last, in search order;
    // a model whose pending variance check fails here joins them.
    const rows = search.results.map((r, index) => ({ r, index }));
    const finite = rows.filter((x) => x.r.ic < Infinity).sort((a, b) => a.r.ic - b.r.ic || a.index - b.index);
    const rejected = rows.filter((x) => x.r.ic === Infinity);
    best = { ic: Infinity, checked: true };
    const refit = (x: { r: StepwiseRow }): boolean => {
      // The search's CSS fit of this model starts its likelihood search (R fits it again: the same numbers).
      const c = confirmCandidate(fitOne(x.r.order, x.r.constant, false, x.r.fit));
      fitted++;
      if (c.ic === Infinity) return false;
      best = c;
      return true;
    };
    let done = false;
    for (const x of finite) {
      if (confirmCandidate(x.r).ic === Infinity) rejected.push(x);
      else if ((done = refit(x))) break;
    }
    if (!done) for (const x of rejected.sort((a, b) => a.index - b.index)) if (refit(x)) break;
  }
  if (!best.fit || best.ic === Infinity) return undefined;
  // The kept fit gets its final filter pass; its deferred parts hold the estimation problem: drop them.
  const kept = best.fit!.finish ? best.fit!.finish() : best.fit!;
  return {
    fit: { ...kept, variance: kept.variance ?? best.fit!.variance, deferredVariance: undefined, finish: undefined },
    constantSeries: false,
    modelsFitted: fitted,
    m,
    seasonalStrength: strength,
    approximation,
  };
}

/**
 * The accepted CSS candidate with the smallest criterion (ties in search order), filtered at its own
 * coefficients (a fit with every coefficient fixed) so that it can forecast.
 */
function bestCssFit(
  y: Float64Array,
  results: StepwiseRow[],
  initialization: ArimaInitialization | undefined,
): ArimaCandidate {
  const ranked = results
    .map((r, index) => ({ r, index }))
    .filter((x) => x.r.ic < Infinity)
    .sort((a, b) => a.r.ic - b.r.ic || a.index - b.index);
  for (const { r } of ranked) {
    const c = confirmCandidate(r);
    if (c.ic === Infinity || !c.fit) continue;
    const regressor = constantRegressor(r.order, r.constant);
    const fit = fitArima(y, r.order, { regressor, fixed: c.fit.coef, initialization, variance: 'skip' });
    if (fit) return { fit: { ...fit, mask: c.fit.mask }, ic: c.ic, checked: true };
  }
  return { ic: Infinity, checked: true };
}

/** R's special cases when the differenced series is constant: a pure (seasonal) random walk, with drift. */
function constantDifferences(y: Float64Array, dx: Float64Array, d: number, D: number, m: number): ArimaFit | undefined {
  const mean = dx.reduce((a, b) => a + b, 0) / dx.length;
  let fit: ArimaFit | undefined;
  if (D > 0 && d === 0)
    fit = fitArima(y, { p: 0, d, q: 0, P: 0, D, Q: 0, m }, { regressor: 'drift', fixed: [mean / m] });
  else if (D > 0) fit = fitArima(y, { p: 0, d, q: 0, P: 0, D, Q: 0, m });
  else if (d === 2) fit = fitArima(y, { p: 0, d, q: 0, P: 0, D: 0, Q: 0, m: 1 });
  else
    fit = fitArima(
      y,
      { p: 0, d, q: 0, P: 0, D: 0, Q: 0, m: 1 },
      { regressor: d === 1 ? 'drift' : 'mean', fixed: [mean] },
    );
  return fit;
}
