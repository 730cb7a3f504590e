import { medianSorted } from '../stats/median-sorted';
import { quantile } from '../stats/quantile';
import {
  centredSeasonAverage,
  clampedRunningMedian,
  hanning,
  leaveOneOutTrend,
  localSeasonal,
  seasonalMedians,
  smooth53,
} from './robust-smooth';
import { seasonalPeriod } from '../model/limits';

/** A position the adjustment replaced, in the coordinates of the series it was given. */
export interface ReplacedValue {
  /** 0-based position in the series given to `adjustOutliers`. */
  index: number;
  value: number;
  replacement: number;
}

export interface OutlierAdjustment {
  /** The series with every flagged value replaced (a copy; equal to the input when none is). */
  values: Float64Array;
  /** Replaced positions, in time order. */
  outliers: ReplacedValue[];
  /** Why the series was not examined: too short to judge, or constant. Absent when it was. */
  skipped?: 'too-short' | 'constant';
  /** "log" (log(y + c)) when no value is negative and one is positive, else "linear" (see `adjustOutliers`). */
  scale: 'log' | 'linear';
  /** Season length of the decomposition actually used (1 = non-seasonal smoother). */
  period: number;
}

/** Shortest series examined: below this the quartiles of the remainder say nothing. */
export const OUTLIER_MIN_LENGTH = 8;
/** Width of the remainder's fence in interquartile ranges, R `tsoutliers()`'s rule. */
const FENCE_IQRS = 3;
/** Seasonal strength below which the season is ignored, as R `tsoutliers()` (0.6). */
const MIN_SEASONAL_STRENGTH = 0.6;
/** Values on each side whose median a flagged value must also be far from. */
const SIDE = 3;
/** Neighbours on each side whose median is a value's trend. */
const NEIGHBOURS = 3;
/** Cycles on each side whose values at the same position give a seasonal index (11 cycles, as R's mstl). */
const SEASON_CYCLES = 5;

interface Decomposition {
  /** Seasonal component at each time (zeros when non-seasonal). */
  season: Float64Array;
  /** Remainder x − trend − season; NaN at blanks. */
  remainder: Float64Array;
}

const minus = (a: ArrayLike<number>, b: ArrayLike<number>): Float64Array => Float64Array.from(a, (v, t) => v - b[t]);
const iqr = (x: ArrayLike<number>): number => quantile(x, 0.75) - quantile(x, 0.25);
/** Interquartile range of a standard normal distribution. */
const IQR_PER_SD = 1.349;
const variance = (x: Float64Array): number => {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
};

/**
 * Robust decomposition. With a season: a seasonal-blind first trend (running median over a season,
 * then the centred moving average), seasonal indices as medians of the detrended values per cycle
 * position, a second trend by Tukey's 53 smoother then Hanning on the seasonally adjusted series,
 * and local seasonal indices (medians over 11 cycles, as the seasonal window of R's mstl) of the
 * values minus that trend. The remainder of each value is then taken against the trend and index
 * that its neighbours and the other cycles give without it (leave-one-out medians,
 * robust-smooth.ts), so a value cannot vouch for itself and the quartiles of the remainders are
 * not squeezed. The season is dropped when its strength, var(indices) / (var(indices) + noise²)
 * with noise = IQR(remainder) / 1.349, is below 0.6 (R's threshold; robust scales so that neither
 * the outliers sought nor a one-month seasonal peak can hide or fake a season). Without a season:
 * remainder = value − leave-one-out trend.
 */
