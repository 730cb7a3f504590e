import { etsClass3Moments } from '../../src/forecast/ets-class3';
import { evaluateEts } from '../../src/forecast/ets-fit';
import type { EtsParams } from '../../src/forecast/ets-model';
import { parseEtsCode } from '../../src/forecast/ets-model';

/** Dense q×q matrices as arrays of rows: the textbook form of the recursion, for reference. */
type Dense = number[][];
const zeros = (r: number, c: number): Dense => Array.from({ length: r }, () => new Array<number>(c).fill(0));
const mul = (x: Dense, y: Dense): Dense =>
  x.map((row) => y[0].map((_, j) => row.reduce((s, v, k) => s + v * y[k][j], 0)));
const tr = (x: Dense): Dense => x[0].map((_, j) => x.map((row) => row[j]));
const add = (x: Dense, y: Dense, s = 1): Dense => x.map((row, i) => row.map((v, j) => v + s * y[i][j]));
const kron = (x: Dense, y: Dense): Dense => {
  const out = zeros(x.length * y.length, x[0].length * y[0].length);
  x.forEach((row, i) =>
    row.forEach((v, j) =>
      y.forEach((yr, k) =>
        yr.forEach((w, l) => {
          out[i * y.length + k][j * y[0].length + l] = v * w;
        }),
      ),
    ),
  );
  return out;
};

/**
 * Hyndman et al. (2008, §6.4) / R forecast class3(), written with explicit Kronecker products:
 * V ← F21 V F21ᵀ + σ²[F21 V G21ᵀ + G21 V F21ᵀ + K(V + μμᵀ)Kᵀ + σ² G21(3V + 2μμᵀ)G21ᵀ].
 */
function denseClass3(
  code: string,
  m: number,
  p: EtsParams,
  state: number[],
  s2: number,
  h: number,
): { mean: number[]; variance: number[] } {
  const nT = code[1] === 'N' ? 1 : 2;
  const phi = code.includes('Ad') ? p.phi : 1;
  const H1 = [new Array<number>(nT).fill(1)];
  const H2 = [Array.from({ length: m }, (_, j) => (j === m - 1 ? 1 : 0))];
  const F1 =
    nT === 1
      ? [[1]]
      : [
          [1, 1],
          [0, phi],
        ];
  const G1 =
    nT === 1
      ? [[p.alpha]]
      : [
          [p.alpha, p.alpha],
          [p.beta, p.beta],
        ];
  const F2 = zeros(m, m);
  F2[0][m - 1] = 1;
  for (let i = 1; i < m; i++) F2[i][i - 1] = 1;
  const G2 = zeros(m, m);
  G2[0][m - 1] = p.gamma;
  let M = Array.from({ length: nT }, (_, i) => Array.from({ length: m }, (_, j) => state[i] * state[nT + j]));
  let V = zeros(nT * m, nT * m);
  const H21 = kron(H2, H1);
  const F21 = kron(F2, F1);
  const G21 = kron(G2, G1);
  const K = add(kron(G2, F1), kron(F2, G1));
  const sw = (x: Dense, v: Dense, y: Dense = x): Dense => mul(mul(x, v), tr(y));
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < h; i++) {
    const mu = mul(mul(H1, M), tr(H2))[0][0];
    mean.push(mu);
    variance.push((1 + s2) * sw(H21, V)[0][0] + s2 * mu * mu);
    const vec = [tr(M).flat()];
    const outer = mul(tr(vec), vec);
    const scaled = V.map((row, a) => row.map((v, b) => 3 * v + 2 * outer[a][b]));
    const inner = add(add(add(sw(F21, V, G21), sw(G21, V, F21)), sw(K, add(V, outer))), sw(G21, scaled), s2);
    V = add(sw(F21, V), inner, s2);
    M = add(mul(mul(F1, M), tr(F2)), mul(mul(G1, M), tr(G2)), s2);
  }
  return { mean, variance };
}

describe('class-3 forecast moments (block recursion)', () => {
  const y = Float64Array.from(
    { length: 48 },
    (_, t) => (100 + 2 * t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 4)) + 5 * Math.cos(7 * t),
  );
  test.each([
    ['MNM', { alpha: 0.3, beta: 0, gamma: 0.2, phi: 1 }],
    ['MAM', { alpha: 0.4, beta: 0.1, gamma: 0.3, phi: 1 }],
    ['MAdM', { alpha: 0.5, beta: 0.2, gamma: 0.1, phi: 0.9 }],
  ] as Array<[string, EtsParams]>)('%s equals the dense Kronecker recursion to rounding', (code, params) => {
    const m = 4;
    const spec = parseEtsCode(code, m)!;
    const nT = spec.trend === 'N' ? 1 : 2;
    const init = Float64Array.from([100, ...(nT === 2 ? [2] : []), 1.3, 1.1, 0.7, 0.9]);
    const fit = evaluateEts(y, spec, params, init);
    const fast = etsClass3Moments(fit, 10);
    const ref = denseClass3(code, m, params, Array.from(fit.finalState), fit.sigma2, 10);
    for (let i = 0; i < 10; i++) {
      expect(fast.mean[i]).toBeCloseTo(ref.mean[i], 9);
      expect(Math.abs(fast.variance[i] - ref.variance[i]) / ref.variance[i]).toBeLessThan(1e-12);
    }
    // Variances follow the season and grow from one season to the next.
    for (let i = m; i < 10; i++) expect(fast.variance[i]).toBeGreaterThan(fast.variance[i - m]);
  });
});
