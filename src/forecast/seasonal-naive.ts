export interface NaiveForecast {
  mean: Float64Array;
  /** Standard error per step. */
  se: Float64Array;
}

/**
 * Seasonal naive forecast (R forecast::snaive, lag m; with m = 1 it is naive()): the value one season
 * earlier, with R's lagwalk standard errors se_h = σ·sqrt(⌊(h−1)/m⌋ + 1), σ² = mean of
 * (y_t − y_{t−m})² over t > m.
 * @example seasonalNaive(Float64Array.of(1, 2, 3, 4), 2, 3).mean // Float64Array [3, 4, 3]
 */
export function seasonalNaive(y: Float64Array, m: number, h: number): NaiveForecast {
  const n = y.length;
  const lag = n > m ? m : 1;
  let sse = 0;
  for (let t = lag; t < n; t++) sse += (y[t] - y[t - lag]) ** 2;
  const sigma = n > lag ? Math.sqrt(sse / (n - lag)) : 0;
  const mean = new Float64Array(h);
  const se = new Float64Array(h);
  for (let k = 1; k <= h; k++) {
    mean[k - 1] = y[n - lag + ((k - 1) % lag)];
    se[k - 1] = sigma * Math.sqrt(Math.floor((k - 1) / lag) + 1);
  }
  return { mean, se };
}
