// Public surface of the forecast engine.

// Contract
export * from './types';
export { ForecastErrors } from './errors';

// One-shot forecasting, evaluation and explanation
export { rollingForecast } from './rolling-forecast';
export type { BacktestRequest, BacktestResult, HorizonAccuracy } from './backtest';
export { backtest } from './backtest';
export type { ModelDescriptionRequest, ModelFact } from './describe-model';
export { describeModel } from './describe-model';

// ETS building blocks
export type { EtsSpec, EtsParams } from './ets-model';
export { parseEtsCode, etsCode } from './ets-model';
export type { EtsFit } from './ets-fit';
export { fitEts, evaluateEts } from './ets-fit';
export { selectEts, candidateSpecs } from './ets-select';
export { clearFitCache } from './fit-cache';
export { etsForecastMoments } from './ets-forecast';

// ARIMA building blocks
export type { ArimaOrder } from './arima-params';
export type { ArimaRegressor, ArimaInitialization } from './arima-objective';
export type { ArimaFit, ArimaFitOptions, ArimaMethod } from './arima-fit';
export { fitArima } from './arima-fit';
export { arimaForecast } from './arima-forecast';
export type { AutoArimaOptions, AutoArimaResult } from './arima-select';
export { autoArima } from './arima-select';
export { arimaMember, arimaLabel, autoArimaFit } from './arima-member';

// Theta and combinations
export { thetaForecast } from './theta';
export { combineForecasts } from './combination';

// Outliers
export { adjustOutliers, OUTLIER_MIN_LENGTH } from './outliers';
export type { OutlierAdjustment } from './outliers';

// Helpers
export { prepareHistory } from './prepare-history';
export { isSeasonal, autocorrelations } from './seasonality-test';
