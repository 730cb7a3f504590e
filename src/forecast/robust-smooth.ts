/**
 * Robust building blocks of the outlier adjustment (outliers.ts): running medians, Tukey's "53"
 * smoother, and robust seasonal indices (medians and quantiles come from src/stats). Running medians are
 * the classical resistant smoothers (Tukey, *Exploratory Data Analysis*, 1977; Velleman, "Definition
 * and comparison of robust nonlinear data smoothing algorithms", JASA 1980): a single spike, or two
 * in a row, does not move a median of five at all, and a permanent step passes through unchanged.
 */
import { medianSorted } from '../stats/median-sorted';
import { quantile } from '../stats/quantile';

/** Median of the numbers in `scratch[0..count)`; sorts that part of `scratch` in place (no allocation). */
function medianOf(scratch: Float64Array, count: number): number {
  return medianSorted(scratch.subarray(0, count).sort());
}

/**
 * Running median of odd `width` with a full window everywhere: near the ends the window is the
 * first (last) `width` values instead of a centred one, so every output is a median of `width`
 * values. Series shorter than `width` get their overall median. Used for the first, seasonal-blind
 * trend of a seasonal series, where a shrinking window would follow the seasonal swing.
 * @example clampedRunningMedian([5, 1, 9, 2, 8], 3) // Float64Array [5, 5, 2, 8, 8]
 */
export function clampedRunningMedian(x: ArrayLike<number>, width: number): Float64Array {
  const n = x.length;
  const w = Math.min(width, n);
  const out = new Float64Array(n);
  const scratch = new Float64Array(w);
  const half = (w - 1) >> 1;
  for (let t = 0; t < n; t++) {
    const start = Math.min(Math.max(t - half, 0), n - w);
    for (let k = 0; k < w; k++) scratch[k] = x[start + k];
    out[t] = medianOf(scratch, w);
  }
  return out;
}

/**
 * Running median of odd `width` with Tukey's end-point rule: the window shrinks symmetrically
 * towards the ends (a median of 3 one step in), and the end value itself is the median of the
 * observed end value, its smoothed neighbour, and the straight-line extrapolation from the two
 * smoothed values next to it. So a spike at the first or last position is smoothed away, while a
 * new level that has lasted two periods at the end is kept.
 * @example endRuleRunningMedian([1, 2, 30, 4, 5], 3) // Float64Array [1, 2, 4, 5, 5]
 */
export function endRuleRunningMedian(x: ArrayLike<number>, width: number): Float64Array {
  const n = x.length;
  const out = Float64Array.from(x);
  if (n < 3) return out;
  const scratch = new Float64Array(width);
  const halfMax = (width - 1) >> 1;
  for (let t = 1; t < n - 1; t++) {
    const half = Math.min(halfMax, t, n - 1 - t);
    for (let k = -half; k <= half; k++) scratch[k + half] = x[t + k];
    out[t] = medianOf(scratch, 2 * half + 1);
  }
  if (n >= 4) {
    scratch[0] = x[0];
    scratch[1] = out[1];
    scratch[2] = 3 * out[1] - 2 * out[2];
    out[0] = medianOf(scratch, 3);
    scratch[0] = x[n - 1];
    scratch[1] = out[n - 2];
    scratch[2] = 3 * out[n - 2] - 2 * out[n - 3];
    out[n - 1] = medianOf(scratch, 3);
  }
  return out;
}

/**
 * Hanning: the weighted running mean (¼, ½, ¼); the two end values are kept.
 * @example hanning([0, 4, 0, 4]) // Float64Array [0, 2, 2, 4]
 */
export function hanning(x: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(x);
  for (let t = 1; t < x.length - 1; t++) out[t] = 0.25 * x[t - 1] + 0.5 * x[t] + 0.25 * x[t + 1];
  return out;
}

/**
 * Tukey's "53" smoother: a running median of 5 followed by a running median of 3, both with the
 * end-point rule. Resistant to one or two consecutive wild values; steps pass through unchanged.
 * @example smooth53([1, 1, 1, 50, 1, 1, 1]) // Float64Array [1, 1, 1, 1, 1, 1, 1]
 */
export function smooth53(x: ArrayLike<number>): Float64Array {
  return endRuleRunningMedian(endRuleRunningMedian(x, 5), 3);
}

/** Median of the non-NaN values of `d` at each cycle position (0 where there are none), not centred. */
function positionMedians(d: ArrayLike<number>, m: number): Float64Array {
  const s = new Float64Array(m);
  const scratch = new Float64Array(Math.ceil(d.length / m));
  for (let j = 0; j < m; j++) {
    let count = 0;
    for (let t = j; t < d.length; t += m) if (!Number.isNaN(d[t])) scratch[count++] = d[t];
    s[j] = count > 0 ? medianOf(scratch, count) : 0;
  }
  return s;
}

