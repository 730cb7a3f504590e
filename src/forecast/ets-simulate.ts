import { quantileSorted } from '../stats/quantile-sorted';
import { SeededGenerator } from '../stats/seeded-generator';
import type { EtsFit } from './ets-fit';

/**
 * Simulated prediction quantiles of a fitted ETS model (for classes without a closed-form
 * variance, e.g. multiplicative seasonality): `paths` future sample paths from the final state with
 * Gaussian errors of variance σ² (relative errors under multiplicative error), drawn from the seeded
 * generator's "forecast:ets-paths" stream (the same bits in every engine). Returns, for each
 * probability in `probs`, the empirical quantile (the one definition, R type 7) per step.
 */
export function etsSimulatedQuantiles(
  fit: EtsFit,
  h: number,
  probs: ReadonlyArray<number>,
  seed: number,
  paths = 2000,
): Float64Array[] {
  const { spec, params } = fit;
  const rnd = new SeededGenerator(seed, 'forecast:ets-paths');
  const sd = Math.sqrt(Math.max(fit.sigma2, 0));
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.period : 1;
  const off = hasTrend ? 2 : 1;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const draws = Array.from({ length: h }, () => new Float64Array(paths));
  const ring = new Float64Array(m);
  for (let p = 0; p < paths; p++) {
    let l = fit.finalState[0];
    let b = hasTrend ? fit.finalState[1] : 0;
    if (seasonal) ring.set(fit.finalState.subarray(off, off + m));
    let head = 0;
    for (let k = 0; k < h; k++) {
      const idx = seasonal ? (head + m - 1) % m : 0;
      const s = seasonal ? ring[idx] : 0;
      const q = l + phi * b;
      const mu = !seasonal ? q : spec.season === 'M' ? q * s : q + s;
      const eps = sd * rnd.nextNormal();
      const e = spec.error === 'M' ? mu * eps : eps;
      draws[k][p] = mu + e;
      // Error-correction updates: the same state equations as the filter with y = mu + e.
      const r = spec.season === 'M' ? e / s : e;
      const lNew = q + params.alpha * r;
      if (hasTrend) b = phi * b + params.beta * r;
      if (seasonal) {
        ring[idx] = s + params.gamma * (spec.season === 'M' ? e / q : e);
        head = idx;
      }
      l = lNew;
    }
  }
  // Each step's draws are sorted once, then read at every probability.
  const out = probs.map(() => new Float64Array(h));
  for (let k = 0; k < h; k++) {
    const d = draws[k].sort();
    probs.forEach((pr, i) => (out[i][k] = quantileSorted(d, pr)));
  }
  return out;
}
