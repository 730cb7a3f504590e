import type { EtsFit } from './ets-fit';

/** A dense row-major matrix. */
interface Mat {
  r: number;
  c: number;
  a: Float64Array;
}

const mat = (r: number, c: number): Mat => ({ r, c, a: new Float64Array(r * c) });
const at = (m: Mat, i: number, j: number): number => m.a[i * m.c + j];

function mul(x: Mat, y: Mat): Mat {
  const out = mat(x.r, y.c);
  for (let i = 0; i < x.r; i++) {
    for (let k = 0; k < x.c; k++) {
      const v = x.a[i * x.c + k];
      if (v === 0) continue;
      for (let j = 0; j < y.c; j++) out.a[i * y.c + j] += v * y.a[k * y.c + j];
    }
  }
  return out;
}

function transpose(x: Mat): Mat {
  const out = mat(x.c, x.r);
  for (let i = 0; i < x.r; i++) for (let j = 0; j < x.c; j++) out.a[j * x.r + i] = x.a[i * x.c + j];
  return out;
}

function kron(x: Mat, y: Mat): Mat {
  const out = mat(x.r * y.r, x.c * y.c);
  for (let i = 0; i < x.r; i++)
    for (let j = 0; j < x.c; j++)
      for (let k = 0; k < y.r; k++)
        for (let l = 0; l < y.c; l++) out.a[(i * y.r + k) * out.c + j * y.c + l] = at(x, i, j) * at(y, k, l);
  return out;
}

function add(x: Mat, y: Mat, s = 1): Mat {
  const out = mat(x.r, x.c);
  for (let i = 0; i < out.a.length; i++) out.a[i] = x.a[i] + s * y.a[i];
  return out;
}

function scale(x: Mat, s: number): Mat {
  const out = mat(x.r, x.c);
  for (let i = 0; i < out.a.length; i++) out.a[i] = s * x.a[i];
  return out;
}

/** x · v · xᵀ */
const sandwich = (x: Mat, v: Mat, y: Mat = x): Mat => mul(mul(x, v), transpose(y));

/**
 * Forecast means and variances of the class-3 ETS models (multiplicative error and multiplicative
 * season with additive or no trend: MNM, MAM, MAdM), by the matrix recursions of Hyndman et al.
 * (2008, §6.4), exactly as R forecast's class3(): the mean includes the σ²-correction that makes
 * it differ from the point path.
 */
export function etsClass3Moments(fit: EtsFit, h: number): { mean: Float64Array; variance: Float64Array } {
  const { spec, params, finalState, sigma2 } = fit;
  const m = spec.period;
  const nT = spec.trend === 'N' ? 1 : 2;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const H1 = mat(1, nT);
  H1.a.fill(1);
  const H2 = mat(1, m);
  H2.a[m - 1] = 1;
  const F1 = mat(nT, nT);
  const G1 = mat(nT, nT);
  if (nT === 1) {
    F1.a[0] = 1;
    G1.a[0] = params.alpha;
  } else {
    F1.a.set([1, 1, 0, phi]);
    G1.a.set([params.alpha, params.alpha, params.beta, params.beta]);
  }
  const F2 = mat(m, m);
  F2.a[m - 1] = 1;
  for (let i = 1; i < m; i++) F2.a[i * m + (i - 1)] = 1;
  const G2 = mat(m, m);
  G2.a[m - 1] = params.gamma;
  let Mh = mat(nT, m);
  for (let i = 0; i < nT; i++) for (let j = 0; j < m; j++) Mh.a[i * m + j] = finalState[i] * finalState[nT + j];
  const q = nT * m;
  let Vh = mat(q, q);
  const H21 = kron(H2, H1);
  const F21 = kron(F2, F1);
  const G21 = kron(G2, G1);
  const K = add(kron(G2, F1), kron(F2, G1));
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  const F2t = transpose(F2);
  const G2t = transpose(G2);
  for (let i = 0; i < h; i++) {
    const mu = at(mul(mul(H1, Mh), transpose(H2)), 0, 0);
    mean[i] = mu;
    variance[i] = (1 + sigma2) * at(sandwich(H21, Vh), 0, 0) + sigma2 * mu * mu;
    // vec(Mh), column-major as R's c(Mh)
    const vec = mat(q, 1);
    for (let j = 0; j < m; j++) for (let k = 0; k < nT; k++) vec.a[j * nT + k] = Mh.a[k * m + j];
    const outer = mul(vec, transpose(vec));
    const inner = add(add(add(sandwich(F21, Vh, G21), sandwich(G21, Vh, F21)), sandwich(K, add(Vh, outer))), sandwich(G21, add(scale(Vh, 3), scale(outer, 2))), sigma2);
    Vh = add(sandwich(F21, Vh), inner, sigma2);
    Mh = add(mul(mul(F1, Mh), F2t), scale(mul(mul(G1, Mh), G2t), sigma2));
  }
  return { mean, variance };
}
