import {
  nigFromNormal,
  nigPredictive,
  updateNormalInverseGamma,
} from '../../../src/scenario/posterior/normal-inverse-gamma';
import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import { makeDistribution } from '../../../src/scenario/distributions/catalogue';
import { SeededGenerator } from '../../../src/stats/seeded-generator';

const REPS = 4000;
// 90% intervals: the share of new draws inside is binomial(REPS, 0.9); 3.5 standard errors either side.
const SLACK = 3.5 * Math.sqrt((0.9 * 0.1) / REPS);

describe('normal–inverse-gamma', () => {
  test('the prior read from normal(mean, sd) has the driver’s mean and variance as its predictive', () => {
    const t = nigPredictive(nigFromNormal(130, 10));
    expect(t.df).toBe(4);
    // Student-t variance = scale²·df/(df − 2)
    expect((t.scale * t.scale * t.df) / (t.df - 2)).toBeCloseTo(100, 12);
  });

  test('updating in two batches equals updating once (the posterior is the next prior)', () => {
    const prior = { mu: 5, kappa: 2, alpha: 3, beta: 4 };
    const once = updateNormalInverseGamma(prior, [4, 7, 6, 9, 3]);
    const twice = updateNormalInverseGamma(updateNormalInverseGamma(prior, [4, 7]), [6, 9, 3]);
    for (const k of ['mu', 'kappa', 'alpha', 'beta'] as const) expect(twice[k]).toBeCloseTo(once[k], 12);
  });

  test('no data leaves the prior; weight scales the evidence exactly like repeating it', () => {
    const prior = { mu: 0, kappa: 1, alpha: 2, beta: 1 };
    expect(updateNormalInverseGamma(prior, [])).toEqual(prior);
    const half = updateNormalInverseGamma(prior, [1, 3, 5, 1, 3, 5], 0.5);
    const once = updateNormalInverseGamma(prior, [1, 3, 5]);
    for (const k of ['mu', 'kappa', 'alpha', 'beta'] as const) expect(half[k]).toBeCloseTo(once[k], 12);
  });

  test(`seeded simulation: 90% predictive intervals hold ~90% of new draws (prior-drawn truths, ${REPS} reps, seed 16)`, () => {
    // Parameters drawn from the prior the update assumes: then coverage is exactly 90% in expectation.
    const rng = new SeededGenerator(16, 'nig-coverage');
    const mean = 100;
    const sd = 15;
    const prior = nigFromNormal(mean, sd);
    const invGamma = makeDistribution('s', 'gamma', { shape: prior.alpha, scale: 1 / prior.beta });
    let inside = 0;
    for (let r = 0; r < REPS; r++) {
      const variance = 1 / invGamma.quantile(rng.nextOpen01());
      const mu = prior.mu + Math.sqrt(variance / prior.kappa) * rng.nextNormal();
      const n = 1 + (r % 12);
      const draws = Array.from({ length: n }, () => mu + Math.sqrt(variance) * rng.nextNormal());
      const u = updateDriver('x', 'normal', { mean, sd }, { values: draws });
      const next = mu + Math.sqrt(variance) * rng.nextNormal();
      if (next >= u.predictive.p5 && next <= u.predictive.p95) inside++;
    }
    expect(Math.abs(inside / REPS - 0.9)).toBeLessThan(SLACK);
  });

  test('seeded simulation: with a fixed truth and 24 actuals, coverage is ~90% too (seed 17)', () => {
    const rng = new SeededGenerator(17, 'nig-fixed');
    let inside = 0;
    for (let r = 0; r < REPS; r++) {
      const draws = Array.from({ length: 24 }, () => 120 + 8 * rng.nextNormal());
      const u = updateDriver('x', 'normal', { mean: 100, sd: 15 }, { values: draws });
      const next = 120 + 8 * rng.nextNormal();
      if (next >= u.predictive.p5 && next <= u.predictive.p95) inside++;
    }
    // The prior pulls the mean towards 100 a little (1 of 25 observations' worth), so allow 2 points more.
    expect(Math.abs(inside / REPS - 0.9)).toBeLessThan(SLACK + 0.02);
  });

  test('seeded simulation: lognormal drivers cover ~90% of new draws on the original scale (seed 18)', () => {
    const rng = new SeededGenerator(18, 'lognormal-coverage');
    const prior = nigFromNormal(2, 0.4);
    const invGamma = makeDistribution('s', 'gamma', { shape: prior.alpha, scale: 1 / prior.beta });
    let inside = 0;
    for (let r = 0; r < REPS; r++) {
      const variance = 1 / invGamma.quantile(rng.nextOpen01());
      const mu = prior.mu + Math.sqrt(variance / prior.kappa) * rng.nextNormal();
      const draw = () => Math.exp(mu + Math.sqrt(variance) * rng.nextNormal());
      const draws = Array.from({ length: 1 + (r % 8) }, draw);
      const u = updateDriver('x', 'lognormal2', { mu: 2, sigma: 0.4 }, { values: draws });
      const next = draw();
      if (next >= u.predictive.p5 && next <= u.predictive.p95) inside++;
    }
    expect(Math.abs(inside / REPS - 0.9)).toBeLessThan(SLACK);
  });
});
