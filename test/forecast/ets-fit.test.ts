import { evaluateEts, fitEts } from '../../src/forecast/ets-fit';
import { parseEtsCode } from '../../src/forecast/ets-model';
import { etsForecastMoments } from '../../src/forecast/ets-forecast';
import { loadFixtures, maxRelDiff } from './fixtures';

const Z80 = 1.2815515655446004; // qnorm(0.90)
const Z95 = 1.959963984540054; // qnorm(0.975)

// R forecast 8.20 class1() puts gamma at state 3 even without a trend (then state 3 is s_2, not s_1),
// so its intervals for ANA and MNA differ from Hyndman et al. (2008) eq. 6.x; we keep the textbook
// formula and compare only means and likelihoods for those two.
const R_INTERVAL_BUG = new Set(['ANA', 'MNA']);

const cases = loadFixtures().flatMap((fx) => Object.entries(fx.ets).map(([code, r]) => ({ fx, code, r })));

describe('ETS with R ets() parameters and initial states (identical method)', () => {
  test.each(cases.map((c) => [c.fx.name, c.code, c]))(
    '%s %s: logLik, sigma2, AICc and forecasts',
    (_n, _c, { fx, code, r }) => {
      // R: fit <- ets(y, model = ..., damped = ...); fit$loglik, fit$sigma2, forecast(fit, h, level = c(80, 95))
      const spec = parseEtsCode(code, fx.frequency)!;
      const y = Float64Array.from(fx.values);
      const ev = evaluateEts(
        y,
        spec,
        { alpha: r.alpha, beta: r.beta, gamma: r.gamma, phi: r.phi },
        Float64Array.from(r.initstate),
      );
      expect(
        maxRelDiff([ev.logLik, ev.sigma2, ev.aicc, ev.aic, ev.bic], [r.loglik, r.sigma2, r.aicc, r.aic, r.bic]),
      ).toBeLessThan(1e-6);
      const { mean, variance } = etsForecastMoments(ev, fx.horizon);
      expect(maxRelDiff(mean, r.forecast.mean)).toBeLessThan(1e-6);
      if (R_INTERVAL_BUG.has(code)) return;
      const sd = Array.from(variance!, Math.sqrt);
      const bounds = [
        [-Z80, r.forecast.lo80],
        [Z80, r.forecast.hi80],
        [-Z95, r.forecast.lo95],
        [Z95, r.forecast.hi95],
      ] as const;
      for (const [z, want] of bounds)
        expect(
          maxRelDiff(
            mean.map((v, i) => v + z * sd[i]),
            want,
          ),
        ).toBeLessThan(1e-6);
    },
  );
});

describe('maximum-likelihood fit reaches R ets()', () => {
  test.each(cases.map((c) => [c.fx.name, c.code, c]))('%s %s: our logLik ≥ R − 0.01', (_n, _c, { fx, code, r }) => {
    const fit = fitEts(Float64Array.from(fx.values), parseEtsCode(code, fx.frequency)!);
    expect(fit).toBeDefined();
    expect(fit!.logLik).toBeGreaterThanOrEqual(r.loglik - 0.01);
  });
});
