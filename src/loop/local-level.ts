/**
 * A robust local-level filter: the state-space form of simple exponential smoothing (ETS(A,N,N)),
 *   y_t = L_t + ε_t, ε ~ Normal(0, R);  L_t = L_{t−1} + η_t, η ~ Normal(0, Q),
 * with the Kalman filter's innovations clipped at 2.5 standard deviations, so a one-off outlier moves
 * the level by a bounded amount (a Huber-type robust filter: Ruckdeschel, Spangl and Pupashenko 2014).
 * R comes from the median absolute first difference (MAD²·1.4826²/2, which a level shift or a spike
 * barely moves); the signal-to-noise ratio Q/R is chosen on a log grid by the (clipped) likelihood.
 */
import { MAD_TO_SD } from '../stats/mad';
import { median } from '../stats/median';

export interface LevelEstimate {
  /** The filtered level after the last observation. */
  level: number;
  /** Its variance. */
  variance: number;
  /** Level noise per period. */
  q: number;
  /** Observation noise. */
  r: number;
}

export interface LevelPrior {
  level: number;
  variance: number;
}

const RATIOS = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
const CLIP = 2.5;

function filter(y: ReadonlyArray<number>, prior: LevelPrior, q: number, r: number) {
  let level = prior.level;
  let p = prior.variance;
  let loglik = 0;
  for (const v of y) {
    p += q;
    const s = p + r;
    const bound = CLIP * Math.sqrt(s);
    const innovation = Math.max(-bound, Math.min(bound, v - level));
    loglik -= 0.5 * (Math.log(s) + (innovation * innovation) / s);
    const gain = p / s;
    level += gain * innovation;
    p *= 1 - gain;
  }
  return { level, variance: p, loglik };
}

/**
 * Filters `y` (no gaps; skip missing values before calling) from `prior`.
 * @param minNoise a floor on R, for series that happen to be exactly flat
 * @example localLevel([1, 1.02, 0.99, 1.01, 1.2, 1.21, 1.19], { level: 1, variance: 0.01 }).level // ≈ 1.17
 */
export function localLevel(y: ReadonlyArray<number>, prior: LevelPrior, minNoise = 1e-8): LevelEstimate {
  if (y.length === 0) return { level: prior.level, variance: prior.variance, q: 0, r: minNoise };
  const differences: number[] = [];
  for (let t = 1; t < y.length; t++) differences.push(Math.abs(y[t] - y[t - 1]));
  const r =
    differences.length >= 3
      ? Math.max(minNoise, (MAD_TO_SD * median(differences)) ** 2 / 2)
      : Math.max(minNoise, prior.variance);
  let best: (ReturnType<typeof filter> & { q: number }) | undefined;
  for (const ratio of RATIOS) {
    const run = { ...filter(y, prior, ratio * r, r), q: ratio * r };
    if (!best || run.loglik > best.loglik) best = run;
  }
  const chosen = best as ReturnType<typeof filter> & { q: number };
  return { level: chosen.level, variance: chosen.variance, q: chosen.q, r };
}
