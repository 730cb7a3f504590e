import { autocovarianceTangent, autocovarianceTangentScratch } from '../../src/forecast/arima-autocovariance-tangent';
import { armaAutocovariances, autocovarianceScratch } from '../../src/forecast/arima-stationary-covariance';
import { SeededGenerator } from '../../src/stats';
import { centralDifferencesAlong } from './arima-fixtures';

/** γ and ψ to lag L, and their derivative along (dφ, dθ) from the tangent. */
function tangent(phi: number[], theta: number[], dphi: number[], dtheta: number[], L: number) {
  const gamma = new Float64Array(L + 1);
  const psi = new Float64Array(L + 1);
  const scratch = autocovarianceScratch(phi.length, theta.length, L);
  expect(armaAutocovariances(phi, theta, L, gamma, psi, scratch)).toBe(true);
  const dgamma = new Float64Array(L + 1);
  const dpsi = new Float64Array(L + 1);
  const t = autocovarianceTangentScratch(phi.length, theta.length, L);
  autocovarianceTangent(phi, theta, dphi, dtheta, L, psi, scratch, dgamma, dpsi, t);
  return { dgamma, dpsi };
}

/** Central differences of γ and ψ along (dφ, dθ). */
function central(phi: number[], theta: number[], dphi: number[], dtheta: number[], L: number) {
  const d = centralDifferencesAlong((s) => {
    const gamma = new Float64Array(L + 1);
    const psi = new Float64Array(L + 1);
    armaAutocovariances(
      phi.map((v, i) => v + s * dphi[i]),
      theta.map((v, i) => v + s * dtheta[i]),
      L,
      gamma,
      psi,
    );
    return { gamma, psi };
  });
  return { dgamma: d.gamma, dpsi: d.psi };
}

function expectClose(got: Float64Array, want: Float64Array): void {
  const scale = Math.max(1, ...Array.from(want, Math.abs));
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]) / scale).toBeLessThan(1e-7);
}

describe('directional derivative of the ARMA autocovariances', () => {
  test('AR(1): dγ(0)/dφ = 2φ / (1 − φ²)² (closed form)', () => {
    // γ(0) = 1 / (1 − φ²) for unit innovations.
    const { dgamma } = tangent([0.5], [], [1], [], 2);
    expect(dgamma[0]).toBeCloseTo(1 / (0.75 * 0.75), 12);
    // γ(1) = φ / (1 − φ²): derivative (1 + φ²) / (1 − φ²)².
    expect(dgamma[1]).toBeCloseTo(1.25 / (0.75 * 0.75), 12);
  });

  test('MA(1): dγ(0)/dθ = 2θ, dγ(1)/dθ = 1, dψ₁ = 1', () => {
    const { dgamma, dpsi } = tangent([], [0.4], [], [1], 3);
    expect(Array.from(dgamma)).toEqual([0.8, 1, 0, 0]);
    expect(Array.from(dpsi)).toEqual([0, 1, 0, 0]);
  });

  test('seeded property: seasonal ARMA models equal the central differences', () => {
    const g = new SeededGenerator(14, 'arima-autocovariance-tangent');
    for (let trial = 0; trial < 20; trial++) {
      const ar = [0.6 * (g.nextOpen01() - 0.5)];
      const sar = 0.6 * (g.nextOpen01() - 0.5);
      // (1 − aB)(1 − sBᵐ): stationary, non-zero at lags 1, m, m + 1.
      const phi = [ar[0], 0, 0, sar, -ar[0] * sar];
      const theta = [g.nextOpen01() - 0.5, 0, 0.3 * g.nextOpen01()];
      const dphi = phi.map(() => g.nextOpen01() - 0.5);
      const dtheta = theta.map(() => g.nextOpen01() - 0.5);
      const L = 8 + g.nextBelow(8);
      const got = tangent(phi, theta, dphi, dtheta, L);
      const want = central(phi, theta, dphi, dtheta, L);
      expectClose(got.dgamma, want.dgamma);
      expectClose(got.dpsi, want.dpsi);
    }
  });
});
