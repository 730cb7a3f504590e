/**
 * The statistics every engine shares (../shared/ARCHITECTURE.md, `src/stats/`). One concept per
 * file; engines import from the file, this index lists them by topic.
 */

// Normal distribution (AS 241 quantile, incomplete-gamma CDF; deterministic in every engine)
export { normalDensity } from './normal-density';
export { normalCdf } from './normal-cdf';
export { normalQuantile } from './normal-quantile';

// Gamma-function family (the normal CDF and the gamma, Student-t and Poisson samplers use it)
export { gammaP, gammaQ, inverseGammaP, lnGamma } from './gamma-functions';

// Seeded randomness and hashing
export { SeededGenerator } from './seeded-generator';
export { fnv1a } from './fnv1a';

// Quantiles: one definition (R type 7 = Excel PERCENTILE.INC)
export { quantileSorted } from './quantile-sorted';
export { quantile } from './quantile';
export { percentiles } from './percentiles';
export { selectInPlace } from './select-in-place';

// Robust location and scale
export { median } from './median';
export { medianSorted } from './median-sorted';
export { mad, MAD_TO_SD } from './mad';

// Shapes of a sample
export { histogram } from './histogram';
export type { Histogram } from './histogram';

// Engine-independent elementary functions
export { detExp, detLog, detLog1p, detPow, detSinSmall } from './deterministic-math';
