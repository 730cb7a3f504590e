// Public surface of the forecast engine.

// Contract
export * from './types';
export { ForecastErrors } from './errors';

// One-shot forecasting
export { rollingForecast } from './rolling-forecast';

// ETS building blocks
export type { EtsSpec, EtsParams } from './ets-model';
export { parseEtsCode, etsCode } from './ets-model';
export type { EtsFit } from './ets-fit';
export { fitEts, evaluateEts } from './ets-fit';
export { etsForecastMoments } from './ets-forecast';

// Helpers
export { prepareHistory } from './prepare-history';
export { isSeasonal, autocorrelations } from './seasonality-test';
export { normalQuantile, normalCdf } from './normal-quantile';
