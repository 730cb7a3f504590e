import type { ModelFact } from './describe-model';
import { arimaCoefficientNames, arimaLabel, autoArimaFit } from './arima-member';

/** Mean absolute one-step residual over the in-sample mean absolute seasonal-naive error. */
function inSampleMase(residuals: Float64Array, y: Float64Array, m: number): number {
  const lag = y.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < y.length; t++) scale += Math.abs(y[t] - y[t - lag]) / (y.length - lag);
  let mae = 0;
  for (let t = 0; t < y.length; t++) mae += Math.abs(residuals[t]) / y.length;
  return scale > 0 ? mae / scale : NaN;
}

/**
 * Facts about the automatic ARIMA model of y (method "arima" of FPA.FORECAST.MODEL): the model in R's
 * notation, how the differencing was decided, each coefficient under R's name, σ, the information
 * criteria, log-likelihood, in-sample MASE and the size of the search.
 * @throws FORECAST_TOO_SHORT / FORECAST_NO_MODEL as rollingForecast.
 */
export function describeArima(y: Float64Array, m: number): ModelFact[] {
  const result = autoArimaFit(y, m);
  const { fit } = result;
  const facts: ModelFact[] = [
    { label: 'model', value: arimaLabel(fit) },
    { label: 'season length', value: fit.order.P + fit.order.D + fit.order.Q > 0 ? fit.order.m : 1 },
    { label: 'differences (d, KPSS)', value: fit.order.d },
    { label: 'seasonal differences (D)', value: fit.order.D },
  ];
  if (result.seasonalStrength !== undefined)
    facts.push({ label: 'seasonal strength (D = 1 above 0.64)', value: result.seasonalStrength });
  const names = arimaCoefficientNames(fit);
  names.forEach((label, i) => facts.push({ label, value: fit.coef[i] }));
  facts.push(
    { label: 'sigma', value: Math.sqrt(fit.sigma2) },
    { label: 'log-likelihood', value: fit.loglik },
    { label: 'AIC', value: fit.aic },
    { label: 'AICc', value: fit.aicc },
    { label: 'BIC', value: fit.bic },
    { label: 'in-sample MASE', value: inSampleMase(fit.residuals, y, result.m) },
    { label: 'observations', value: y.length },
    { label: 'models compared', value: result.modelsFitted },
  );
  return facts;
}
