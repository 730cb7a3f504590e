import { armaAutocovariances, stationaryCovariance } from '../../src/forecast/arima-stationary-covariance';
import { buildingBlocks, vec } from './arima-fixtures';

describe("stationary covariance of the ARMA state (R's makeARIMA(phi, theta, numeric())$Pn)", () => {
  test.each(buildingBlocks().q0.map((c, i) => [i, c] as const))('model %i', (_i, c) => {
    const phi = vec(c.phi);
    const theta = vec(c.theta);
    const r = c.r;
    const gamma = new Float64Array(r + 3);
    const psi = new Float64Array(r + 3);
    expect(armaAutocovariances(phi, theta, r + 2, gamma, psi)).toBe(true);
    // R: ARMAacf(phi, theta, r + 2) * Pn[1, 1] and c(1, ARMAtoMA(phi, theta, r + 2))
    vec(c.gamma).forEach((v, k) => expect(gamma[k]).toBeCloseTo(v, 10));
    vec(c.psi).forEach((v, k) => expect(psi[k]).toBeCloseTo(v, 12));
    const Q = new Float64Array(r * r);
    if (r > 1) stationaryCovariance(phi, theta, gamma, psi, Q, r);
    else Q[0] = gamma[0];
    const rel = Math.max(...vec(c.Q0).map((v, i) => Math.abs(Q[i] - v) / Math.max(Math.abs(v), 1)));
    expect(rel).toBeLessThan(1e-10);
  });

  test('non-stationary AR has no stationary covariance', () => {
    const g = new Float64Array(4);
    const p = new Float64Array(4);
    expect(armaAutocovariances([1], [], 2, g, p)).toBe(false);
    expect(armaAutocovariances([0.5, 0.6], [0.3], 2, g, p)).toBe(false);
  });

  test('white noise and MA(1) closed forms', () => {
    const g = new Float64Array(3);
    const p = new Float64Array(3);
    armaAutocovariances([], [], 2, g, p);
    expect(Array.from(g)).toEqual([1, 0, 0]);
    armaAutocovariances([], [0.4], 2, g, p);
    expect(g[0]).toBeCloseTo(1.16, 15);
    expect(g[1]).toBeCloseTo(0.4, 15);
    expect(g[2]).toBe(0);
  });
});
