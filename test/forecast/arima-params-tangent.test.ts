import { coefficientTangent } from '../../src/forecast/arima-params-tangent';
import { expandArma } from '../../src/forecast/arima-params';
import type { ArimaOrder } from '../../src/forecast/arima-params';
import { SeededGenerator } from '../../src/stats';
import { centralDifferencesAlong } from './arima-fixtures';

const order = (p: number, q: number, P: number, Q: number, m: number): ArimaOrder => ({ p, d: 0, q, P, D: 0, Q, m });

/** Central differences of expandArma along coefficient i. */
function central(par: number[], o: ArimaOrder, transform: boolean, i: number) {
  const d = centralDifferencesAlong((s) => {
    const phi = new Float64Array(o.p + o.m * o.P);
    const theta = new Float64Array(o.q + o.m * o.Q);
    expandArma(
      par.map((v, j) => (j === i ? v + s : v)),
      o,
      transform,
      phi,
      theta,
    );
    return { phi, theta };
  });
  return { dphi: d.phi, dtheta: d.theta };
}

describe('derivative of the expanded ARMA polynomials', () => {
  test('a seasonal MA coefficient moves lag m and the cross term by θ₁ (product rule)', () => {
    const o = order(0, 1, 0, 1, 4);
    const dphi = new Float64Array(0);
    const dtheta = new Float64Array(5);
    coefficientTangent([0.5, 0.2], o, false, 1, dphi, dtheta);
    expect(Array.from(dtheta)).toEqual([0, 0, 0, 1, 0.5]);
  });

  test('AR(1) through the transform: dφ/dx = 1 − tanh²(x)', () => {
    const dphi = new Float64Array(1);
    coefficientTangent([0.3], order(1, 0, 0, 0, 1), true, 0, dphi, new Float64Array(0));
    expect(dphi[0]).toBeCloseTo(1 - Math.tanh(0.3) ** 2, 14);
  });

  test('seeded property: every coefficient of random seasonal orders equals the central differences', () => {
    const g = new SeededGenerator(14, 'arima-params-tangent');
    for (let trial = 0; trial < 30; trial++) {
      const o = order(g.nextBelow(4), g.nextBelow(3), g.nextBelow(3), g.nextBelow(3), 2 + g.nextBelow(11));
      const k = o.p + o.q + o.P + o.Q;
      const par = Array.from({ length: k }, () => 1.6 * (g.nextOpen01() - 0.5));
      const transform = g.nextBelow(2) === 1;
      for (let i = 0; i < k; i++) {
        const dphi = new Float64Array(o.p + o.m * o.P);
        const dtheta = new Float64Array(o.q + o.m * o.Q);
        coefficientTangent(par, o, transform, i, dphi, dtheta);
        const want = central(par, o, transform, i);
        for (let j = 0; j < dphi.length; j++) expect(Math.abs(dphi[j] - want.dphi[j])).toBeLessThan(1e-8);
        for (let j = 0; j < dtheta.length; j++) expect(Math.abs(dtheta[j] - want.dtheta[j])).toBeLessThan(1e-8);
      }
    }
  });
});
