import type { ArimaFit } from './arima-fit';
import { arimaForecast } from './arima-forecast';
import type { AutoArimaResult } from './arima-select';
import { cachedAutoArima } from './arima-cache';
import type { MemberForecast } from './member-forecasts';
import { normalBounds } from './member-forecasts';
import { ForecastErrors } from './errors';

/** Fewest values `arima` accepts (R's auto.arima runs on fewer, with little to choose from). */
export const ARIMA_MIN_LENGTH = 4;

/**
 * Season length automatic ARIMA is given: with `seasonality` 0 the nominal `frequency`, as R's
 * auto.arima takes the series' frequency and lets the seasonal-strength rule and the AICc decide
 * whether the season is used (no autocorrelation pre-test); 1 = none; n = n.
 * @example arimaSeason(0, 12) // 12
 */
export function arimaSeason(seasonality: number, frequency: number): number {
  return seasonality === 0 ? frequency : seasonality;
}

/**
 * The model in R's words (forecast's `arima.string`): "ARIMA(p,d,q)", then "(P,D,Q)[m]" when it has
 * seasonal parts, then "with drift", "with non-zero mean" or, undifferenced without a mean, "with
 * zero mean".
 * @example arimaLabel(fit) // "ARIMA(0,1,1)(0,1,1)[12]"
 */
export function arimaLabel(fit: ArimaFit): string {
  const { p, d, q, P, D, Q, m } = fit.order;
  let s = `ARIMA(${p},${d},${q})`;
  if (m > 1 && P + D + Q > 0) s += `(${P},${D},${Q})[${m}]`;
  if (fit.regressor === 'drift') s += ' with drift';
  else if (fit.regressor === 'mean') s += ' with non-zero mean';
  else if (d === 0 && D === 0) s += ' with zero mean';
  return s;
}

/** R's coefficient names: ar1.., ma1.., sar1.., sma1.., then drift or intercept. */
export function arimaCoefficientNames(fit: ArimaFit): string[] {
  const { p, q, P, Q } = fit.order;
  const names = [
    ...Array.from({ length: p }, (_, i) => `ar${i + 1}`),
    ...Array.from({ length: q }, (_, i) => `ma${i + 1}`),
    ...Array.from({ length: P }, (_, i) => `sar${i + 1}`),
    ...Array.from({ length: Q }, (_, i) => `sma${i + 1}`),
  ];
  if (fit.regressor !== 'none') names.push(fit.regressor === 'drift' ? 'drift' : 'intercept');
  return names;
}

/**
 * Automatic ARIMA of y with season length m (cached), as R's `auto.arima(ts(y, frequency = m))`.
 * @throws FORECAST_TOO_SHORT below ARIMA_MIN_LENGTH values; FORECAST_NO_MODEL when no model fits.
 */
export function autoArimaFit(y: Float64Array, m: number, label = 'arima'): AutoArimaResult {
  if (y.length < ARIMA_MIN_LENGTH) throw ForecastErrors.tooShort(label, ARIMA_MIN_LENGTH, y.length);
  const result = cachedAutoArima(y, m);
  if (!result) throw ForecastErrors.noModel(label);
  return result;
}

/**
 * Mean and normal bounds of an automatic ARIMA fit h steps ahead (forecast's `forecast.Arima`:
 * state-space predictions, standard errors from the predicted state covariance and the residual
 * variance). A constant history forecasts its value with zero-width bounds, as R.
 */
export function arimaMemberOf(
  result: AutoArimaResult,
  y: Float64Array,
  h: number,
  levels: ReadonlyArray<number>,
): MemberForecast {
  const name = arimaLabel(result.fit);
  if (result.constantSeries) {
    const mean = new Float64Array(h).fill(y[0]);
    return { name, mean, ...normalBounds(mean, new Float64Array(h), levels) };
  }
  const { mean, se } = arimaForecast(result.fit, h);
  return { name, mean, ...normalBounds(mean, se, levels) };
}

/** Automatic ARIMA as a forecast member (method "arima", and a member of combinations). */
export function arimaMember(y: Float64Array, m: number, h: number, levels: ReadonlyArray<number>): MemberForecast {
  return arimaMemberOf(autoArimaFit(y, m), y, h, levels);
}

/**
 * The ARIMA member of `auto`: the "fast" search (arima-cache.ts: CSS fits compared for every history,
 * the best refitted by maximum likelihood) with season m, or undefined when the history is too short
 * or no model fits (auto then pools the other members).
 */
export function autoArimaMember(
  y: Float64Array,
  m: number,
  h: number,
  levels: ReadonlyArray<number>,
): MemberForecast | undefined {
  if (y.length < ARIMA_MIN_LENGTH) return undefined;
  const result = cachedAutoArima(y, m, 'fast');
  return result && arimaMemberOf(result, y, h, levels);
}

/** Plain-language notes on how automatic ARIMA chose its model (differencing, search). */
export function arimaNotes(result: AutoArimaResult, n: number): string[] {
  if (result.constantSeries) return ['The history is constant: ARIMA forecasts its value.'];
  const { d, D } = result.fit.order;
  const notes: string[] = [];
  if (result.m > 1) {
    notes.push(
      result.seasonalStrength === undefined
        ? `No seasonal differencing: it needs more than two seasons of history (${n} ≤ ${2 * result.m}).`
        : `Seasonal strength ${result.seasonalStrength.toFixed(2)} ${D > 0 ? '>' : '≤'} 0.64: ${D > 0 ? 'one seasonal difference' : 'no seasonal difference'} (season of ${result.m}).`,
    );
  }
  notes.push(`KPSS tests at 5%: ${d} first difference(s).`);
  notes.push(
    `${arimaLabel(result.fit)} chosen by AICc among ${result.modelsFitted} model(s)${result.approximation ? ' (search by conditional sum of squares, winner refitted by maximum likelihood)' : ''}.`,
  );
  return notes;
}
