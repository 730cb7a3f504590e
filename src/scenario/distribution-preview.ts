/**
 * The picture of a driver's distribution the Drivers pane shows while it is being edited: an exact
 * histogram of its shape and its P5, P50 and P95.
 */
import { histogram, Histogram } from '../stats/histogram';
import type { Distribution } from './distributions/types';

export interface DistributionPreview {
  histogram: Histogram;
  p5: number;
  p50: number;
  p95: number;
}

/** Probability left out at each end of the histogram, so long tails do not flatten the picture. */
const TAIL = 0.005;

/**
 * Quantiles at p = TAIL + (1 − 2·TAIL)·(i + ½)/points are a perfectly stratified sample of the
 * distribution between its 0.5% and 99.5% quantiles, so their histogram is its shape without random
 * noise. The percentiles are the distribution's exact quantiles (not the sample's).
 * @param points quantiles computed for the histogram @default 1000
 * @param bins histogram bins @default 24
 * @example distributionPreview(makeDistribution('x', 'normal', { mean: 0, sd: 1 })).p95 // 1.6448536269514715
 */
export function distributionPreview(distribution: Distribution, points = 1000, bins = 24): DistributionPreview {
  const u = new Float64Array(points);
  for (let i = 0; i < points; i++) u[i] = TAIL + ((1 - 2 * TAIL) * (i + 0.5)) / points;
  const x = new Float64Array(points);
  distribution.quantiles(u, x);
  return {
    histogram: histogram(x, bins),
    p5: distribution.quantile(0.05),
    p50: distribution.quantile(0.5),
    p95: distribution.quantile(0.95),
  };
}
