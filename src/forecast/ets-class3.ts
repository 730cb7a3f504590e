import type { EtsFit } from './ets-fit';

/**
 * out += s · X · W · Yᵀ for 2×2 blocks (X, Y row-major; W given by its entries w0 w1 / w2 w3):
 * one block of one term of the class-3 variance recursion.
 */
function addTriple(
  out: Float64Array,
  s: number,
  x: Float64Array,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  y: Float64Array,
): void {
  const z00 = w0 * y[0] + w1 * y[1];
  const z01 = w0 * y[2] + w1 * y[3];
  const z10 = w2 * y[0] + w3 * y[1];
  const z11 = w2 * y[2] + w3 * y[3];
  out[0] += s * (x[0] * z00 + x[1] * z10);
  out[1] += s * (x[0] * z01 + x[1] * z11);
  out[2] += s * (x[2] * z00 + x[3] * z10);
  out[3] += s * (x[2] * z01 + x[3] * z11);
}

// The q × q variance matrices of the recursion, reused from call to call (grown on demand; not
// re-entrant, which it need not be): a fresh pair per forecast showed in profiles as allocation.
let scratchV = new Float64Array(0);
let scratchVn = new Float64Array(0);

/**
 * Forecast means and variances of the class-3 ETS models (multiplicative error and multiplicative
 * season with additive or no trend: MNM, MAM, MAdM), by the matrix recursions of Hyndman et al.
 * (2008, §6.4) as in R forecast's class3(): the mean includes the σ²-correction that makes it
 * differ from the point path.
 *
 * R writes the recursion with Kronecker products of q×q matrices (q = m × trend states):
 *   V_{h+1} = F21 V F21ᵀ + σ² [F21 V G21ᵀ + G21 V F21ᵀ + K (V + μμᵀ) Kᵀ + σ² G21 (3V + 2μμᵀ) G21ᵀ],
 *   M_{h+1} = F1 M F2ᵀ + σ² G1 M G2ᵀ,
 * with μ = vec(M). F2 is the seasonal rotation and G2 has one entry, so each of F21, G21 and K has
 * one nonzero n×n block per block row, at block column ρ(i) = i − 1 (ρ(0) = m − 1): F21's blocks are
 * F1, G21's is γ·G1 in block row 0 only, K's are γ·F1 + G1 in block row 0 and G1 below. Block
 * (i, j) of X V Yᵀ is therefore X_i V[ρ(i), ρ(j)] Y_jᵀ, and a step costs O(q²) instead of the dense
 * O(q³); the result equals the dense recursion up to rounding.
 */
