import fixtures from '../fixtures/r-quantiles.json';
import { DISTRIBUTION_NAMES, makeDistribution } from '../../../src/scenario/distributions/catalogue';
import { DistributionParams } from '../../../src/scenario/distributions/types';
import { SeededGenerator } from '../../../src/stats/seeded-generator';
import { fpaMessageOf as message } from '../../fpa-error-of';

interface Case {
  family: string;
  params: DistributionParams;
  call: string;
  p: number[];
  q: number[];
}
const cases = (fixtures as { cases: Case[] }).cases;

describe('quantiles agree with R (fixtures from scripts/r/make-scenario-fixtures.R)', () => {
  test.each(cases.map((c) => [`${c.family} ${JSON.stringify(c.params)} — R: ${c.call}`, c] as const))('%s', (_, c) => {
    const d = makeDistribution('x', c.family, c.params);
    const vectorised = new Float64Array(c.p.length);
    d.quantiles(Float64Array.from(c.p), vectorised);
    c.p.forEach((p, i) => {
      const expected = c.q[i];
      const tolerance = 1e-10 * Math.max(1, Math.abs(expected));
      expect(Math.abs(d.quantile(p) - expected)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(vectorised[i] - expected)).toBeLessThanOrEqual(tolerance);
    });
  });
});

/** One representative parameter set per family, for moments and the KS test. */
const FAMILIES: [string, DistributionParams][] = [
  ['normal', { mean: 130, sd: 10 }],
  ['truncnormal', { mean: 0, sd: 1, min: -0.5, max: 2 }],
  ['lognormal', { mean: 50000, sd: 12000 }],
  ['lognormal2', { mu: 0, sigma: 0.4 }],
  ['uniform', { min: 0.01, max: 0.06 }],
  ['triangular', { min: 40, mode: 55, max: 75 }],
  ['pert', { min: 500000, mode: 800000, max: 1500000 }],
  ['beta', { alpha: 2, beta: 5 }],
  ['gamma', { shape: 2.5, scale: 3 }],
  ['student', { df: 7, location: 1, scale: 2 }],
  ['discrete', { values: [0, 250000, 1000000], probabilities: [0.6, 0.3, 0.1] }],
  ['bernoulli', { p: 0.3 }],
  ['poisson', { lambda: 4 }],
  ['negbinomial', { size: 3.5, prob: 0.4 }],
];

describe('samples by inverse CDF: moments match the closed form and a KS test passes (seed 7, n = 20000)', () => {
  const n = 20000;
  test.each(FAMILIES)('%s %j', (family, params) => {
    const d = makeDistribution('x', family, params);
    const rng = new SeededGenerator(7, family);
    const u = new Float64Array(n).map(() => rng.nextOpen01());
    const x = new Float64Array(n);
    d.quantiles(u, x);
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    const sd = Math.sqrt(d.variance());
    // 5 standard errors for the mean; 10% for the variance (Student-t with df 7 has heavy tails).
    expect(Math.abs(mean - d.mean())).toBeLessThan((5 * sd) / Math.sqrt(n));
    expect(Math.abs(variance / d.variance() - 1)).toBeLessThan(0.1);
    // Kolmogorov–Smirnov: D = sup |F_n − F|, critical value 1.63/√n at the 1% level.
    const sorted = Float64Array.from(x).sort();
    let dStat = 0;
    for (let i = 0; i < n; i++) {
      if (i + 1 < n && sorted[i + 1] === sorted[i]) continue; // evaluate the ECDF after each jump
      const f = d.cdf(sorted[i]);
      dStat = Math.max(dStat, Math.abs((i + 1) / n - f));
      if (!d.discrete) dStat = Math.max(dStat, Math.abs(f - i / n));
    }
    expect(dStat).toBeLessThan(1.63 / Math.sqrt(n));
  });
});

describe('closed-form moments', () => {
  test('PERT mean is (min + 4·mode + max)/6', () => {
    // (500000 + 4·800000 + 1500000)/6 = 866666.67
    expect(makeDistribution('m', 'pert', { min: 500000, mode: 800000, max: 1500000 }).mean()).toBeCloseTo(
      866666.6667,
      3,
    );
  });
  test('lognormal by mean/sd reproduces them', () => {
    const d = makeDistribution('v', 'lognormal', { mean: 50000, sd: 12000 });
    expect(d.mean()).toBeCloseTo(50000, 6);
    expect(Math.sqrt(d.variance())).toBeCloseTo(12000, 6);
  });
  test('truncated normal on [0, ∞) has mean √(2/π)', () => {
    expect(makeDistribution('t', 'truncnormal', { mean: 0, sd: 1, min: 0 }).mean()).toBeCloseTo(
      Math.sqrt(2 / Math.PI),
      12,
    );
  });
  test('far-tail truncation keeps precision: N(0,1) on [8, 9] median', () => {
    const d = makeDistribution('t', 'truncnormal', { mean: 0, sd: 1, min: 8, max: 9 });
    const median = d.quantile(0.5);
    expect(median).toBeGreaterThan(8);
    expect(median).toBeLessThan(8.2);
    expect(d.cdf(median)).toBeCloseTo(0.5, 8);
  });
  test('quantile edges: 0 and 1 map to the support ends', () => {
    expect(makeDistribution('u', 'uniform', { min: 2, max: 3 }).quantile(0)).toBe(2);
    expect(makeDistribution('b', 'beta', { alpha: 2, beta: 2 }).quantile(1)).toBe(1);
    expect(makeDistribution('n', 'normal', { mean: 0, sd: 1 }).quantile(0)).toBe(-Infinity);
  });
});

