import { etsSimulatedQuantiles } from '../../src/forecast/ets-simulate';
import { evaluateEts } from '../../src/forecast/ets-fit';
import { etsForecastMoments } from '../../src/forecast/ets-forecast';
import { parseEtsCode } from '../../src/forecast/ets-model';

const Z90 = 1.2815515655446004; // qnorm(0.90)

describe('simulated ETS prediction quantiles', () => {
  const y = Float64Array.from(
    { length: 36 },
    (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.cos(5 * t),
  );
  const fit = evaluateEts(
    y,
    parseEtsCode('AAA', 12)!,
    { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 1 },
    Float64Array.from([100, 0, ...Array.from({ length: 12 }, (_, j) => 10 * Math.sin((2 * Math.PI * (11 - j)) / 12))]),
  );

  test('a linear model reproduces its analytic normal quantiles', () => {
    const { mean, variance } = etsForecastMoments(fit, 6);
    const [lo, hi] = etsSimulatedQuantiles(fit, 6, [0.1, 0.9], 3, 20000);
    for (let k = 0; k < 6; k++) {
      const half = Z90 * Math.sqrt(variance![k]);
      expect(Math.abs(lo[k] - (mean[k] - half)) / half).toBeLessThan(0.05);
      expect(Math.abs(hi[k] - (mean[k] + half)) / half).toBeLessThan(0.05);
    }
  });

  test('same seed, same quantiles; quantiles ordered by probability', () => {
    const probs = [0.025, 0.1, 0.5, 0.9, 0.975];
    const a = etsSimulatedQuantiles(fit, 4, probs, 11);
    const b = etsSimulatedQuantiles(fit, 4, probs, 11);
    expect(a.map((q) => Array.from(q))).toEqual(b.map((q) => Array.from(q)));
    for (let k = 0; k < 4; k++) for (let i = 1; i < probs.length; i++) expect(a[i][k]).toBeGreaterThan(a[i - 1][k]);
  });
});
