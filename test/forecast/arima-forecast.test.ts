import { fitArima } from '../../src/forecast/arima-fit';
import { arimaForecast } from '../../src/forecast/arima-forecast';
import { normalQuantile } from '../../src/stats';
import { fixedOrderFits, orderOf } from './arima-fixtures';
import { maxRelDiff } from './fixtures';

describe('arimaForecast: forecast(fit, h) from the state space', () => {
  test.each(fixedOrderFits().map((f) => [f.name, f] as const))(
    "%s: with R's coefficients held fixed, R's forecasts and 80/95% bounds",
    (_n, f) => {
      // R: forecast(Arima(y, order, seasonal, ...), h, level = c(80, 95)); our fit with fixed = R's
      // coefficients runs the same filter, so only rounding separates the two.
      const fit = fitArima(Float64Array.from(f.values), orderOf(f), {
        regressor: f.regressor,
        fixed: f.coef,
        initialization: 'kappa',
      })!;
      // forecast's σ² with R's parameter count (the fixed fit has none free).
      const k = f.coef.length + 1;
      const nstar = f.values.length - fit.order.d - fit.order.D * fit.order.m;
      const scaled = { ...fit, sigma2: (fit.sigma2 * (nstar - 1 + 1)) / (nstar - k + 1) };
      const { mean, se } = arimaForecast(scaled, f.horizon);
      expect(maxRelDiff(mean, f.forecast.mean)).toBeLessThan(1e-9);
      for (const [level, lo, hi] of [
        [80, f.forecast.lo80, f.forecast.hi80],
        [95, f.forecast.lo95, f.forecast.hi95],
      ] as const) {
        const z = normalQuantile(0.5 + level / 200);
        expect(
          maxRelDiff(
            Array.from(mean, (v, i) => v - z * se[i]),
            lo,
          ),
        ).toBeLessThan(1e-8);
        expect(
          maxRelDiff(
            Array.from(mean, (v, i) => v + z * se[i]),
            hi,
          ),
        ).toBeLessThan(1e-8);
      }
    },
  );
});