describe('parameter validation', () => {
  test('PERT: min must be ≤ mode ≤ max', () => {
    expect(message(() => makeDistribution('marketing', 'pert', { min: 5, mode: 1, max: 10 }))).toBe(
      'SCENARIO_BAD_PARAMETER: Driver "marketing": PERT: min must be ≤ mode ≤ max with min < max (got 5, 1, 10).',
    );
  });
  test.each([
    ['normal', { mean: 1, sd: -1 }, 'sd must be > 0'],
    ['normal', { mean: 1 }, 'parameter "sd" is missing'],
    ['normal', { mean: 1, sd: 1, sigma: 2 }, 'unknown parameter "sigma"'],
    ['uniform', { min: 3, max: 1 }, 'min must be < max'],
    ['discrete', { values: [1, 2], probabilities: [0.5, 0.6] }, 'must sum to 1'],
    ['discrete', { values: [1, 2], probabilities: [1] }, 'same length'],
    ['discrete', { values: [1, 2], probabilities: [1.5, -0.5] }, 'must not be negative'],
    ['bernoulli', { p: 1.5 }, 'between 0 and 1'],
    ['poisson', { lambda: 0 }, 'lambda must be > 0'],
    ['negbinomial', { size: 2, prob: 0 }, 'prob must be above 0'],
    ['negbinomial', { size: -1, prob: 0.5 }, 'size must be > 0'],
    ['gamma', { shape: 2, scale: Number.NaN }, 'must be a number'],
    ['student', { df: 0 }, 'df must be > 0'],
    // Beyond 1e7 the CDF's series costs ~√λ terms per trial (lambda 1e12: 3 minutes for 2,000 trials).
    ['poisson', { lambda: 1e9 }, 'lambda must be at most 10,000,000; got 1000000000'],
    ['gamma', { shape: 2e7, scale: 1 }, 'shape must be at most 10,000,000'],
    // A range 40 sd above the mean holds no representable mass: every trial used to be 50.
    ['truncnormal', { mean: 0, sd: 1, min: 40, max: 50 }, 'min and max lie 40 sd above the mean'],
    ['truncnormal', { mean: 0, sd: 1, min: -50, max: -40 }, 'min and max lie 40 sd below the mean'],
  ] as [string, DistributionParams, string][])('%s %j → %s', (family, params, text) => {
    expect(message(() => makeDistribution('d', family, params))).toContain(text);
  });
  test('unknown family lists the known ones', () => {
    expect(message(() => makeDistribution('d', 'weibull', {}))).toContain('SCENARIO_UNKNOWN_DISTRIBUTION');
  });
  test('aliases and case are accepted', () => {
    expect(makeDistribution('d', 'Truncated_Normal', { mean: 0, sd: 1, min: 0 }).family).toBe('truncnormal');
    expect(makeDistribution('d', 'T', { df: 3 }).family).toBe('student');
    expect(DISTRIBUTION_NAMES).toContain('poisson');
    expect(makeDistribution('d', 'NBinom', { size: 2, prob: 0.5 }).family).toBe('negbinomial');
  });
  test('gamma accepts rate instead of scale', () => {
    expect(makeDistribution('g', 'gamma', { shape: 2, rate: 4 }).mean()).toBe(0.5);
  });

  test('far but representable tails: a truncated normal 36 sd out sits just above its bound', () => {
    // E[X | X > a] ≈ a + 1/a for a standard normal far out (Mills ratio); every trial used to be clamped
    // to the far bound once the tail mass underflowed.
    const d = makeDistribution('t', 'truncnormal', { mean: 0, sd: 1, min: 36, max: 50 });
    expect(d.quantile(0.5)).toBeCloseTo(36 + Math.LN2 / 36, 3);
    expect(d.quantile(0.999)).toBeLessThan(36.3);
  });
  test('student with huge df: the normal quantiles (scipy.stats.t.ppf([1e-9, 0.05, 0.2], 1e9))', () => {
    // python3 -c "import scipy.stats as st; print(st.t.ppf([1e-9, 0.05, 0.2], 1e9))"
    const d = makeDistribution('t', 'student', { df: 1e9 });
    expect(d.quantile(1e-9)).toBeCloseTo(-5.9978070704, 8);
    expect(d.quantile(0.05)).toBeCloseTo(-1.6448536285, 8); // was -1.378 (incomplete beta at a = 5e8)
    expect(d.quantile(0.2)).toBeCloseTo(-0.8416212339, 8);
    expect(makeDistribution('t', 'student', { df: 1e6 }).quantile(0.05)).toBeCloseTo(-1.6448551507, 8);
  });
  test('gamma with a large shape: quantiles equal scipy.special.gammaincinv', () => {
    // python3 -c "import scipy.special as s; print([s.gammaincinv(1e6, p) for p in (0.05, 0.2)])"
    const d = makeDistribution('g', 'gamma', { shape: 1e6, scale: 1 });
    expect(d.quantile(0.05)).toBeCloseTo(998355.7150837178, 3); // was 998399.1
    expect(d.quantile(0.2)).toBeCloseTo(999158.2816889615, 3); // was 999311.7
  });
});