function decompose(x: Float64Array, m: number, blanks: ArrayLike<boolean> | undefined): Decomposition {
  const n = x.length;
  const mask = (d: Float64Array): Float64Array => (blanks ? d.map((v, t) => (blanks[t] ? NaN : v)) : d);
  const plain = (): Decomposition => ({
    season: new Float64Array(n),
    remainder: mask(minus(x, leaveOneOutTrend(x, NEIGHBOURS))),
  });
  if (m <= 1) return plain();
  const firstTrend = centredSeasonAverage(clampedRunningMedian(x, 2 * (m >> 1) + 1), m);
  const firstIndices = seasonalMedians(mask(minus(x, firstTrend)), m);
  const trend = hanning(smooth53(Float64Array.from(x, (v, t) => v - firstIndices[t % m])));
  const detrended = mask(minus(x, trend));
  const season = localSeasonal(detrended, m, SEASON_CYCLES, false);
  const seasonOfOthers = localSeasonal(detrended, m, SEASON_CYCLES, true);
  const remainder = mask(minus(minus(x, leaveOneOutTrend(minus(x, season), NEIGHBOURS)), seasonOfOthers));
  const noise = (iqr(remainder) / IQR_PER_SD) ** 2;
  const pattern = variance(season);
  const strength = pattern / (pattern + noise);
  return strength >= MIN_SEASONAL_STRENGTH ? { season, remainder } : plain();
}

/** Median of up to `SIDE` seasonally adjusted values on one side of t (step −1 or +1); NaN when none. */
function sideMedian(a: Float64Array, t: number, step: number): number {
  const near: number[] = [];
  for (let k = t + step; k >= 0 && k < a.length && near.length < SIDE; k += step) near.push(a[k]);
  return medianSorted(near.sort((u, v) => u - v));
}

/**
 * Positions whose remainder lies outside the fence [Q1 − 3·IQR, Q3 + 3·IQR] and whose seasonally
 * adjusted value is outside it also when measured from the median of the 3 values before it and
 * from the median of the 3 values after it. The second condition keeps both sides of a permanent
 * step: the last value before it agrees with the past, the first after it with the future. None
 * when the fence has no width.
 */
function flagged(x: Float64Array, d: Decomposition, scale: number): boolean[] {
  const q1 = quantile(d.remainder, 0.25);
  const q3 = quantile(d.remainder, 0.75);
  const lo = q1 - FENCE_IQRS * (q3 - q1);
  const hi = q3 + FENCE_IQRS * (q3 - q1);
  if (!(hi - lo > 1e-12 * scale)) return Array.from(d.remainder, () => false);
  const a = minus(x, d.season);
  const outside = (r: number): boolean => r < lo || r > hi;
  // At the first (last) value there is nothing before (after) it: its nearest neighbour stands in,
  // so a new level that has lasted two periods at the end is kept, while a lone last spike is not.
  const farFrom = (t: number, step: number): boolean => {
    const side = sideMedian(a, t, step);
    return outside(a[t] - (Number.isNaN(side) ? a[t - step] : side));
  };
  return Array.from(d.remainder, (r, t) => outside(r) && farFrom(t, -1) && farFrom(t, 1));
}

/**
 * Each flagged value replaced by the seasonally adjusted series interpolated on the straight line
 * between the nearest unflagged neighbours (the nearest one alone at the ends), re-seasonalised.
 */
function replaced(x: Float64Array, flags: boolean[], season: Float64Array): Float64Array {
  const out = Float64Array.from(x);
  const n = x.length;
  for (let t = 0; t < n; t++) {
    if (!flags[t]) continue;
    let p = t - 1;
    while (p >= 0 && flags[p]) p--;
    let q = t + 1;
    while (q < n && flags[q]) q++;
    const ap = p >= 0 ? x[p] - season[p] : NaN;
    const aq = q < n ? x[q] - season[q] : NaN;
    const a = p < 0 ? aq : q >= n ? ap : ap + ((aq - ap) * (t - p)) / (q - p);
    out[t] = a + season[t];
  }
  return out;
}

/**
 * The shift c of the log scale log(y + c): 0 when every value is positive; the smallest positive
 * value when the others are zeros (a zero then sits one doubling below the smallest level seen);
 * undefined (linear scale) with a negative value or no positive one.
 */
function logShift(y: Float64Array): number | undefined {
  let smallest = Infinity;
  let zeros = 0;
  for (const v of y) {
    if (v < 0) return undefined;
    if (v === 0) zeros++;
    else smallest = Math.min(smallest, v);
  }
  if (smallest === Infinity) return undefined;
  return zeros > 0 ? smallest : 0;
}

