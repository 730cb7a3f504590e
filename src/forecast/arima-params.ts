import { polynomialRoots } from './polynomial-roots';

const { tanh, atanh, hypot } = Math;

/**
 * Orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model, in R's `arma` layout
 * (p, q, P, Q, m, d, D). With m = 1 the seasonal orders are 0.
 */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Season length (1 = no season). */
  m: number;
}

/** Number of ARMA coefficients (ar, ma, sar, sma) in R's coefficient order. */
export const armaCount = (o: ArimaOrder): number => o.p + o.q + o.P + o.Q;

/**
 * Maps unconstrained values to the coefficients of a stationary AR(k) polynomial: tanh gives the
 * partial autocorrelations, the Durbin–Levinson recursion the coefficients (Jones 1980; R's
 * `partrans` in arima.c). Reads raw[from..from+k), writes out[from..from+k).
 */
export function partrans(k: number, raw: ArrayLike<number>, out: Float64Array, from = 0): void {
  const work = scratch(k);
  for (let j = 0; j < k; j++) work[j] = out[from + j] = tanh(raw[from + j]);
  for (let j = 1; j < k; j++) {
    const a = out[from + j];
    for (let i = 0; i < j; i++) work[i] -= a * out[from + j - i - 1];
    for (let i = 0; i < j; i++) out[from + i] = work[i];
  }
}

let shared = new Float64Array(32);
/** A reusable work array of at least k entries (the transforms run inside every likelihood evaluation). */
function scratch(k: number): Float64Array {
  if (shared.length < k) shared = new Float64Array(2 * k);
  return shared;
}

/** Inverse of `partrans`: AR coefficients of a stationary polynomial → unconstrained values (R `invpartrans`). */
export function invpartrans(k: number, phi: ArrayLike<number>, out: Float64Array, from = 0): void {
  const work = new Float64Array(k);
  for (let j = 0; j < k; j++) work[j] = out[from + j] = phi[from + j];
  for (let j = k - 1; j > 0; j--) {
    const a = out[from + j];
    for (let i = 0; i < j; i++) work[i] = (out[from + i] + a * out[from + j - i - 1]) / (1 - a * a);
    for (let i = 0; i < j; i++) out[from + i] = work[i];
  }
  for (let j = 0; j < k; j++) out[from + j] = atanh(out[from + j]);
}

/** R `ARIMA_Invtrans`: the AR and seasonal AR blocks of a coefficient vector to unconstrained values. */
export function arimaInvtrans(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) invpartrans(o.p, par, out, 0);
  if (o.P > 0) invpartrans(o.P, par, out, o.p + o.q);
  return out;
}

/** R `ARIMA_undoPars`: unconstrained AR and seasonal AR blocks back to coefficients. */
export function arimaUndoPars(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) partrans(o.p, par, out, 0);
  if (o.P > 0) partrans(o.P, par, out, o.p + o.q);
  return out;
}

/**
 * R `ARIMA_transPars`: the expanded AR polynomial φ (length p + mP) and MA polynomial θ (length
 * q + mQ) of the multiplicative seasonal model, from the coefficient vector (ar, ma, sar, sma, …),
 * optionally mapping the AR blocks through `partrans` first. Writes into `phi` and `theta`.
 */
export function expandArma(
  par: ArrayLike<number>,
  o: ArimaOrder,
  transform: boolean,
  phi: Float64Array,
  theta: Float64Array,
  scratch?: Float64Array,
): void {
  const { p: mp, q: mq, P: msp, Q: msq, m } = o;
  let params: ArrayLike<number> = par;
  if (transform && (mp > 0 || msp > 0)) {
    const t = scratch ?? new Float64Array(mp + mq + msp + msq);
    for (let i = 0; i < mp + mq + msp + msq; i++) t[i] = par[i];
    if (mp > 0) partrans(mp, par, t, 0);
    if (msp > 0) partrans(msp, par, t, mp + mq);
    params = t;
  }
  const np = mp + m * msp;
  const nq = mq + m * msq;
  for (let i = 0; i < np; i++) phi[i] = i < mp ? params[i] : 0;
  for (let i = 0; i < nq; i++) theta[i] = i < mq ? params[i + mp] : 0;
  for (let j = 0; j < msp; j++) {
    const s = params[j + mp + mq];
    phi[(j + 1) * m - 1] += s;
    for (let i = 0; i < mp; i++) phi[(j + 1) * m + i] -= params[i] * s;
  }
  for (let j = 0; j < msq; j++) {
    const s = params[j + mp + mq + msp];
    theta[(j + 1) * m - 1] += s;
    for (let i = 0; i < mq; i++) theta[(j + 1) * m + i] += params[i + mp] * s;
  }
}

