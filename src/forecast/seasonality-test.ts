/**
 * Sample autocorrelations r_1..r_maxLag as R's `acf()` computes them (demeaned, denominator n).
 * @example autocorrelations([1, 2, 3, 4], 1) // [0.25]
 */
export function autocorrelations(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t];
  mean /= n;
  let c0 = 0;
  for (let t = 0; t < n; t++) c0 += (x[t] - mean) * (x[t] - mean);
  const r = new Float64Array(maxLag);
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += (x[t] - mean) * (x[t + k] - mean);
    r[k - 1] = c0 > 0 ? ck / c0 : 0;
  }
  return r;
}

/**
 * The statistic of the M4 competition's seasonality test (90% one-sided): r_m divided by
 * 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n), signed, so the series is seasonal at period m when its
 * absolute value exceeds 1 (a negative one says x_t moves against x_{t−m}: not that season).
 * 0 when the test cannot run (m ≤ 1, n < 3m, or fewer lags than m). Same definition as
 * shared/bench/score-forecast.mjs (lag.max = 10·log10(n) as in R's acf).
 * @example seasonalityStatistic(Array.from({ length: 48 }, (_, t) => 10 + (t % 4)), 4) // ≈ 2.87 (> 1: seasonal)
 */
export function seasonalityStatistic(x: ArrayLike<number>, m: number): number {
  const n = x.length;
  if (m <= 1 || n < 3 * m) return 0;
  const lagMax = Math.min(Math.floor(10 * Math.log10(n)), n - 1);
  if (lagMax < m) return 0;
  const r = autocorrelations(x, lagMax);
  let cum = 1;
  for (let k = 1; k < m; k++) cum += 2 * r[k - 1] * r[k - 1];
  const limit = (1.645 / Math.sqrt(n)) * Math.sqrt(cum);
  return r[m - 1] / limit;
}

/**
 * The M4 competition's seasonality test (90% one-sided): the series is seasonal at period m when
 * |r_m| > 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n). Needs n ≥ 3m; shorter series are not seasonal.
 * @example isSeasonal(Array.from({ length: 48 }, (_, t) => 10 + (t % 4)), 4) // true
 */
export function isSeasonal(x: ArrayLike<number>, m: number): boolean {
  return Math.abs(seasonalityStatistic(x, m)) > 1;
}
