import type { ArimaOrder } from './arima-params';

const { tanh } = Math;

let values = new Float64Array(16);
let tangents = new Float64Array(16);
let params = new Float64Array(16);
let dparams = new Float64Array(16);

/**
 * ∂φ/∂cᵢ and ∂θ/∂cᵢ: how the expanded AR polynomial φ (length p + mP) and MA polynomial θ (length
 * q + mQ) that `expandArma(par, order, transform, …)` builds change with coefficient i of `par`
 * (ar, ma, sar, sma). With `transform` an AR-block entry moves its whole block through the
 * derivative of `partrans` (tanh, then the Durbin–Levinson recursion, differentiated step by step);
 * the seasonal products are differentiated by the product rule. Writes into `dphi` and `dtheta`.
 * @example coefficientTangent([0.5, 0.2], { p: 0, d: 0, q: 1, P: 0, D: 0, Q: 1, m: 4 }, false, 1, dphi, dtheta) // dθ = [0, 0, 0, 1, 0.5]
 */
export function coefficientTangent(
  par: ArrayLike<number>,
  o: ArimaOrder,
  transform: boolean,
  i: number,
  dphi: Float64Array,
  dtheta: Float64Array,
): void {
  const { p, q, P, Q, m } = o;
  const k = p + q + P + Q;
  if (params.length < k) {
    params = new Float64Array(2 * k);
    dparams = new Float64Array(2 * k);
  }
  for (let j = 0; j < k; j++) {
    params[j] = par[j];
    dparams[j] = j === i ? 1 : 0;
  }
  if (transform && p > 0) partransTangent(p, par, 0, i);
  if (transform && P > 0) partransTangent(P, par, p + q, i);
  dphi.fill(0);
  dtheta.fill(0);
  for (let j = 0; j < p; j++) dphi[j] = dparams[j];
  for (let j = 0; j < q; j++) dtheta[j] = dparams[p + j];
  for (let j = 0; j < P; j++) {
    const s = params[p + q + j];
    const ds = dparams[p + q + j];
    dphi[(j + 1) * m - 1] += ds;
    for (let l = 0; l < p; l++) dphi[(j + 1) * m + l] -= dparams[l] * s + params[l] * ds;
  }
  for (let j = 0; j < Q; j++) {
    const s = params[p + q + P + j];
    const ds = dparams[p + q + P + j];
    dtheta[(j + 1) * m - 1] += ds;
    for (let l = 0; l < q; l++) dtheta[(j + 1) * m + l] += dparams[p + l] * s + params[p + l] * ds;
  }
}

/**
 * `partrans` of the block [from, from + k) of raw into params, with its derivative along raw's
 * entry i into dparams (zero when i is outside the block).
 */
function partransTangent(k: number, raw: ArrayLike<number>, from: number, i: number): void {
  if (values.length < k) {
    values = new Float64Array(2 * k);
    tangents = new Float64Array(2 * k);
  }
  for (let j = 0; j < k; j++) {
    const th = tanh(raw[from + j]);
    params[from + j] = th;
    dparams[from + j] = from + j === i ? 1 - th * th : 0;
  }
  for (let j = 1; j < k; j++) {
    const a = params[from + j];
    const da = dparams[from + j];
    for (let l = 0; l < j; l++) {
      const o = params[from + j - l - 1];
      const dO = dparams[from + j - l - 1];
      values[l] = params[from + l] - a * o;
      tangents[l] = dparams[from + l] - da * o - a * dO;
    }
    for (let l = 0; l < j; l++) {
      params[from + l] = values[l];
      dparams[from + l] = tangents[l];
    }
  }
}