/**
 * Finds and replaces outliers, after R forecast's `tsoutliers()` (Hyndman; FPP3 §13.9): decompose
 * the series robustly into trend, season and remainder; flag the values whose remainder lies
 * outside [Q1 − 3·IQR, Q3 + 3·IQR] of all remainders and that are also that far from the median
 * of the 3 values before them and of the 3 after them (seasonally adjusted); replace each by the
 * seasonally adjusted series interpolated between its nearest unflagged neighbours, plus the
 * seasonal index. A second pass on the cleaned series catches outliers the first one masked (R's
 * `iterate = 2`); replacements come from the second pass's decomposition.
 *
 * Differences from R, on purpose: trend and season are running and per-cycle medians, and each
 * value is judged against what its neighbours and other cycles say without it (R: supsmu on a
 * robust-STL adjusted series, which includes the value), so a spike cannot pull the pattern it is
 * judged against, and clean Gaussian series are almost never flagged (R flags one or more values
 * in 40–55% of clean 30- to 48-month seasonal series; this function in about 1%). A permanent
 * level shift is not an outlier: the value before it agrees with its past, the one after with its
 * future, so at most the step's first value is flagged (in practice when it is the last). When
 * no value is negative the work is done on the log scale: business series usually have seasonal
 * swings proportional to their level, and on the linear scale the large late swings of such a
 * series are mistaken for outliers; R's tsoutliers(AirPassengers) flags 7 ordinary summer peaks
 * that way, 2 values with lambda = 0, this function none. Zeros among positive values use
 * log(y + c), c = the smallest positive value (such series often grow from near zero; a zero
 * then sits one doubling below the smallest level seen); a negative value keeps the linear scale.
 *
 * Never adjusts a series shorter than 8 values (`skipped: 'too-short'`) or a constant one
 * (`skipped: 'constant'`). Uses the season `m` only with at least two full seasons (n ≥ 2m).
 * Positions marked in `blanks` (values that were interpolated) are neither flagged nor used to set
 * the fence. Deterministic and pure.
 *
 * @param y the series, oldest first, gap-free
 * @param m season length (1 = none)
 * @param blanks optional, true where `y` holds an interpolated blank
 * @example adjustOutliers(Float64Array.from([10, 11, 10, 12, 11, 95, 10, 11, 12, 11]), 1).outliers
 * // [{ index: 5, value: 95, replacement: 10.488… }] (the geometric mean of its neighbours 11 and 10)
 */
export function adjustOutliers(y: ArrayLike<number>, m: number, blanks?: ArrayLike<boolean>): OutlierAdjustment {
  const n = y.length;
  const values = Float64Array.from(y);
  const shift = logShift(values);
  const log = shift !== undefined;
  const scale = log ? 'log' : 'linear';
  const period = seasonalPeriod(n, m);
  if (n < OUTLIER_MIN_LENGTH) return { values, outliers: [], skipped: 'too-short', scale, period };
  if (values.every((v) => v === values[0])) return { values, outliers: [], skipped: 'constant', scale, period };
  const x = shift !== undefined ? values.map((v) => Math.log(v + shift)) : values;
  const size = x.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  const first = decompose(x, period, blanks);
  const flags = flagged(x, first, size);
  if (!flags.some(Boolean)) return { values, outliers: [], scale, period };
  const second = decompose(replaced(x, flags, first.season), period, blanks);
  flagged(x, second, size).forEach((f, t) => (flags[t] = flags[t] || f));
  const cleaned = replaced(x, flags, second.season);
  const adjusted = Float64Array.from(values);
  const outliers: ReplacedValue[] = [];
  flags.forEach((f, t) => {
    if (!f) return;
    adjusted[t] = shift !== undefined ? Math.max(Math.exp(cleaned[t]) - shift, 0) : cleaned[t];
    outliers.push({ index: t, value: values[t], replacement: adjusted[t] });
  });
  return { values: adjusted, outliers, scale, period };
}
