import { gammaPoissonPredictive, updateGamma } from '../../../src/scenario/posterior/gamma-poisson';
import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import { makeDistribution } from '../../../src/scenario/distributions/catalogue';
import { SeededGenerator } from '../../../src/stats/seeded-generator';

const REPS = 4000;
const SE = Math.sqrt((0.9 * 0.1) / REPS);

describe('gamma–Poisson', () => {
  test('closed form: Gamma(a + Σx, b + n) and a negative binomial predictive', () => {
    expect(updateGamma({ shape: 4, rate: 1 }, [3, 5, 4])).toEqual({ shape: 16, rate: 4 });
    expect(updateGamma({ shape: 4, rate: 1 }, [3, null, 5], 0.5)).toEqual({ shape: 8, rate: 2 });
    expect(gammaPoissonPredictive({ shape: 16, rate: 4 })).toEqual({ size: 16, prob: 0.8 });
  });

  test(`seeded simulation: the 90% predictive interval of the next count holds at least ~90% (${REPS} reps, seed 19)`, () => {
    // Truths drawn from the prior Gamma(λ₀, 1); counts are discrete, so the interval [P5, P95] holds
    // at least 90% and somewhat more (each end includes its own probability mass).
    const rng = new SeededGenerator(19, 'gamma-poisson');
    const lambda0 = 6;
    const prior = makeDistribution('l', 'gamma', { shape: lambda0, scale: 1 });
    let inside = 0;
    for (let r = 0; r < REPS; r++) {
      const lambda = prior.quantile(rng.nextOpen01());
      const counts = makeDistribution('c', 'poisson', { lambda });
      const n = 1 + (r % 12);
      const draws = Array.from({ length: n }, () => counts.quantile(rng.nextOpen01()));
      const u = updateDriver('x', 'poisson', { lambda: lambda0 }, { values: draws });
      const next = counts.quantile(rng.nextOpen01());
      if (next >= u.predictive.p5 && next <= u.predictive.p95) inside++;
    }
    expect(inside / REPS).toBeGreaterThan(0.9 - 3.5 * SE);
    expect(inside / REPS).toBeLessThan(0.97);
  });
});
