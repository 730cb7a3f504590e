import { updateBeta } from '../../../src/scenario/posterior/beta-binomial';
import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import { makeDistribution } from '../../../src/scenario/distributions/catalogue';
import { SeededGenerator } from '../../../src/stats/seeded-generator';

const REPS = 4000;
const SLACK = 3.5 * Math.sqrt((0.9 * 0.1) / REPS);

describe('beta–binomial', () => {
  test('closed form: Beta(α + successes, β + failures), weighted', () => {
    expect(updateBeta({ alpha: 2, beta: 8 }, [{ successes: 3, trials: 10 }])).toEqual({ alpha: 5, beta: 15 });
    expect(updateBeta({ alpha: 2, beta: 8 }, [{ successes: 3, trials: 10 }], 2)).toEqual({ alpha: 8, beta: 22 });
    expect(updateBeta({ alpha: 2, beta: 8 }, [])).toEqual({ alpha: 2, beta: 8 });
  });

  test(`seeded simulation: the 90% posterior interval of the rate holds the true rate ~90% (${REPS} reps, seed 20)`, () => {
    const rng = new SeededGenerator(20, 'beta-binomial');
    const prior = makeDistribution('p', 'beta', { alpha: 3, beta: 12 });
    let inside = 0;
    for (let r = 0; r < REPS; r++) {
      const p = prior.quantile(rng.nextOpen01());
      const periods = 1 + (r % 6);
      const trials = Array.from({ length: periods }, () => 5 + rng.nextBelow(40));
      const successes = trials.map((n) => {
        let s = 0;
        for (let i = 0; i < n; i++) if (rng.nextOpen01() < p) s++;
        return s;
      });
      const u = updateDriver('x', 'beta', { alpha: 3, beta: 12 }, { values: successes, trials });
      if (p >= u.predictive.p5 && p <= u.predictive.p95) inside++;
    }
    expect(Math.abs(inside / REPS - 0.9)).toBeLessThan(SLACK);
  });
});
