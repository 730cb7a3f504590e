import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import { fpaMessageOf as code } from '../../fpa-error-of';

const close = (got: number, want: number, digits = 10) => expect(got).toBeCloseTo(want, digits);

describe('conjugate updates against closed forms (R arithmetic quoted)', () => {
  test('normal(130, 10) with 140, 138, 142: normal–inverse-gamma, Student-t predictive', () => {
    // R: k0<-1; a0<-2; b0<-100/2; kn<-4; mn<-(130+3*140)/4; an<-3.5; bn<-b0+0.5*8+3*100/8
    //    sc<-sqrt(bn*(kn+1)/(an*kn)); mn+sc*qt(c(.05,.5,.95),7) → 126.66960839789041 137.5 148.33039160210959
    const u = updateDriver('price', 'normal', { mean: 130, sd: 10 }, { values: [140, 138, 142] });
    expect(u.method).toBe('normal-inverse-gamma');
    expect(u.hyperparameters).toEqual({ mu: 137.5, kappa: 4, alpha: 3.5, beta: 91.5 });
    expect(u.posterior.family).toBe('student');
    close(u.posterior.params.df, 7);
    close(u.posterior.params.location, 137.5);
    close(u.posterior.params.scale, 5.716517421347671);
    close(u.predictive.p5, 126.66960839789041, 8);
    close(u.predictive.p50, 137.5, 8);
    close(u.predictive.p95, 148.33039160210959, 8);
    expect(u.observations).toBe(3);
  });

  test('weight 0.5 makes each actual count half', () => {
    // R: w<-0.5; kn<-2.5; mn<-(130+1.5*140)/2.5; an<-2.75; bn<-50+0.25*8+1.5*100/5 → 82
    //    mn+sqrt(bn*(kn+1)/(an*kn))*qt(c(.05,.95),5.5) → 123.23757512959821 148.76242487040179
    const u = updateDriver('price', 'normal', { mean: 130, sd: 10 }, { values: [140, 138, 142] }, 0.5);
    expect(u.hyperparameters).toEqual({ mu: 136, kappa: 2.5, alpha: 2.75, beta: 82 });
    close(u.predictive.p5, 123.23757512959821, 8);
    close(u.predictive.p95, 148.76242487040179, 8);
  });

  test('lognormal2(1, 0.5): update on the logs, exact log-t percentiles', () => {
    // R: lx<-log(c(3.1,2.4,3.9,2.8)); kn<-5; mn<-(1+4*mean(lx))/5; an<-4; bn<-0.125+0.5*sum((lx-mean(lx))^2)+4*(mean(lx)-1)^2/10
    //    sc<-sqrt(bn*6/(an*5)); exp(mn+sc*qt(c(.05,.5,.95),8)) → 1.8854299736290381 2.9431880477594827 4.5943662748721144
    const u = updateDriver('volume', 'lognormal2', { mu: 1, sigma: 0.5 }, { values: [3.1, 2.4, 3.9, 2.8] });
    expect(u.method).toBe('lognormal normal-inverse-gamma');
    close(u.hyperparameters.mu, 1.07949336383235184);
    close(u.hyperparameters.beta, 0.19117997880072446);
    close(u.predictive.p5, 1.8854299736290381, 8);
    close(u.predictive.p50, 2.9431880477594827, 8);
    close(u.predictive.p95, 4.5943662748721144, 8);
    // Re-run driver: lognormal2 with the predictive's log-scale sd, sc*sqrt(8/6) → 0.2765356966474487
    expect(u.posterior.family).toBe('lognormal2');
    close(u.posterior.params.sigma, 0.2765356966474487);
    expect(u.notes.join(' ')).toContain('no mean');
  });

  test('lognormal by mean and sd is read through its log-scale parameters', () => {
    const a = updateDriver('v', 'lognormal', { mean: 50000, sd: 12000 }, { values: [52000, 61000] });
    const s2 = Math.log(1 + (12000 / 50000) ** 2);
    const b = updateDriver(
      'v',
      'lognormal2',
      { mu: Math.log(50000) - s2 / 2, sigma: Math.sqrt(s2) },
      { values: [52000, 61000] },
    );
    close(a.predictive.p50, b.predictive.p50, 6);
  });

  test('beta(2, 8) with 3/10 and 5/20 successes: Beta(10, 30)', () => {
    // R: qbeta(c(.05,.5,.95), 10, 30) → 0.14621863039059385 0.24580106752001279 0.36815290112883503
    const u = updateDriver('conversion', 'beta', { alpha: 2, beta: 8 }, { values: [3, 5], trials: [10, 20] });
    expect(u.method).toBe('beta-binomial');
    expect(u.posterior).toEqual({ family: 'beta', params: { alpha: 10, beta: 30, min: 0, max: 1 } });
    close(u.predictive.p5, 0.14621863039059385);
    close(u.predictive.p50, 0.24580106752001279);
    close(u.predictive.p95, 0.36815290112883503);
  });

  test('beta with rates only: each rate is one trial', () => {
    // R: qbeta(c(.05,.5,.95), 2.6, 9.4) → 0.059108264811506904 0.200618692734172321 0.429440983259548603
    const u = updateDriver('rate', 'beta', { alpha: 2, beta: 8 }, { values: [0.2, 0.4] });
    expect(u.hyperparameters).toEqual({ alpha: 2.6, beta: 9.4 });
    close(u.predictive.p5, 0.059108264811506904);
    close(u.predictive.p95, 0.429440983259548603);
    expect(u.notes[0]).toContain('one trial');
  });

  test('poisson(4) with counts 3, 5, 4: Gamma(16, 4), negative binomial predictive', () => {
    // R: qnbinom(c(.05,.5,.95), 16, 0.8) → 1 4 8; mean 16*0.2/0.8 = 4, variance 16*0.2/0.64 = 5
    const u = updateDriver('claims', 'poisson', { lambda: 4 }, { values: [3, 5, 4] });
    expect(u.method).toBe('gamma-poisson');
    expect(u.hyperparameters).toEqual({ shape: 16, rate: 4 });
    expect(u.posterior).toEqual({ family: 'negbinomial', params: { size: 16, prob: 0.8 } });
    expect([u.predictive.p5, u.predictive.p50, u.predictive.p95]).toEqual([1, 4, 8]);
    close(u.predictive.mean, 4);
    close(u.predictive.sd, Math.sqrt(5));
  });

  test('bernoulli(0.3) with 1, 0, 1, 1: Beta(3.6, 2.4), p = 0.6', () => {
    const u = updateDriver('win', 'bernoulli', { p: 0.3 }, { values: [1, 0, 1, 1] });
    expect(u.method).toBe('beta-bernoulli');
    close(u.hyperparameters.alpha, 3.6);
    close(u.hyperparameters.beta, 2.4);
    close(u.posterior.params.p, 0.6);
  });

  test('PERT has no conjugate pair: it is moment-matched to a normal and says so', () => {
    // R: a<-1+60/35; b<-1+80/35; m<-40+35*a/(a+b) → 55.833…; s<-35*sqrt(a*b/((a+b)^2*(a+b+1))) → 6.5843127662023013
    //    kn<-3; mn<-(m+2*61)/3; an<-3; bn<-s^2/2+0.5*2+2*(61-m)^2/6; mn+sqrt(bn*4/(an*3))*qt(c(.05,.95),6)
    //    → 51.998442955507620 66.557112600047944
    const u = updateDriver('cost', 'pert', { min: 40, mode: 55, max: 75 }, { values: [60, 62] });
    expect(u.method).toBe('moment-matched normal-inverse-gamma');
    close(u.predictive.p5, 51.99844295550762, 7);
    close(u.predictive.p95, 66.557112600047944, 7);
    expect(u.notes[0]).toContain('No conjugate pair for pert');
    // Its figures as FPA.DRIVER.UPDATE writes them by default, in the reader's style when given (the pane's).
    expect(u.notes[0]).toContain('its mean 55.833 and sd 6.584,');
    const fr = updateDriver('cost', 'pert', { min: 40, mode: 55, max: 75 }, { values: [60, 62] }, 1, {
      locale: 'fr-FR',
    });
    expect(fr.notes[0]).toContain('its mean 55,833 and sd 6,584,');
  });
});

