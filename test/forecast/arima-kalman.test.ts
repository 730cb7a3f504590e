import { differencingCoefficients } from '../../src/forecast/arima-state-space';
import { arimaStateForecast } from '../../src/forecast/arima-kalman';
import { normalQuantile } from '../../src/stats';
import { filterAtRCoefficients, fixedOrderFits } from './arima-fixtures';
import { maxRelDiff } from './fixtures';

describe("R's ARIMA Kalman filter (ARIMA_Like) at R's own estimates", () => {
  test.each(fixedOrderFits().map((f) => [f.call + ' on ' + f.name, f]))('%s', (_c, f) => {
    const { o, ss, sums, residuals } = filterAtRCoefficients(f);
    const n = f.values.length;
    const nUsed = n - o.d - o.D * o.m;
    // R: loglik = −½ (2 n.used · ½(log(ssq/ν) + Σlog F/ν) + n.used + n.used log 2π)
    const obj = 0.5 * (Math.log(sums.ssq / sums.nu) + sums.sumlog / sums.nu);
    const loglik = -0.5 * (2 * nUsed * obj + nUsed + nUsed * Math.log(2 * Math.PI));
    expect(Math.abs(loglik - f.loglik) / Math.abs(f.loglik)).toBeLessThan(1e-9);
    expect(maxRelDiff(residuals.subarray(o.d + o.D * o.m), f.residuals.slice(o.d + o.D * o.m))).toBeLessThan(1e-6);
    // forecast(fit, h): KalmanForecast from the final state, plus the mean or drift, ± z·√(var·σ²).
    const { mean, variance } = arimaStateForecast(ss, f.horizon);
    const b = f.coef[o.p + o.q + o.P + o.Q];
    const m = Array.from(
      mean,
      (v, k) => v + (f.regressor === 'mean' ? b : f.regressor === 'drift' ? b * (n + k + 1) : 0),
    );
    expect(maxRelDiff(m, f.forecast.mean)).toBeLessThan(1e-9);
    const z = normalQuantile(0.975);
    expect(
      maxRelDiff(
        m.map((v, k) => v + z * Math.sqrt(variance[k] * f.sigma2)),
        f.forecast.hi95,
      ),
    ).toBeLessThan(1e-9);
  });

  test('Delta: (1 − B)(1 − B¹²) and (1 − B)²', () => {
    const d = differencingCoefficients(1, 1, 12);
    expect(d.length).toBe(13);
    expect([d[0], d[11], d[12]]).toEqual([1, 1, -1]);
    expect(Array.from(differencingCoefficients(2, 0, 1))).toEqual([2, -1]);
    expect(differencingCoefficients(0, 0, 12).length).toBe(0);
  });
});