/**
 * R `ARIMA_Gradtrans`: Jacobian of `partrans` on the AR and seasonal AR blocks by forward
 * differences of 1e-3 (identity elsewhere), n × n column-major, used for the coefficients' variance.
 */
export function arimaGradtrans(raw: Float64Array, o: ArimaOrder): Float64Array {
  const n = raw.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) A[i + i * n] = 1;
  const eps = 1e-3;
  const block = (k: number, v: number): void => {
    const w1 = new Float64Array(k);
    const w2 = new Float64Array(k);
    const w3 = new Float64Array(k);
    for (let i = 0; i < k; i++) w1[i] = raw[i + v];
    partrans(k, w1, w2);
    for (let i = 0; i < k; i++) {
      w1[i] += eps;
      partrans(k, w1, w3);
      for (let j = 0; j < k; j++) A[i + v + (j + v) * n] = (w3[j] - w2[j]) / eps;
      w1[i] -= eps;
    }
  };
  if (o.p > 0) block(o.p, 0);
  if (o.P > 0) block(o.P, o.p + o.q);
  return A;
}

/** Index of the last non-zero entry of [1, ±c…] minus one: the effective degree R's checks use. */
function effectiveDegree(c: ArrayLike<number>): number {
  let k = c.length;
  while (k > 0 && c[k - 1] === 0) k--;
  return k;
}

/**
 * R's `arCheck` inside `arima`: true when 1 − φ₁z − … − φₖzᵏ has all roots outside the unit
 * circle (the AR part is stationary).
 */
export function arStationary(ar: ArrayLike<number>): boolean {
  const k = effectiveDegree(ar);
  if (k === 0) return true;
  const c = new Float64Array(k + 1);
  c[0] = 1;
  for (let i = 0; i < k; i++) c[i + 1] = -ar[i];
  const { re, im } = polynomialRoots(c);
  for (let i = 0; i < re.length; i++) if (!(hypot(re[i], im[i]) > 1)) return false;
  return true;
}

/**
 * R's `maInvert` inside `arima`: reflects the roots of 1 + θ₁z + … + θₖzᵏ that lie inside the
 * unit circle to their inverses, which leaves the autocovariances unchanged and makes the MA part
 * invertible. Returns a new array (the input when nothing changes).
 */
export function maInvert(ma: Float64Array): Float64Array {
  const q = ma.length;
  const q0 = effectiveDegree(ma);
  if (q0 === 0) return ma;
  const c = new Float64Array(q0 + 1);
  c[0] = 1;
  for (let i = 0; i < q0; i++) c[i + 1] = ma[i];
  const { re, im } = polynomialRoots(c);
  let inside = false;
  for (let i = 0; i < re.length; i++) if (hypot(re[i], im[i]) < 1) inside = true;
  if (!inside) return ma;
  const out = new Float64Array(q);
  if (q0 === 1) {
    out[0] = 1 / ma[0];
    return out;
  }
  for (let i = 0; i < re.length; i++) {
    const mod2 = re[i] * re[i] + im[i] * im[i];
    if (mod2 < 1) {
      re[i] = re[i] / mod2;
      im[i] = -im[i] / mod2;
    }
  }
  // Rebuild ∏ (1 − z/rₖ) in complex arithmetic, as R: x ← c(x, 0) − c(0, x)/r.
  let xr = new Float64Array([1]);
  let xi = new Float64Array([0]);
  for (let k = 0; k < re.length; k++) {
    const d = re[k] * re[k] + im[k] * im[k];
    const ir = re[k] / d;
    const ii = -im[k] / d;
    const nr = new Float64Array(xr.length + 1);
    const ni = new Float64Array(xr.length + 1);
    for (let j = 0; j < xr.length; j++) {
      nr[j] += xr[j];
      ni[j] += xi[j];
      nr[j + 1] -= xr[j] * ir - xi[j] * ii;
      ni[j + 1] -= xr[j] * ii + xi[j] * ir;
    }
    xr = nr;
    xi = ni;
  }
  for (let i = 0; i < q0; i++) out[i] = xr[i + 1];
  return out;
}
