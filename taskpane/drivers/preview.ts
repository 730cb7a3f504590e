/** Data for the distribution preview: an exact histogram from evenly spaced quantiles, and P5/P50/P95. */
import type { Distribution } from '../../src/scenario/distributions/types';
import { binValues, Histogram } from '../results/histogram';

export interface Preview {
  histogram: Histogram;
  p5: number;
  p50: number;
  p95: number;
}

/**
 * Quantiles at p = (i + ½)/n are a perfectly stratified sample, so their histogram is the
 * distribution's shape without random noise. The extreme 0.5 % each side are left out so long tails
 * do not flatten the picture.
 */
export function previewOf(distribution: Distribution, points = 1000, bins = 24): Preview {
  const u = new Float64Array(points);
  for (let i = 0; i < points; i++) u[i] = 0.005 + (0.99 * (i + 0.5)) / points;
  const x = new Float64Array(points);
  distribution.quantiles(u, x);
  return {
    histogram: binValues(x, bins),
    p5: distribution.quantile(0.05),
    p50: distribution.quantile(0.5),
    p95: distribution.quantile(0.95),
  };
}
