const { abs, sqrt, trunc } = Math;
const { EPSILON, isFinite } = Number;
/** Level-stationarity KPSS critical values at 10, 5, 2.5 and 1 % (Kwiatkowski et al. 1992, Table 1; urca). */
const KPSS_CRITICAL = [0.347, 0.463, 0.574, 0.739];
const KPSS_LEVELS = [0.1, 0.05, 0.025, 0.01];

/**
 * KPSS statistic for level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992), as urca's
 * `ur.kpss(x, type = "mu", use.lag = lags)`: the scaled sum of squared partial sums of the
 * demeaned series over a Bartlett-weighted long-run variance with `lags` autocovariances.
 * @example kpssStatistic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0) // 0.5 + … large: trending series
 */
export function kpssStatistic(x: ArrayLike<number>, lags: number): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const res = new Float64Array(n);
  for (let i = 0; i < n; i++) res[i] = x[i] - mean;
  let s = 0;
  let num = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    s += res[i];
    num += s * s;
    s2 += res[i] * res[i];
  }
  num /= n * n;
  s2 /= n;
  let denom = s2;
  if (lags > 0) {
    let acc = 0;
    for (let k = 1; k <= lags; k++) {
      let c = 0;
      for (let i = k; i < n; i++) c += res[i] * res[i - k];
      acc += (1 - k / (lags + 1)) * c;
    }
    denom = s2 + (2 / n) * acc;
  }
  return num / denom;
}

/**
 * p-value of a level KPSS statistic by linear interpolation in the table of critical values,
 * clamped to [0.01, 0.1] (forecast's `ndiffs`, via R's approx(rule = 2)).
 */
export function kpssPValue(stat: number): number {
  const c = KPSS_CRITICAL;
  if (!(stat === stat)) return NaN;
  if (stat <= c[0]) return KPSS_LEVELS[0];
  if (stat >= c[c.length - 1]) return KPSS_LEVELS[KPSS_LEVELS.length - 1];
  let i = 0;
  while (stat > c[i + 1]) i++;
  const w = (stat - c[i]) / (c[i + 1] - c[i]);
  return KPSS_LEVELS[i] + w * (KPSS_LEVELS[i + 1] - KPSS_LEVELS[i]);
}

/**
 * Whether all values are equal in R's sense (forecast's `is.constant`: `all.equal(x, rep(x[1], n))`
 * with tolerance √ε). Over the values that differ from the first, the mean absolute difference
 * relative to their mean absolute value (absolute when that is below the tolerance) must not exceed √ε.
 */
export function isConstant(x: ArrayLike<number>): boolean {
  const tol = sqrt(EPSILON);
  let diff = 0;
  let size = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[0]) continue;
    diff += abs(x[i] - x[0]);
    size += abs(x[i]);
    count++;
  }
  if (count === 0) return true;
  const scale = size / count;
  const xy = isFinite(scale) && scale > tol ? diff / (count * scale) : diff / count;
  return !(xy > tol);
}

/**
 * Number of first differences d (0 to maxD) that make the series level-stationary by repeated KPSS
 * tests at the 5% level, as forecast's `ndiffs(x)` with its defaults (test "kpss", type "level",
 * lags ⌊3√n / 13⌋ where n is the length of the series being tested): difference while the test
 * rejects stationarity (p < 0.05); stop early when a difference leaves a constant series.
 * @example ndiffs(randomWalk) // 1
 */
export function ndiffs(x: ArrayLike<number>, maxD = 2, alpha = 0.05): number {
  let v = Float64Array.from(x);
  let d = 0;
  if (isConstant(v)) return d;
  const rejects = (s: Float64Array): boolean | undefined => {
    const p = kpssPValue(kpssStatistic(s, trunc((3 * sqrt(s.length)) / 13)));
    return p === p ? p < alpha : undefined;
  };
  let dodiff = rejects(v);
  if (dodiff === undefined) return d;
  while (dodiff && d < maxD) {
    d++;
    v = v.subarray(1).map((val, i) => val - v[i]);
    if (isConstant(v)) return d;
    dodiff = rejects(v);
    if (dodiff === undefined) return d - 1;
  }
  return d;
}
