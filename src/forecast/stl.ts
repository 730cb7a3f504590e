const { abs, ceil, max, min, round, sqrt, trunc } = Math;
/**
 * STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990), as
 * R's `stats::stl` computes it (the netlib Fortran, non-robust: two inner passes, no robustness
 * iterations). Used for the seasonal-strength rule that chooses seasonal differencing
 * (seasonal-strength.ts). Arrays are addressed 1-based through an offset, as in the Fortran, so the
 * port can be read against it line by line.
 */

export interface StlOptions {
  /** Seasonal smoothing span (R's s.window; made odd and at least 3). */
  seasonalWindow: number;
  /** Trend span; default R's nextodd(ceiling(1.5 m / (1 − 1.5 / s.window))). */
  trendWindow?: number;
  /** Low-pass span; default the smallest odd number ≥ m. */
  lowPassWindow?: number;
  /** Degree of the seasonal loess (0 or 1). @default 0 */
  seasonalDegree?: number;
  /** Degree of the trend and low-pass loess. @default 1 */
  trendDegree?: number;
  /** Inner iterations. @default 2 */
  inner?: number;
}

export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

const nextOdd = (x: number): number => {
  const r = round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/**
 * Decomposes y (length n > 2m) into seasonal, trend and remainder with season length m.
 * @example stl(monthly, 12, { seasonalWindow: 11 }).seasonal
 */
export function stl(y: ArrayLike<number>, m: number, options: StlOptions): StlResult {
  const n = y.length;
  const sw = options.seasonalWindow;
  const tw = options.trendWindow ?? nextOdd(ceil((1.5 * m) / (1 - 1.5 / sw)));
  const lw = options.lowPassWindow ?? nextOdd(m);
  const odd3 = (v: number): number => {
    const k = max(3, v);
    return k % 2 === 0 ? k + 1 : k;
  };
  const ns = odd3(sw);
  const nt = odd3(tw);
  const nl = odd3(lw);
  const np = max(2, m);
  const isdeg = options.seasonalDegree ?? 0;
  const itdeg = options.trendDegree ?? 1;
  const nsjump = ceil(sw / 10);
  const ntjump = ceil(tw / 10);
  const nljump = ceil(lw / 10);
  const yy = Float64Array.from(y);
  const season = new Float64Array(n);
  const trend = new Float64Array(n);
  const rows = n + 2 * np;
  const work = Array.from({ length: 5 }, () => new Float64Array(rows));
  const rw = new Float64Array(n);
  for (let pass = 0; pass < (options.inner ?? 2); pass++) {
    for (let i = 0; i < n; i++) work[0][i] = yy[i] - trend[i];
    seasonalSmooth(work[0], n, np, ns, isdeg, nsjump, work[1], work[2], work[3], work[4]);
    lowPassFilter(work[1], n + 2 * np, np, work[2], work[0]);
    loessSmooth(work[2], 0, n, nl, itdeg, nljump, false, rw, 0, work[0], 0, work[4]);
    for (let i = 0; i < n; i++) season[i] = work[1][np + i] - work[0][i];
    for (let i = 0; i < n; i++) work[0][i] = yy[i] - season[i];
    loessSmooth(work[0], 0, n, nt, itdeg, ntjump, false, rw, 0, trend, 0, work[2]);
  }
  const remainder = yy.map((v, i) => v - season[i] - trend[i]);
  return { seasonal: season, trend, remainder };
}

/** Largest half-width whose tricube weights are tabulated. */
const MAX_TABULATED = 4096;
const tricubes: Float64Array[] = [];

/**
 * The tricube weights (1 − (r/h)³)³ at the distances r = 0..h, computed once per half-width h (the
 * same expression, so the same bits): every loess fit of a series uses the same few half-widths, and
 * the powers were most of the decomposition's time.
 */
function tricubeWeights(h: number): Float64Array {
  let t = tricubes[h];
  if (!t) {
    t = new Float64Array(h + 1);
    for (let r = 0; r <= h; r++) t[r] = (1 - (r / h) ** 3) ** 3;
    tricubes[h] = t;
  }
  return t;
}

/**
 * Loess fit at abscissa xs from points nleft..nright (1-based) of y (R `stlest`); returns NaN when
 * no point has positive weight (the caller then keeps the data value).
 */
function loessAt(
  y: Float64Array,
  yo: number,
  n: number,
  len: number,
  ideg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  userw: boolean,
  rw: Float64Array,
  rwo: number,
): number {
  const range = n - 1;
  let h = max(xs - nleft, nright - xs);
  if (len > n) h += trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  // Whole-number distances (the Fortran's integer abscissae) read the tricube weights from a table.
  const cube = Number.isInteger(xs) && Number.isInteger(h) && h <= MAX_TABULATED ? tricubeWeights(h) : undefined;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = abs(j - xs);
    if (r <= h9) {
      w[j - 1] = r <= h1 ? 1 : cube ? cube[r] : (1 - (r / h) ** 3) ** 3;
      if (userw) w[j - 1] = rw[rwo + j - 1] * w[j - 1];
      a += w[j - 1];
    } else w[j - 1] = 0;
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && ideg > 0) {
    a = 0;
    for (let j = nleft; j <= nright; j++) a += w[j - 1] * j;
    let b = xs - a;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - a) ** 2;
    if (sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1] * (b * (j - a) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[yo + j - 1];
  return ys;
}

/**
 * Loess smoothing of y[yo .. yo+n) into ys[so .. so+n), fitting every `njump`-th point and
 * interpolating linearly between them (R `stless`).
 */
function loessSmooth(
  y: Float64Array,
  yo: number,
  n: number,
  len: number,
  ideg: number,
  njump: number,
  userw: boolean,
  rw: Float64Array,
  rwo: number,
  ys: Float64Array,
  so: number,
  res: Float64Array,
): void {
  const at = (i: number, nleft: number, nright: number): void => {
    const v = loessAt(y, yo, n, len, ideg, i, nleft, nright, res, userw, rw, rwo);
    ys[so + i - 1] = v === v ? v : y[yo + i - 1];
  };
  if (n < 2) {
    ys[so] = y[yo];
    return;
  }
  const newnj = min(njump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) at(i, 1, n);
  } else if (newnj === 1) {
    const nsh = trunc((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      at(i, nleft, nright);
    }
  } else {
    const nsh = trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      at(i, nleft, nright);
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (ys[so + i + newnj - 1] - ys[so + i - 1]) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++) ys[so + j - 1] = ys[so + i - 1] + delta * (j - i);
    }
    const k = trunc((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      at(n, nleft, nright);
      if (k !== n - 1) {
        const delta = (ys[so + n - 1] - ys[so + k - 1]) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[so + j - 1] = ys[so + k - 1] + delta * (j - k);
      }
    }
  }
}

