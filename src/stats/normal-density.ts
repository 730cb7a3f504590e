/**
 * The standard normal density φ(z) = e^(−z²/2)/√(2π), with the deterministic exponential so that
 * it gives the same bits in every engine (it is the slope of the normal quantile in the scenario
 * sampler's interpolation, src/scenario/special/sorted-inverse.ts).
 */
import { detExp } from './deterministic-math';

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Standard normal density φ(z); 0 for ±∞.
 * @example normalDensity(0) // 0.3989422804014327 (R: dnorm(0))
 * @example normalDensity(1.96) // 0.05844094433345147 (R: dnorm(1.96))
 */
export function normalDensity(z: number): number {
  return Number.isFinite(z) ? INV_SQRT_2PI * detExp(-0.5 * z * z) : 0;
}
