import type { ArimaFit } from './arima-fit';
import { arimaStateForecast } from './arima-kalman';

/**
 * Point forecasts and their standard errors from a fitted ARIMA model, as forecast's
 * `forecast.Arima` (R `predict.Arima` → `KalmanForecast`): the state-space predictions from the
 * filtered final state plus the mean or drift term, standard errors √(Z Pₖ Zᵀ · σ²) with forecast's
 * residual variance σ².
 */
export function arimaForecast(fit: ArimaFit, h: number): { mean: Float64Array; se: Float64Array } {
  const { mean, variance } = arimaStateForecast(fit.state, h);
  const n = fit.residuals.length;
  if (fit.regressor !== 'none') {
    const b = fit.coef[fit.coef.length - 1];
    for (let k = 0; k < h; k++) mean[k] += fit.regressor === 'mean' ? b : b * (n + k + 1);
  }
  const se = variance.map((v) => Math.sqrt(v * fit.sigma2));
  return { mean, se };
}
