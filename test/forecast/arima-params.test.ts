import {
  arimaGradtrans,
  arimaInvtrans,
  arimaUndoPars,
  arStationary,
  expandArma,
  invpartrans,
  maInvert,
  partrans,
} from '../../src/forecast/arima-params';
import { polynomialRoots } from '../../src/forecast/polynomial-roots';
import { SeededGenerator } from '../../src/stats';
import { buildingBlocks } from './arima-fixtures';

describe('ARIMA coefficient transforms', () => {
  test("expandArma equals R's ARIMA_transPars for ARIMA(2,0,1)(1,0,1)[4]", () => {
    // R: .Call(stats:::C_ARIMA_transPars, c(0.4, -0.2, 0.3, 0.5, -0.6), c(2L,1L,1L,1L,4L,0L,0L), trans)
    const { par, results } = buildingBlocks().transPars;
    const order = { p: 2, q: 1, P: 1, Q: 1, m: 4, d: 0, D: 0 };
    for (const r of results) {
      const phi = new Float64Array(6);
      const theta = new Float64Array(5);
      expandArma(par, order, r.transform, phi, theta);
      phi.forEach((v, i) => expect(v).toBeCloseTo(r.phi[i], 14));
      theta.forEach((v, i) => expect(v).toBeCloseTo(r.theta[i], 14));
    }
  });

  test('partrans gives a stationary AR polynomial and invpartrans undoes it (seeded)', () => {
    const g = new SeededGenerator(7, 'partrans');
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + (trial % 5);
      const raw = Float64Array.from({ length: k }, () => 1.5 * g.nextNormal());
      const phi = new Float64Array(k);
      partrans(k, raw, phi);
      expect(arStationary(phi)).toBe(true);
      const back = new Float64Array(k);
      invpartrans(k, phi, back);
      // atanh loses precision near ±1: compare on the coefficient scale.
      const again = new Float64Array(k);
      partrans(k, back, again);
      again.forEach((v, i) => expect(v).toBeCloseTo(phi[i], 9));
    }
  });

  test('undoPars and invtrans act on the AR and seasonal AR blocks only', () => {
    const o = { p: 1, q: 1, P: 1, Q: 0, m: 12, d: 0, D: 0 };
    const raw = Float64Array.of(0.5, 0.7, -0.4, 123);
    const coef = arimaUndoPars(raw, o);
    expect(coef[0]).toBeCloseTo(Math.tanh(0.5), 15);
    expect(coef[1]).toBe(0.7);
    expect(coef[2]).toBeCloseTo(Math.tanh(-0.4), 15);
    expect(coef[3]).toBe(123);
    const back = arimaInvtrans(coef, o);
    back.forEach((v, i) => expect(v).toBeCloseTo(raw[i], 12));
    // Gradtrans: derivative of tanh on the diagonal of AR blocks, identity elsewhere.
    const A = arimaGradtrans(raw, o);
    expect(A[0]).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 3);
    expect(A[1 + 4]).toBe(1);
    expect(A[3 + 3 * 4]).toBe(1);
  });

  test('arStationary: R arCheck', () => {
    expect(arStationary([])).toBe(true);
    expect(arStationary([0, 0])).toBe(true);
    expect(arStationary([0.5])).toBe(true);
    expect(arStationary([1])).toBe(false);
    expect(arStationary([1.2, -0.5])).toBe(true);
    expect(arStationary([0.5, 0.6])).toBe(false);
  });

  test('maInvert reflects roots inside the unit circle and keeps the autocovariances', () => {
    expect(Array.from(maInvert(Float64Array.of(0.5)))).toEqual([0.5]);
    expect(Array.from(maInvert(Float64Array.of(2)))).toEqual([0.5]);
    expect(Array.from(maInvert(Float64Array.of(2, 0)))).toEqual([0.5, 0]);
    const ma = Float64Array.of(-2.5, 1); // roots 0.5 and 2: one inside
    const inv = maInvert(ma);
    const roots = polynomialRoots([1, ...inv]);
    for (let i = 0; i < roots.re.length; i++)
      expect(Math.hypot(roots.re[i], roots.im[i])).toBeGreaterThanOrEqual(1 - 1e-12);
    // Same autocorrelation at lag 1 up to the variance scale: γ₁/γ₀ = θ₁(1 + θ₂)/(1 + θ₁² + θ₂²).
    const rho = (t: ArrayLike<number>): number => (t[0] * (1 + t[1])) / (1 + t[0] ** 2 + t[1] ** 2);
    expect(rho(inv)).toBeCloseTo(rho(ma), 12);
  });
});
