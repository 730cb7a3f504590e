import { zeroedArray } from './zeroed-arrays';
import type { AutocovarianceScratch } from './arima-stationary-covariance';
import { armaAutocovariances, autocovarianceScratch, stationaryCovariance } from './arima-stationary-covariance';

const { max } = Math;
const { isFinite } = Number;

/**
 * The state-space form of an ARIMA model as R's `makeARIMA` builds it (Durbin & Koopman 2001,
 * §3.4; Harvey 1989): an ARMA state of dimension r = max(p, q + 1) followed by K = d + mD
 * differencing states holding past observations; observation y_t = Z a_t with Z = (1, 0, …, 0, Δ)
 * and no observation noise. The differencing states start diffuse (variance `kappa` = 1e6, R's
 * default), the ARMA state at its stationary covariance Q₀. Every array a likelihood evaluation
 * needs is allocated here once, so evaluations allocate nothing.
 */
export interface ArimaStateSpace {
  /** Expanded AR polynomial (length p + mP). */
  phi: Float64Array;
  /** Expanded MA polynomial (length q + mQ). */
  theta: Float64Array;
  /** Differencing coefficients Δ: w_t = y_t − Σ Δᵢ y_{t−i} is the differenced series. */
  delta: Float64Array;
  r: number;
  /** Number of differencing states (d + mD). */
  K: number;
  rd: number;
  kappa: number;
  /** Filtered state and covariance (column-major rd × rd) after the last observation: what forecasts start from. */
  a: Float64Array;
  P: Float64Array;
  /** Predicted covariance (the full R filter's working matrix; the initial covariance before a run). */
  Pn: Float64Array;
  anew: Float64Array;
  M: Float64Array;
  mm: Float64Array;
  /** Autocovariances and ψ-weights to lag K + r, and Q₀ (r × r). */
  gamma: Float64Array;
  psi: Float64Array;
  Q: Float64Array;
  scratch: AutocovarianceScratch;
  /** Diffuse start: κ·AAᵀ (K × K, fixed by Δ), S = Σₓ + κAAᵀ and its Cholesky factor, W = L⁻¹Cᵀ (K × r). */
  AAt: Float64Array;
  S: Float64Array;
  W: Float64Array;
  z: Float64Array;
  e: Float64Array;
  /** ARMA-only filter: state, predicted state, gain column, filtered and predicted covariance (r × r). */
  aa: Float64Array;
  anewa: Float64Array;
  Ma: Float64Array;
  Pa: Float64Array;
  Pna: Float64Array;
  /** φ and (1, θ) padded with zeros to length r, and a scratch column (set by prepareArimaState). */
  phiPad: Float64Array;
  thetaPad: Float64Array;
  col: Float64Array;
}

const deltas = new Map<string, Float64Array>();

/**
 * R's `Delta`: the differencing polynomial (1 − B)^d (1 − B^m)^D without its leading 1, negated.
 * Remembered by (d, D, m): the result is shared and must not be changed.
 */
export function differencingCoefficients(d: number, D: number, m: number): Float64Array {
  const key = `${d},${D},${D > 0 ? m : 1}`;
  let delta = deltas.get(key);
  if (!delta) deltas.set(key, (delta = differencingPolynomial(d, D, m)));
  return delta;
}