/** Moving average of length len (R `stlma`): ave[0 .. n − len]. */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i];
  ave[0] = v / len;
  for (let j = 1, k = len, m = 0; j < newn; j++, k++, m++) {
    v = v - x[m] + x[k];
    ave[j] = v / len;
  }
}

/** The low-pass filter of the cycle-subseries (R `stlfts`): moving averages of length np, np, 3. */
function lowPassFilter(x: Float64Array, n: number, np: number, trend: Float64Array, work: Float64Array): void {
  movingAverage(x, n, np, trend);
  movingAverage(trend, n - np + 1, np, work);
  movingAverage(work, n - 2 * np + 2, 3, trend);
}

/**
 * Smooths each cycle-subseries by loess and extends it by one point at each end (R `stlss`);
 * the result, of length n + 2·np, goes to `season`.
 */
function seasonalSmooth(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  isdeg: number,
  nsjump: number,
  season: Float64Array,
  work1: Float64Array,
  work2: Float64Array,
  work3: Float64Array,
): void {
  const work4 = new Float64Array(work1.length);
  for (let j = 1; j <= np; j++) {
    const k = trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1];
    loessSmooth(work1, 0, k, ns, isdeg, nsjump, false, work3, 0, work2, 1, work4);
    const nright = min(ns, k);
    let v = loessAt(work1, 0, k, ns, isdeg, 0, 1, nright, work4, false, work3, 0);
    work2[0] = v === v ? v : work2[1];
    const nleft = max(1, k - ns + 1);
    v = loessAt(work1, 0, k, ns, isdeg, k + 1, nleft, k, work4, false, work3, 0);
    work2[k + 1] = v === v ? v : work2[k];
    for (let mm = 1; mm <= k + 2; mm++) season[(mm - 1) * np + j - 1] = work2[mm - 1];
  }
}
