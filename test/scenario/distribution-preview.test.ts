import { makeDistribution } from '../../src/scenario/distributions/catalogue';
import { distributionPreview } from '../../src/scenario/distribution-preview';

describe('distributionPreview', () => {
  const normal = makeDistribution('price', 'normal', { mean: 130, sd: 10 });

  it('gives the exact P5, P50 and P95 of the distribution', () => {
    // R: qnorm(c(0.05, 0.5, 0.95), 130, 10) = 113.55146373048528, 130, 146.44853626951472
    const p = distributionPreview(normal);
    expect(p.p5).toBeCloseTo(113.55146373048528, 10);
    expect(p.p50).toBe(130);
    expect(p.p95).toBeCloseTo(146.44853626951472, 10);
  });

  it('histograms evenly spaced quantiles between the 0.5% and 99.5% points: a noise-free, symmetric shape', () => {
    const { histogram } = distributionPreview(normal, 1000, 24);
    // The first quantile is at p = 0.005 + 0.99 · 0.5/1000; R: -qnorm(0.005 + 0.99 * 0.5 / 1000) = 2.54301662476
    expect(histogram.edges[0]).toBeCloseTo(130 - 10 * 2.54301662476, 8);
    expect(histogram.edges[24]).toBeCloseTo(130 + 10 * 2.54301662476, 8);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    histogram.counts.forEach((c, i) => expect(Math.abs(c - histogram.counts[23 - i])).toBeLessThanOrEqual(1));
    expect(Math.max(...histogram.counts)).toBe(Math.max(histogram.counts[11], histogram.counts[12]));
  });

  it('a discrete family gives spikes at its values; a single value gives one bin', () => {
    // Points at p < 0.7 are 0: (0.7 − 0.005)/0.99 · 1000 = 702.02 → 702 zeros, 298 ones.
    const coin = distributionPreview(makeDistribution('c', 'bernoulli', { p: 0.3 }), 1000, 10);
    expect(coin.histogram.counts[0]).toBe(702);
    expect(coin.histogram.counts[9]).toBe(298);
    expect(coin.p50).toBe(0);
    const fixed = distributionPreview(makeDistribution('k', 'discrete', { values: [2], probabilities: [1] }), 10, 5);
    expect(fixed.histogram).toEqual({ edges: [2, 2], counts: [10] });
  });
});
