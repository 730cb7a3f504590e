import type { ArimaOrder } from './arima-params';
import type { ArimaRegressor } from './arima-objective';

const { sqrt } = Math;

/**
 * Starting value and standard error of the mean or drift coefficient, as R's `arima` takes them
 * from `lm(dx ~ dxreg - 1)` on the differenced series and regressor (falling back to the
 * undifferenced ones when too short); the optimiser scales that coefficient by 10 × its standard
 * error. One regressor, no intercept: b = Σxz / Σz², se = √(RSS / (N − 1) / Σz²).
 */
export function regressionStart(
  y: Float64Array,
  order: ArimaOrder,
  regressor: Exclude<ArimaRegressor, 'none'>,
): { coef: number; se: number } {
  const n = y.length;
  const z = Float64Array.from({ length: n }, (_, t) => (regressor === 'mean' ? 1 : t + 1));
  let dx: Float64Array = Float64Array.from(y);
  let dz: Float64Array = Float64Array.from(z);
  const diff = (v: Float64Array, lag: number): Float64Array => v.subarray(lag).map((x, i) => x - v[i]);
  for (let i = 0; i < order.d; i++) {
    dx = diff(dx, 1);
    dz = diff(dz, 1);
  }
  if (order.m > 1)
    for (let i = 0; i < order.D; i++) {
      dx = diff(dx, order.m);
      dz = diff(dz, order.m);
    }
  let zz = 0;
  for (let i = 0; i < dz.length; i++) zz += dz[i] * dz[i];
  if (!(dx.length > 1) || zz === 0) {
    dx = Float64Array.from(y);
    dz = z;
    zz = 0;
    for (let i = 0; i < n; i++) zz += z[i] * z[i];
  }
  let xz = 0;
  for (let i = 0; i < dx.length; i++) xz += dx[i] * dz[i];
  const coef = xz / zz;
  let rss = 0;
  for (let i = 0; i < dx.length; i++) rss += (dx[i] - coef * dz[i]) ** 2;
  return { coef, se: sqrt(rss / (dx.length - 1) / zz) };
}
