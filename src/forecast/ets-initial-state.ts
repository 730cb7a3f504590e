import type { EtsSpec } from './ets-model';
import { seasonalFigure } from './classical-decomposition';
import { leastSquares } from './least-squares';

/**
 * Heuristic starting state for the ETS optimiser, as R forecast's `initstate()`:
 * seasonal states from a classical decomposition (or, with fewer than 3 seasons, from the residuals
 * of a linear-trend + one-harmonic regression), then level (and trend) from a straight-line fit to
 * the first max(10, 2m) seasonally adjusted values. Returns [l, b?, s_1..s_{m-1}]: the last
 * seasonal state is implied by the others (sum 0, or sum m for multiplicative seasons).
 */
export function etsInitialState(y: Float64Array, spec: EtsSpec): Float64Array {
  const n = y.length;
  const m = spec.season === 'N' ? 1 : spec.period;
  const seasonAt = new Float64Array(n).fill(spec.season === 'M' ? 1 : 0);
  let initSeas = new Float64Array(0);
  if (spec.season !== 'N') {
    const mult = spec.season === 'M';
    if (n < 3 * m) {
      const t = Float64Array.from({ length: n }, (_, i) => i + 1);
      const one = new Float64Array(n).fill(1);
      const sin = t.map((v) => Math.sin((2 * Math.PI * v) / m));
      const cos = t.map((v) => Math.cos((2 * Math.PI * v) / m));
      const cols = m === 2 ? [one, t, cos] : [one, t, sin, cos];
      const c = leastSquares(cols, y);
      for (let i = 0; i < n; i++) {
        const line = c[0] + c[1] * (i + 1);
        seasonAt[i] = mult ? y[i] / line : y[i] - line;
      }
    } else {
      const fig = seasonalFigure(y, m, mult ? 'multiplicative' : 'additive');
      for (let i = 0; i < n; i++) seasonAt[i] = fig[i % m];
    }
    initSeas = new Float64Array(m - 1);
    for (let j = 0; j < m - 1; j++) initSeas[j] = seasonAt[m - 1 - j];
    if (mult) {
      let sum = 0;
      for (let j = 0; j < m - 1; j++) {
        initSeas[j] = Math.max(initSeas[j], 0.01);
        sum += initSeas[j];
      }
      if (sum > m) for (let j = 0; j < m - 1; j++) initSeas[j] /= sum + 0.01 * (m - 1);
    }
  }
  const sa = new Float64Array(n);
  for (let i = 0; i < n; i++) sa[i] = spec.season === 'M' ? y[i] / Math.max(seasonAt[i], 0.01) : y[i] - seasonAt[i];
  const maxn = Math.min(Math.max(10, 2 * m), n);
  const out = new Float64Array(1 + (spec.trend !== 'N' ? 1 : 0) + initSeas.length);
  if (spec.trend === 'N') {
    let s = 0;
    for (let i = 0; i < maxn; i++) s += sa[i];
    out[0] = s / maxn;
  } else {
    const t = Float64Array.from({ length: maxn }, (_, i) => i + 1);
    const c = leastSquares([new Float64Array(maxn).fill(1), t], sa.subarray(0, maxn));
    let l0 = c[0];
    let b0 = c[1];
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 1e-3;
      b0 *= 1 - 1e-3;
    }
    out[0] = l0;
    out[1] = b0;
  }
  out.set(initSeas, out.length - initSeas.length);
  return out;
}
