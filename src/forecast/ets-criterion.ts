import type { EtsParams, EtsSpec } from './ets-model';
// Math and Infinity are bound once: global lookups are slow inside vm sandboxes (jest), and this is a hot path.
const { log, abs } = Math;
const INF = 1 / 0;
const TOL = 1e-10;
const HUGE = 1e10;

// Seasonal ring buffer shared by the kernels (grown on demand; not re-entrant, which it need not be).
// The kernels read it from here rather than as an argument, and update the trend state
// unconditionally (without a trend b stays 0: β = 0, φ = 1): both made the loops markedly faster.
let scratch = new Float64Array(16);
// The kernels' starting level and trend and their coefficients (l, b, φ, α, β, γ), handed over in a
// typed array so that every kernel reads them as doubles. As arguments, whole-number constants from
// some models (b = 0, φ = 1 without a trend) and doubles from others made V8 keep a kernel's level and
// trend boxed once it had seen both: two heap numbers per step, and garbage collection took a tenth
// of the month-end close. The same values either way, so the same numbers.
const coef = new Float64Array(6);

/** n·log Σe² (+ 2 Σ log|f|), with etsFilter's conventions for a zero or non-finite sum. */
function finish(n: number, sse: number, logf: number): number {
  if (!(sse > 0)) return sse === 0 ? -INF : NaN;
  return n * log(sse) + logf;
}

/**
 * Additive error (ANN, AAN, AAdN; with `seasonal`, ANA, AAA, AAdA). Without a season the seasonal
 * term is 0, which leaves every operation's value as it is (q + 0 = q, yt − 0 = yt), and the ring is
 * not touched; the flag is fixed for the whole loop, so the branches cost next to nothing.
 */
function additiveError(y: Float64Array, m: number, seasonal: boolean): number {
  const n = y.length;
  const ring = scratch;
  let l = coef[0];
  let b = coef[1];
  const phi = coef[2];
  const alpha = coef[3];
  const beta = coef[4];
  const gamma = coef[5];
  let idx = m - 1;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const sOld = seasonal ? ring[idx] : 0;
    const phib = phi * b;
    const q = l + phib;
    const yt = y[t];
    const e = yt - (q + sOld);
    sse += e * e;
    const r = yt - sOld - q;
    const lNew = q + alpha * r;
    b = phib + beta * r;
    if (seasonal) {
      ring[idx] = sOld + gamma * (yt - q - sOld);
      idx = idx === 0 ? m - 1 : idx - 1;
    }
    l = lNew;
  }
  return finish(n, sse, 0);
}

/** Multiplicative error, no season (MNN, MAN, MAdN). */
function multiplicativeNonSeasonal(y: Float64Array): number {
  let l = coef[0];
  let b = coef[1];
  const phi = coef[2];
  const alpha = coef[3];
  const beta = coef[4];
  const n = y.length;
  let sse = 0;
  let logf = 0;
  let prodF = 1;
  for (let t = 0; t < n; t++) {
    const phib = phi * b;
    const q = l + phib;
    const yt = y[t];
    if (q === 0) return INF;
    const e = (yt - q) / q;
    // Σ log|f| as the log of a running product, renormalised before it can overflow (as etsFilter).
    prodF *= abs(q);
    if (prodF > 1e100 || prodF < 1e-100) {
      logf += log(prodF);
      prodF = 1;
    }
    sse += e * e;
    const r = yt - q;
    const lNew = q + alpha * r;
    b = phib + beta * r;
    l = lNew;
  }
  logf += log(prodF);
  return finish(n, sse, 2 * logf);
}

/**
 * Multiplicative error with a season: additive (MNA, MAA, MAdA) or, with `multiplicativeSeason`,
 * multiplicative (MNM, MAM, MAdM). The flag is fixed for the whole loop.
 */
function multiplicativeErrorSeasonal(y: Float64Array, m: number, multiplicativeSeason: boolean): number {
  const n = y.length;
  const ring = scratch;
  let l = coef[0];
  let b = coef[1];
  let idx = m - 1;
  let sse = 0;
  let logf = 0;
  let prodF = 1;
  const phi = coef[2];
  const alpha = coef[3];
  const beta = coef[4];
  const gamma = coef[5];
  for (let t = 0; t < n; t++) {
    const sOld = ring[idx];
    const phib = phi * b;
    const q = l + phib;
    const f = multiplicativeSeason ? q * sOld : q + sOld;
    const yt = y[t];
    if (f === 0) return INF;
    const e = (yt - f) / f;
    prodF *= abs(f);
    if (prodF > 1e100 || prodF < 1e-100) {
      logf += log(prodF);
      prodF = 1;
    }
    sse += e * e;
    const r = multiplicativeSeason ? (abs(sOld) < TOL ? HUGE : yt / sOld) - q : yt - sOld - q;
    const lNew = q + alpha * r;
    b = phib + beta * r;
    const target = multiplicativeSeason ? (abs(q) < TOL ? HUGE : yt / q) : yt - q;
    ring[idx] = sOld + gamma * (target - sOld);
    idx = idx === 0 ? m - 1 : idx - 1;
    l = lNew;
  }
  logf += log(prodF);
  return finish(n, sse, 2 * logf);
}

/**
 * R forecast's fitting criterion n·log(Σe²) (+ 2·Σ log|f| for multiplicative error) of an ETS model
 * — exactly etsFilter's value, operation for operation — computed by a loop specialised to the
 * model's error type and whether it has a season. The optimiser calls this thousands of times per
 * fit; the general filter's per-step tests of the model type (and of which outputs to write) cost as
 * much as the recursion itself. A flag fixed for the whole loop costs nothing measurable where it
 * picks the season's type, or the season under additive error; one kernel for all multiplicative-error
 * models was 1.3–1.8× slower on those (probe of 20,000 calls per model, CPU time), so MNN, MAN and
 * MAdN keep theirs. Returns undefined for the combination without a kernel (additive error with
 * multiplicative season, outside R's default set), which the general filter handles.
 * @example etsCriterion(Float64Array.of(1, 2, 3), { error: 'A', trend: 'N', season: 'N', period: 1 },
 *   { alpha: 1, beta: 0, gamma: 0, phi: 1 }, Float64Array.of(0)) // 3·log(1+1+1) ≈ 3.2958
 */
export function etsCriterion(y: Float64Array, spec: EtsSpec, p: EtsParams, init: Float64Array): number | undefined {
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.period : 1;
  const off = hasTrend ? 2 : 1;
  if (spec.error === 'A' && spec.season === 'M') return undefined;
  coef[0] = init[0];
  coef[1] = hasTrend ? init[1] : 0;
  coef[2] = spec.trend === 'Ad' ? p.phi : 1;
  coef[3] = p.alpha;
  coef[4] = hasTrend ? p.beta : 0;
  coef[5] = p.gamma;
  if (scratch.length < m) scratch = new Float64Array(m);
  if (seasonal) for (let j = 0; j < m; j++) scratch[j] = init[off + j];
  if (spec.error === 'A') return additiveError(y, m, seasonal);
  return seasonal ? multiplicativeErrorSeasonal(y, m, spec.season === 'M') : multiplicativeNonSeasonal(y);
}