/**
 * Robust seasonal indices: the median of the detrended values `d` at each position of the cycle
 * (position 0 = first observation), centred to average 0. NaN entries of `d` are skipped.
 * @example seasonalMedians([-1, 1, -1, 1, -1, 9], 2) // Float64Array [-1, 1]
 */
export function seasonalMedians(d: ArrayLike<number>, m: number): Float64Array {
  const s = positionMedians(d, m);
  const centre = s.reduce((a, v) => a + v, 0) / m;
  return s.map((v) => v - centre);
}

/**
 * Centred moving average over one season (the 2×m average for even m, as R's `decompose`), with
 * the nearest full-window value carried out to the ends. Series shorter than m + 1 get their mean.
 * @example centredSeasonAverage([1, 3, 1, 3, 1, 3], 2) // Float64Array [2, 2, 2, 2, 2, 2]
 */
export function centredSeasonAverage(x: ArrayLike<number>, m: number): Float64Array {
  const n = x.length;
  const half = m >> 1;
  const out = new Float64Array(n);
  if (n < 2 * half + 1) {
    let mean = 0;
    for (let t = 0; t < n; t++) mean += x[t] / n;
    return out.fill(mean);
  }
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      s = 0.5 * (x[t - half] + x[t + half]);
      for (let k = -half + 1; k < half; k++) s += x[t + k];
    } else {
      for (let k = -half; k <= half; k++) s += x[t + k];
    }
    out[t] = s / m;
  }
  for (let t = 0; t < half; t++) out[t] = out[half];
  for (let t = n - half; t < n; t++) out[t] = out[n - half - 1];
  return out;
}

/**
 * Each value's trend as its neighbours alone see it: the median of the `2k` values nearest in time
 * (k on each side, more from one side near the ends), the value itself left out, computed after
 * removing the series' robust drift (the median first difference) so that the one-sided windows
 * at the ends are not biased by a trend. Leaving the value out keeps the remainders from being
 * shrunk towards zero by the value's own weight in its trend (a running median through the value
 * returns the value itself about one time in five, which would squeeze the quartiles).
 * @example leaveOneOutTrend([1, 2, 3, 40, 5, 6, 7], 2)[3] // 4
 */
export function leaveOneOutTrend(a: ArrayLike<number>, k: number): Float64Array {
  const n = a.length;
  const drift =
    n > 1
      ? quantile(
          Float64Array.from({ length: n - 1 }, (_, t) => a[t + 1] - a[t]),
          0.5,
        )
      : 0;
  const z = Float64Array.from(a, (v, t) => v - drift * t);
  const w = Math.min(2 * k, n - 1);
  const scratch = new Float64Array(Math.max(w, 1));
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const start = Math.min(Math.max(t - k, 0), n - 1 - w);
    let count = 0;
    for (let j = start; j <= start + w; j++) if (j !== t) scratch[count++] = z[j];
    out[t] = (count > 0 ? medianOf(scratch, count) : z[t]) + drift * t;
  }
  return out;
}

/**
 * Local seasonal indices: for each time, the median of the detrended values `d` at the same cycle
 * position in the `2k + 1` cycles around it (the window slides inwards at the ends, so it always
 * spans 2k + 1 cycles when there are that many), NaN entries skipped, so the seasonal pattern may
 * drift slowly as in STL (R's mstl() uses a seasonal window of 11 cycles, k = 5). With `leaveOut`
 * the value's own cycle is left out: its index as the other cycles see it. 0 where nothing is left.
 * @example localSeasonal([1, -1, 3, -1, 5, -1], 2, 5, true) // Float64Array [4, -1, 3, -1, 2, -1]
 */
export function localSeasonal(d: ArrayLike<number>, m: number, k: number, leaveOut: boolean): Float64Array {
  const n = d.length;
  const out = new Float64Array(n);
  const scratch = new Float64Array(2 * k + 1);
  for (let t = 0; t < n; t++) {
    const p = t % m;
    const cycle = (t - p) / m;
    const cycles = Math.ceil((n - p) / m);
    const width = Math.min(2 * k + 1, cycles);
    const start = Math.min(Math.max(cycle - k, 0), cycles - width);
    let count = 0;
    for (let c = start; c < start + width; c++) {
      const v = d[p + c * m];
      if ((leaveOut && c === cycle) || Number.isNaN(v)) continue;
      scratch[count++] = v;
    }
    out[t] = count ? medianOf(scratch, count) : 0;
  }
  return out;
}