describe('edge cases', () => {
  test('no actuals (all blank) returns the prior unchanged', () => {
    const u = updateDriver('price', 'normal', { mean: 130, sd: 10 }, { values: [null, Number.NaN] });
    expect(u.method).toBe('none');
    expect(u.posterior).toEqual({ family: 'normal', params: { mean: 130, sd: 10 } });
    close(u.predictive.p95, 130 + 10 * 1.6448536269514722);
  });
  test('blanks between actuals are skipped', () => {
    const a = updateDriver('p', 'normal', { mean: 0, sd: 1 }, { values: [1, null, 2] });
    const b = updateDriver('p', 'normal', { mean: 0, sd: 1 }, { values: [1, 2] });
    expect(a.hyperparameters).toEqual(b.hyperparameters);
  });
  test('one actual moves the mean halfway (the prior is worth one observation)', () => {
    expect(updateDriver('p', 'normal', { mean: 100, sd: 10 }, { values: [120] }).hyperparameters.mu).toBe(110);
  });
  test('huge magnitudes stay exact (Welford sums)', () => {
    const u = updateDriver('p', 'normal', { mean: 1e12, sd: 1 }, { values: [1e12 + 1, 1e12 + 2, 1e12 + 3] });
    close(u.hyperparameters.mu, 1e12 + 1.5, 3);
    // β = sd²/2 + ½Σ(x − x̄)² + κ₀n(x̄ − μ₀)²/(2κₙ) = 0.5 + 1 + 3·2²/8
    close(u.hyperparameters.beta, 0.5 + 1 + (3 * 4) / 8, 6);
  });
  test.each([
    ['lognormal2', { mu: 0, sigma: 1 }, [1, -2], 'must all be above 0'],
    ['poisson', { lambda: 2 }, [1, 2.5], 'whole numbers'],
    ['bernoulli', { p: 0.4 }, [1, 2], '0 or 1'],
    ['beta', { alpha: 1, beta: 1 }, [1.2], 'outside [0, 1]'],
    ['discrete', { values: [1, 2], probabilities: [0.5, 0.5] }, [1], 'no update is defined for a discrete driver'],
    ['weibull', {}, [1], 'SCENARIO_UNKNOWN_DISTRIBUTION'],
  ] as [string, Record<string, number | number[]>, number[], string][])('%s %j with %j → %s', (f, p, v, text) => {
    expect(code(() => updateDriver('d', f, p, { values: v }))).toContain(text);
  });
  test('successes above trials are refused naming the period', () => {
    expect(
      code(() => updateDriver('d', 'beta', { alpha: 1, beta: 1 }, { values: [3, 12], trials: [10, 10] })),
    ).toContain('period 2');
  });
  test('weight must be above 0', () => {
    expect(code(() => updateDriver('d', 'normal', { mean: 0, sd: 1 }, { values: [1] }, 0))).toContain(
      'SCENARIO_BAD_SPEC',
    );
  });
});

test('a Student-t prior without a variance (df ≤ 2) cannot be moment-matched', () => {
  expect(code(() => updateDriver('d', 'student', { df: 2 }, { values: [1] }))).toContain('infinite variance');
});
