/**
 * Bounded continuous families: uniform, triangular, beta (optionally rescaled to [min, max]) and
 * PERT (a beta on [min, max] with shape parameters set from the mode).
 */
import { betaQuantilesSorted, incompleteBeta, inverseIncompleteBeta, lnBeta } from '../special/beta';
import { Distribution, mapQuantiles } from './types';

/**
 * Uniform on [min, max].
 * @example uniform(0.01, 0.06).quantile(0.5) // 0.035
 */
export function uniform(min: number, max: number): Distribution {
  const width = max - min;
  const quantile = (p: number): number => min + p * width;
  return {
    family: 'uniform',
    discrete: false,
    mean: () => 0.5 * (min + max),
    variance: () => (width * width) / 12,
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : (x - min) / width),
    quantile,
    quantiles(u, out) {
      for (let i = 0; i < u.length; i++) out[i] = min + u[i] * width;
    },
  };
}

/**
 * Triangular on [min, max] with peak at mode.
 * @example triangular(0, 1, 2).quantile(0.5) // 1
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  const width = max - min;
  const split = (mode - min) / width;
  const left = width * (mode - min);
  const right = width * (max - mode);
  const quantile = (p: number): number => (p < split ? min + Math.sqrt(p * left) : max - Math.sqrt((1 - p) * right));
  return {
    family: 'triangular',
    discrete: false,
    mean: () => (min + mode + max) / 3,
    variance: () => (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
    cdf: (x) => {
      if (x <= min) return 0;
      if (x >= max) return 1;
      return x <= mode ? ((x - min) * (x - min)) / left : 1 - ((max - x) * (max - x)) / right;
    },
    quantile,
    quantiles: (u, out) => mapQuantiles({ quantile }, u, out),
  };
}

/**
 * Beta(alpha, beta) rescaled to [min, max] (default [0, 1]).
 * @example beta(2, 3).quantile(0.5) // 0.38572756813238945 (R: qbeta(0.5, 2, 3))
 */
export function beta(alpha: number, betaShape: number, min = 0, max = 1, family = 'beta'): Distribution {
  const width = max - min;
  const lnB = lnBeta(alpha, betaShape);
  const unit = (p: number): number => inverseIncompleteBeta(p, alpha, betaShape, undefined, lnB);
  const s = alpha + betaShape;
  return {
    family,
    discrete: false,
    mean: () => min + (width * alpha) / s,
    variance: () => (width * width * alpha * betaShape) / (s * s * (s + 1)),
    cdf: (x) => incompleteBeta((x - min) / width, alpha, betaShape, lnB),
    quantile: (p) => min + width * unit(p),
    quantiles(u, out) {
      betaQuantilesSorted(u, out, alpha, betaShape, lnB);
      for (let i = 0; i < out.length; i++) out[i] = min + width * out[i];
    },
  };
}

/**
 * PERT(min, mode, max) with shape λ (classic PERT: λ = 4): a beta on [min, max] with
 * α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min), so the mean is
 * (min + λ·mode + max)/(λ + 2).
 * @example pert(0, 1, 2).mean() // 1
 */
export function pert(min: number, mode: number, max: number, shape = 4): Distribution {
  const width = max - min;
  return beta(1 + (shape * (mode - min)) / width, 1 + (shape * (max - mode)) / width, min, max, 'pert');
}