function differencingPolynomial(d: number, D: number, m: number): Float64Array {
  let poly = [1];
  const times = (b: number[]): void => {
    const out = new Array<number>(poly.length + b.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += poly[i] * b[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  for (let i = 0; i < D; i++) times([1, ...new Array<number>(m - 1).fill(0), -1]);
  return Float64Array.from(poly.slice(1), (v) => -v);
}

/**
 * A state space for polynomials of lengths p and q (coefficients written into phi and theta). With
 * `lazy` the filter's arrays are left empty until the first `prepareArimaState`: a conditional-sum-
 * of-squares fit, the bulk of the order search, needs φ and θ only.
 */
export function createArimaStateSpace(
  p: number,
  q: number,
  delta: Float64Array,
  kappa = 1e6,
  lazy = false,
): ArimaStateSpace {
  const r = max(p, q + 1);
  const K = delta.length;
  const none = new Float64Array(0);
  const ss: ArimaStateSpace = {
    phi: new Float64Array(p),
    theta: new Float64Array(q),
    delta,
    r,
    K,
    rd: r + K,
    kappa,
    a: none,
    P: none,
    Pn: none,
    anew: none,
    M: none,
    mm: none,
    gamma: none,
    psi: none,
    Q: none,
    scratch: autocovarianceScratch(0, 0, 0),
    AAt: none,
    S: none,
    W: none,
    z: none,
    e: none,
    aa: none,
    anewa: none,
    Ma: none,
    Pa: none,
    Pna: none,
    phiPad: none,
    thetaPad: none,
    col: none,
  };
  if (!lazy) allocateFilter(ss);
  return ss;
}

/** The filter's arrays of a state space (once), as views of one buffer: one allocation instead of 22. */
function allocateFilter(ss: ArimaStateSpace): void {
  const { r, K, rd, delta } = ss;
  const sizes = [K * K, rd, rd * rd, rd * rd, rd, rd, rd * rd, K + r + 2, K + r + 2, r * r, K * K, K * r, K, K];
  const small = [r, r, r, r * r, r * r, r, r, r];
  let total = 0;
  for (const v of sizes) total += v;
  for (const v of small) total += v;
  const buffer = zeroedArray(total);
  let at = 0;
  const take = (length: number): Float64Array => buffer.subarray(at, (at += length));
  // (AAᵀ)[s][t] with A[t][j] = Δ_{t+j+1}: how the pre-sample values enter the first K observations.
  const AAt = take(K * K);
  for (let s = 0; s < K; s++)
    for (let t = 0; t < K; t++) {
      let v = 0;
      for (let j = 0; s + j < K && t + j < K; j++) v += delta[s + j] * delta[t + j];
      AAt[s * K + t] = v;
    }
  ss.AAt = AAt;
  ss.a = take(rd);
  ss.P = take(rd * rd);
  ss.Pn = take(rd * rd);
  ss.anew = take(rd);
  ss.M = take(rd);
  ss.mm = take(rd * rd);
  ss.gamma = take(K + r + 2);
  ss.psi = take(K + r + 2);
  ss.Q = take(r * r);
  ss.scratch = autocovarianceScratch(ss.phi.length, ss.theta.length, K + r + 1);
  ss.S = take(K * K);
  ss.W = take(K * r);
  ss.z = take(K);
  ss.e = take(K);
  ss.aa = take(r);
  ss.anewa = take(r);
  ss.Ma = take(r);
  ss.Pa = take(r * r);
  ss.Pna = take(r * r);
  ss.phiPad = take(r);
  ss.thetaPad = take(r);
  ss.col = take(r);
}

/**
 * Prepares a filter run from the first observation (R's `upARIMA`) for the coefficients now in
 * `phi` and `theta`: autocovariances and ψ-weights (to lag K + r + 1 when `full`, else r), and with
 * `full` the whole Q₀ (the R-κ filter needs it; the diffuse filter only its first column).
 * Returns false when the AR part is not stationary.
 */
export function prepareArimaState(ss: ArimaStateSpace, full = true): boolean {
  if (ss.a.length === 0) allocateFilter(ss);
  const { r, Q, phiPad, thetaPad } = ss;
  phiPad.fill(0);
  phiPad.set(ss.phi);
  thetaPad.fill(0);
  thetaPad[0] = 1;
  for (let i = 0; i < ss.theta.length && i + 1 < r; i++) thetaPad[i + 1] = ss.theta[i];
  if (!armaAutocovariances(ss.phi, ss.theta, full ? ss.K + r + 1 : r, ss.gamma, ss.psi, ss.scratch)) return false;
  if (!full) return true;
  if (r > 1) stationaryCovariance(ss.phi, ss.theta, ss.gamma, ss.psi, Q, r);
  else Q[0] = ss.phi.length > 0 ? 1 / (1 - ss.phi[0] * ss.phi[0]) : 1;
  return isFinite(Q[0]);
}

/** R's initial state for the full filter: a = 0, Pn = diag(Q₀, κI). Needs `prepareArimaState` first. */
export function fullInitialState(ss: ArimaStateSpace): void {
  const { rd, r, Pn, Q } = ss;
  ss.a.fill(0);
  Pn.fill(0);
  for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) Pn[i + j * rd] = Q[i + j * r];
  for (let i = r; i < rd; i++) Pn[i + i * rd] = ss.kappa;
}

/** What forecasting needs of a filtered state space: the polynomials and the final state and covariance. */
export interface ArimaForecastState {
  phi: Float64Array;
  theta: Float64Array;
  delta: Float64Array;
  r: number;
  rd: number;
  a: Float64Array;
  P: Float64Array;
}

/**
 * An independent copy of the forecasting part (a fit keeps it while the search reuses the state
 * space); without `filtered`, the polynomials only (a fit not filtered yet).
 */
export function forecastState(ss: ArimaStateSpace, filtered = true): ArimaForecastState {
  return {
    phi: Float64Array.from(ss.phi),
    theta: Float64Array.from(ss.theta),
    delta: ss.delta,
    r: ss.r,
    rd: ss.rd,
    a: filtered ? Float64Array.from(ss.a) : new Float64Array(0),
    P: filtered ? Float64Array.from(ss.P) : new Float64Array(0),
  };
}