export function etsClass3Moments(fit: EtsFit, h: number): { mean: Float64Array; variance: Float64Array } {
  const { spec, params, finalState, sigma2: s2 } = fit;
  const m = spec.period;
  const hasTrend = spec.trend !== 'N';
  // MNM runs as a trend model with b = 0, β = 0, φ = 1: its trend rows and columns stay 0.
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const alpha = params.alpha;
  const beta = hasTrend ? params.beta : 0;
  const gamma = params.gamma;
  const F1 = Float64Array.of(1, 1, 0, phi);
  const G1 = Float64Array.of(alpha, alpha, beta, beta);
  const G0 = G1.map((v) => gamma * v);
  const K0 = F1.map((v, i) => gamma * v + G1[i]);
  const off = hasTrend ? 2 : 1;
  const level = finalState[0];
  const slope = hasTrend ? finalState[1] : 0;
  const q = 2 * m;
  // M[k·m + j]: trend-state k times seasonal state j; V[(2i + k)·q + 2j + l] as R's kron layout.
  let M = new Float64Array(q);
  let Mn = new Float64Array(q);
  for (let j = 0; j < m; j++) {
    M[j] = level * finalState[off + j];
    M[m + j] = slope * finalState[off + j];
  }
  if (scratchV.length < q * q) {
    scratchV = new Float64Array(q * q);
    scratchVn = new Float64Array(q * q);
  }
  // Every block of Vn is written at each step; V starts at 0 (no uncertainty at the origin).
  let V = scratchV.subarray(0, q * q).fill(0);
  let Vn = scratchVn.subarray(0, q * q);
  const A = new Float64Array(4);
  const inner = new Float64Array(4);
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  const last = m - 1;
  for (let step = 0; step < h; step++) {
    const mu = M[last] + M[m + last];
    const c = 2 * last * q + 2 * last;
    const hvh = V[c] + V[c + 1] + V[c + q] + V[c + q + 1];
    mean[step] = mu;
    variance[step] = (1 + s2) * hvh + s2 * mu * mu;
    for (let i = 0; i < m; i++) {
      const ri = i === 0 ? last : i - 1;
      const Ki = i === 0 ? K0 : G1;
      const mi0 = M[ri];
      const mi1 = M[m + ri];
      for (let j = 0; j < m; j++) {
        const rj = j === 0 ? last : j - 1;
        const Kj = j === 0 ? K0 : G1;
        const mj0 = M[rj];
        const mj1 = M[m + rj];
        const at = 2 * ri * q + 2 * rj;
        const w0 = V[at];
        const w1 = V[at + 1];
        const w2 = V[at + q];
        const w3 = V[at + q + 1];
        // Block of the outer product vec(M) vec(M)ᵀ.
        const p0 = mi0 * mj0;
        const p1 = mi0 * mj1;
        const p2 = mi1 * mj0;
        const p3 = mi1 * mj1;
        const to = 2 * i * q + 2 * j;
        if (i > 0 && j > 0) {
          // The common block: F1 W F1ᵀ + σ² G1 (W + P) G1ᵀ, with G1 = g·1ᵀ of rank one (g = (α, β)).
          const o = s2 * (w0 + w1 + w2 + w3 + p0 + p1 + p2 + p3);
          const r1 = w1 + w3;
          Vn[to] = w0 + w2 + r1 + o * alpha * alpha;
          Vn[to + 1] = phi * r1 + o * alpha * beta;
          Vn[to + q] = phi * (w2 + w3) + o * beta * alpha;
          Vn[to + q + 1] = phi * phi * w3 + o * beta * beta;
          continue;
        }
        A.fill(0);
        addTriple(A, 1, F1, w0, w1, w2, w3, F1);
        inner.fill(0);
        if (j === 0) addTriple(inner, 1, F1, w0, w1, w2, w3, G0);
        if (i === 0) addTriple(inner, 1, G0, w0, w1, w2, w3, F1);
        addTriple(inner, 1, Ki, w0 + p0, w1 + p1, w2 + p2, w3 + p3, Kj);
        if (i === 0 && j === 0)
          addTriple(inner, s2, G0, 3 * w0 + 2 * p0, 3 * w1 + 2 * p1, 3 * w2 + 2 * p2, 3 * w3 + 2 * p3, G0);
        Vn[to] = A[0] + s2 * inner[0];
        Vn[to + 1] = A[1] + s2 * inner[1];
        Vn[to + q] = A[2] + s2 * inner[2];
        Vn[to + q + 1] = A[3] + s2 * inner[3];
      }
    }
    for (let i = 0; i < m; i++) {
      const ri = i === 0 ? last : i - 1;
      let v0 = F1[0] * M[ri] + F1[1] * M[m + ri];
      let v1 = F1[2] * M[ri] + F1[3] * M[m + ri];
      if (i === 0) {
        v0 += s2 * (G0[0] * M[last] + G0[1] * M[m + last]);
        v1 += s2 * (G0[2] * M[last] + G0[3] * M[m + last]);
      }
      Mn[i] = v0;
      Mn[m + i] = v1;
    }
    const tv = V;
    V = Vn;
    Vn = tv;
    const tm = M;
    M = Mn;
    Mn = tm;
  }
  return { mean, variance };
}
