import type { HistoryValue } from './types';
import { ForecastErrors } from './errors';
import { prepareHistory } from './prepare-history';
import { etsSeason, resolveSeason } from './resolve-season';
import type { EtsFit } from './ets-fit';
import { cachedEtsCandidates, cachedFitEts, cachedSelectEts } from './fit-cache';
import { akaikeWeights } from './ets-average';
import { etsCode, minimumLength, parseEtsCode } from './ets-model';
import { thetaForecast } from './theta';
import { differencedAr } from './differenced-ar';
import { adjustHistory, parseOutlierOption } from './adjust-history';
import { seasonalPeriod } from '../model/limits';
import { ARIMA_MIN_LENGTH, arimaLabel, arimaSeason } from './arima-member';
import { cachedAutoArima } from './arima-cache';
import { describeArima } from './arima-describe';
import { SEASONAL_NAIVE_SHARE } from './seasonal-naive-floor';

export interface ModelDescriptionRequest {
  values: ReadonlyArray<HistoryValue>;
  seasonality?: number;
  frequency?: number;
  /**
   * "auto"/"ets" (selected ETS), "arima" (automatic ARIMA), a named ETS method ("ses", "holt",
   * "damped", "hw", "hw-mult") or an ETS code.
   */
  method?: string;
  /**
   * "adjust" describes the fit on the history after the robust outlier adjustment, as
   * `rollingForecast` with `outliers: "adjust"` fits it, and adds an `outliers replaced` row.
   * @default "keep"
   */
  outliers?: 'keep' | 'adjust';
}

/** One labelled line of a model description. */
export interface ModelFact {
  label: string;
  value: number | string;
}

const NAMED: Record<string, string> = { ses: 'ANN', holt: 'AAN', damped: 'AAdN', hw: 'AAA', 'hw-mult': 'MAM' };

function inSampleMase(fit: EtsFit, y: Float64Array, m: number): number {
  const lag = y.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < y.length; t++) scale += Math.abs(y[t] - y[t - lag]) / (y.length - lag);
  let mae = 0;
  for (let t = 0; t < y.length; t++) mae += Math.abs(y[t] - fit.fitted[t]) / y.length;
  return scale > 0 ? mae / scale : NaN;
}

/**
 * Describes the model a forecast uses, so it is not a black box: the ETS model chosen (code and
 * plain name), its smoothing parameters, AICc, log-likelihood, residual standard deviation and
 * in-sample MASE; for "auto" also the Theta member's alpha and drift, the ARIMA member's model and
 * the order of the differenced autoregression (pooled only with a detected season); for "arima" the ARIMA model, its differencing decisions,
 * coefficients and criteria (arima-describe.ts). With `outliers: "adjust"`, the fit on the adjusted
 * history and the count of replaced values.
 * @throws the same FpaErrors as rollingForecast for bad or too short input.
 * @example describeModel({ values: sales, method: 'hw' })[0] // { label: 'model', value: 'ETS(A,A,A)' }
 */
