import { arimaFilterDiffuse } from '../../src/forecast/arima-chandrasekhar';
import { differenceSeries } from '../../src/forecast/arima-css';
import { expandArma } from '../../src/forecast/arima-params';
import {
  createArimaStateSpace,
  differencingCoefficients,
  fullInitialState,
  prepareArimaState,
} from '../../src/forecast/arima-state-space';
import type { FilterSums } from '../../src/forecast/arima-kalman';
import { arimaFilterFull } from '../../src/forecast/arima-kalman';
import { SeededGenerator } from '../../src/stats';
import { fixedOrderFits, orderOf } from './arima-fixtures';

const sums = (): FilterSums => ({ ssq: 0, sumlog: 0, nu: 0 });

describe('Chandrasekhar recursions: exact diffuse likelihood in O(r) per step', () => {
  test.each(fixedOrderFits().map((f) => [f.name, f]))(
    '%s: equals the Kalman filter of the differenced series from the stationary start',
    (_n, f) => {
      const o = orderOf(f);
      const delta = differencingCoefficients(o.d, o.D, o.m);
      const p = o.p + o.m * o.P;
      const q = o.q + o.m * o.Q;
      const k = o.p + o.q + o.P + o.Q;
      const b = f.coef[k];
      const y = Float64Array.from(f.values, (v, t) =>
        f.regressor === 'mean' ? v - b : f.regressor === 'drift' ? v - b * (t + 1) : v,
      );
      const ss = createArimaStateSpace(p, q, delta);
      expandArma(f.coef, o, false, ss.phi, ss.theta);
      prepareArimaState(ss, false);
      const fast = sums();
      arimaFilterDiffuse(differenceSeries(y, o, new Float64Array(y.length)), ss, fast);
      // Reference: difference the series, then R's d = 0 filter (κ plays no part).
      const w = y.subarray(delta.length).map((v, i) => {
        let x = v;
        for (let j = 0; j < delta.length; j++) x -= delta[j] * y[i + delta.length - j - 1];
        return x;
      });
      const ref = createArimaStateSpace(p, q, new Float64Array(0));
      ref.phi.set(ss.phi);
      ref.theta.set(ss.theta);
      prepareArimaState(ref);
      fullInitialState(ref);
      const slow = sums();
      arimaFilterFull(w, ref, slow);
      expect(fast.nu).toBe(slow.nu);
      expect(Math.abs(fast.ssq - slow.ssq) / slow.ssq).toBeLessThan(1e-10);
      expect(Math.abs(fast.sumlog - slow.sumlog)).toBeLessThan(1e-9 * Math.max(1, Math.abs(slow.sumlog)));
    },
  );

  test('seeded random ARMA models agree with the Kalman filter', () => {
    const g = new SeededGenerator(11, 'chandrasekhar');
    for (let trial = 0; trial < 40; trial++) {
      const p = trial % 4;
      const q = (trial >> 2) % 4;
      const ss = createArimaStateSpace(p, q, new Float64Array(0));
      // A stationary AR part: roots outside the unit circle via small coefficients.
      for (let i = 0; i < p; i++) ss.phi[i] = (g.nextNormal() * 0.4) / (i + 1);
      for (let i = 0; i < q; i++) ss.theta[i] = (g.nextNormal() * 0.5) / (i + 1);
      if (!prepareArimaState(ss)) continue;
      const y = Float64Array.from({ length: 50 }, () => g.nextNormal());
      const fast = sums();
      arimaFilterDiffuse(y, ss, fast);
      fullInitialState(ss);
      const slow = sums();
      arimaFilterFull(y, ss, slow);
      expect(Math.abs(fast.ssq - slow.ssq) / slow.ssq).toBeLessThan(1e-10);
      expect(Math.abs(fast.sumlog - slow.sumlog)).toBeLessThan(1e-10);
    }
  });
});
