import type { EtsParams, EtsSpec } from './ets-model';
import { etsCriterion } from './ets-criterion';
// Math and Infinity are bound once: global lookups are slow inside vm sandboxes (jest), and this is a hot path.
const { log, abs } = Math;
const INF = 1 / 0;

let scratch = new Float64Array(16);

const TOL = 1e-10;
const HUGE = 1e10;

/** Optional outputs of `etsFilter`, preallocated by the caller. */
export interface EtsFilterOutput {
  /** One-step residuals: y − f (additive error) or (y − f)/f (multiplicative error). */
  residuals?: Float64Array;
  /** One-step fitted values f. */
  fitted?: Float64Array;
  /** The state after the last observation, in the layout of the initial state. */
  finalState?: Float64Array;
}

/**
 * Runs the ETS state-space recursions over `y` from the initial state `init` ([l, b?, s_1..s_m],
 * s_1 most recent) and returns R forecast's fitting criterion
 *   lik = n·log(Σ e_t²) + 2·Σ log|f_t|   (the second sum only for multiplicative error),
 * which is −2 × the concentrated Gaussian log-likelihood up to a constant; R reports
 * logLik = −lik/2. Returns Infinity when a one-step forecast is 0 under multiplicative error.
 * The recursions are those of R's etscalc (error-correction form; beta applies to the error).
 * R writes the trend update as b = φb + (β/α)(l_new − l − φb); l_new − l − φb is α·r with r the
 * level's correction, so it is computed as φb + β·r: equal up to rounding, and the step's chain of
 * dependent operations is shorter (the filter is latency-bound).
 * @example etsFilter(Float64Array.of(1, 2, 3), { error: 'A', trend: 'N', season: 'N', period: 1 },
 *   { alpha: 1, beta: 0, gamma: 0, phi: 1 }, Float64Array.of(0)) // 3·log(1+1+1) ≈ 3.2958
 */
export function etsFilter(
  y: Float64Array,
  spec: EtsSpec,
  p: EtsParams,
  init: Float64Array,
  out?: EtsFilterOutput,
): number {
  if (!out) {
    // Only the criterion is wanted: the loop specialised to this model type gives the same value faster.
    const value = etsCriterion(y, spec, p, init);
    if (value !== undefined) return value;
  }
  const n = y.length;
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const seasonal = spec.season !== 'N';
  const multSeason = spec.season === 'M';
  const multError = spec.error === 'M';
  const m = seasonal ? spec.period : 1;
  const { alpha, beta, gamma } = p;
  let l = init[0];
  let b = hasTrend ? init[1] : 0;
  const off = hasTrend ? 2 : 1;
  // Ring buffer of seasonal states: ring[(head + j) % m] is s_{j+1} (s_1 = most recent).
  // A module-level scratch buffer (grown on demand): this runs thousands of times per fit, and a
  // fresh array per call showed up as garbage-collection time in profiles. Not re-entrant, which
  // it need not be (single-threaded, no callbacks inside).
  if (scratch.length < m) scratch = new Float64Array(m);
  const ring = scratch;
  if (seasonal) for (let j = 0; j < m; j++) ring[j] = init[off + j];
  // The seasonal state used at step t sits at ring index idx, which moves back one place per step.
  let idx = m - 1;
  let sse = 0;
  let logf = 0;
  let prodF = 1;
  const residuals = out?.residuals;
  const fitted = out?.fitted;
  for (let t = 0; t < n; t++) {
    const sOld = seasonal ? ring[idx] : 0;
    const phib = phi * b;
    const q = l + phib;
    const f = !seasonal ? q : multSeason ? q * sOld : q + sOld;
    const yt = y[t];
    let e: number;
    if (multError) {
      if (f === 0) return INF;
      e = (yt - f) / f;
      // Σ log|f| as the log of a running product, renormalised before it can overflow: one log
      // call per ~100 steps instead of one per step (log dominates the cost of this loop).
      prodF *= abs(f);
      if (prodF > 1e100 || prodF < 1e-100) {
        logf += log(prodF);
        prodF = 1;
      }
    } else e = yt - f;
    if (residuals) residuals[t] = e;
    if (fitted) fitted[t] = f;
    sse += e * e;
    const pObs = !seasonal ? yt : multSeason ? (abs(sOld) < TOL ? HUGE : yt / sOld) : yt - sOld;
    const r = pObs - q;
    const lNew = q + alpha * r;
    if (hasTrend) b = phib + beta * r;
    if (seasonal) {
      const tObs = multSeason ? (abs(q) < TOL ? HUGE : yt / q) : yt - q;
      ring[idx] = sOld + gamma * (tObs - sOld);
      idx = idx === 0 ? m - 1 : idx - 1;
    }
    l = lNew;
  }
  const finalState = out?.finalState;
  if (finalState) {
    finalState[0] = l;
    if (hasTrend) finalState[1] = b;
    // s_1 (most recent) is at idx + 1 (mod m).
    for (let j = 0; j < (seasonal ? m : 0); j++) finalState[off + j] = ring[(idx + 1 + j) % m];
  }
  logf += log(prodF);
  if (!(sse > 0)) return sse === 0 ? -INF : NaN;
  return n * log(sse) + (multError ? 2 * logf : 0);
}

/**
 * Point forecasts for steps 1..h from a state (the conditional mean for additive models and for
 * multiplicative error with additive components; the "naive" forecast path otherwise, as in R).
 */
export function etsPointForecast(state: Float64Array, spec: EtsSpec, p: EtsParams, h: number): Float64Array {
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.period : 1;
  const off = hasTrend ? 2 : 1;
  const l = state[0];
  const b = hasTrend ? state[1] : 0;
  const f = new Float64Array(h);
  let phiStar = phi;
  let pow = phi;
  for (let i = 0; i < h; i++) {
    let v = l + phiStar * b;
    if (seasonal) {
      const s = state[off + ((((m - 1 - i) % m) + m) % m)];
      v = spec.season === 'M' ? v * s : v + s;
    }
    f[i] = v;
    pow *= phi;
    phiStar += pow;
  }
  return f;
}