export function describeModel(request: ModelDescriptionRequest): ModelFact[] {
  const adjust = parseOutlierOption(request.outliers) === 'adjust';
  const history = prepareHistory(request.values);
  const season = resolveSeason(history.values, request.seasonality ?? 0, request.frequency);
  const method = (request.method ?? 'auto').trim();
  const key = method.toLowerCase();
  let m = season.period;
  m = seasonalPeriod(history.values.length, m);
  const adjusted = adjust ? adjustHistory(history.values, m, request.values, history.droppedLeading, 1) : undefined;
  const y = adjusted ? adjusted.values : history.values;
  if (key === 'arima') {
    const facts = describeArima(y, arimaSeason(request.seasonality ?? 0, season.nominal));
    if (adjusted) facts.push({ label: 'outliers replaced', value: adjusted.outliers.length });
    return facts;
  }
  let fit: EtsFit | undefined;
  if (key === 'auto' || key === 'ets') {
    const need = minimumLength({ error: 'A', trend: 'N', season: 'N', period: 1 });
    if (y.length < need) throw ForecastErrors.tooShort(key, need, y.length);
    fit = cachedSelectEts(y, etsSeason(y.length, request.seasonality ?? 0, season.nominal, m));
  } else {
    const code = NAMED[key] ?? method;
    const spec = parseEtsCode(code, m);
    if (!spec) throw ForecastErrors.unknownMethod(method, ['auto', 'ets', 'arima', ...Object.keys(NAMED)]);
    const need = minimumLength(spec);
    if (y.length < need) throw ForecastErrors.tooShort(method, need, y.length);
    fit = cachedFitEts(y, spec.season !== 'N' && m === 1 ? { ...spec, season: 'N', period: 1 } : spec, 'fast');
  }
  if (!fit) throw ForecastErrors.noModel(method);
  const code = etsCode(fit.spec);
  const facts: ModelFact[] = [
    { label: 'model', value: `ETS(${code[0]},${code.slice(1, -1)},${code[code.length - 1]})` },
    { label: 'season length', value: fit.spec.period },
    { label: 'alpha (level)', value: fit.params.alpha },
  ];
  if (fit.spec.trend !== 'N') facts.push({ label: 'beta (trend)', value: fit.params.beta });
  if (fit.spec.season !== 'N') facts.push({ label: 'gamma (season)', value: fit.params.gamma });
  if (fit.spec.trend === 'Ad') facts.push({ label: 'phi (damping)', value: fit.params.phi });
  facts.push(
    { label: 'AICc', value: fit.aicc },
    { label: 'log-likelihood', value: fit.logLik },
    { label: 'sigma', value: Math.sqrt(fit.sigma2) },
    { label: 'in-sample MASE', value: inSampleMase(fit, y, m) },
    { label: 'observations', value: y.length },
  );
  if (adjusted) facts.push({ label: 'outliers replaced', value: adjusted.outliers.length });
  if (key === 'auto' || key === 'ets') {
    // The forecast averages the candidates by their Akaike weights (ets-average.ts): name those that count.
    const candidates = cachedEtsCandidates(y, etsSeason(y.length, request.seasonality ?? 0, season.nominal, m));
    // No candidate with an AICc (4 values): the forecast is the ETS(A,N,N) fallback alone.
    const weights = candidates.length > 0 ? akaikeWeights(candidates) : [];
    const shown = candidates
      .map((c, i) => ({ code: etsCode(c.spec), w: weights[i] }))
      .filter((c) => c.w >= 0.005)
      .map((c) => `${c.code} ${c.w.toFixed(2)}`);
    facts.push({ label: 'Akaike weights', value: shown.length > 0 ? shown.join(', ') : `${code} 1.00` });
  }
  if (key === 'auto') {
    // The same members rollingForecast combines, each on its own season (Theta: thetaf's test).
    const th = thetaForecast(y, season.nominal, 1);
    if (th) facts.push({ label: 'theta alpha', value: th.alpha }, { label: 'theta drift per period', value: th.drift });
    const arima =
      y.length >= ARIMA_MIN_LENGTH
        ? cachedAutoArima(y, arimaSeason(request.seasonality ?? 0, season.nominal), 'fast')
        : undefined;
    if (arima) facts.push({ label: 'ARIMA member', value: arimaLabel(arima.fit) });
    const ar = differencedAr(y, m, 1);
    if (ar) facts.push({ label: 'AR order (differenced at lag ' + m + ')', value: ar.order });
    const pool = ['ETS (Akaike-weighted)', 'Theta', ...(arima ? ['ARIMA'] : []), ...(m > 1 ? ['differenced AR'] : [])];
    facts.push({
      label: 'combination',
      value: `equal weights: ${pool.join(' + ')}; interval of ETS, Theta and differenced AR, rescaled, at least a Laplace one with ${SEASONAL_NAIVE_SHARE} × the seasonal naive's standard deviation`,
    });
  }
  return facts;
}
