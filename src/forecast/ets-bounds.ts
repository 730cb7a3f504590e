import type { EtsParams, EtsSpec } from './ets-model';
// Math and Infinity are bound once: global lookups are slow inside vm sandboxes (jest), and this is a hot path.
const { max } = Math;

/** R ets()'s "usual" bounds: lower and upper for alpha, beta, gamma, phi. */
export const USUAL_LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 } as const;
export const USUAL_UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 } as const;

/**
 * Whether smoothing parameters lie in R ets()'s default region (bounds = "both"): the usual region
 * 0 < beta ≤ alpha < 1, 0 < gamma ≤ 1 − alpha, 0.8 ≤ phi ≤ 0.98, intersected with the closed-form
 * conditions of the admissible (forecastable) region of Hyndman et al. (2008, ch. 10).
 * The characteristic-root test R adds for seasonal models is not applied: inside the usual region
 * it rarely binds.
 */
export function parametersAllowed(spec: EtsSpec, p: EtsParams): boolean {
  const { alpha } = p;
  if (!(alpha >= USUAL_LOWER.alpha && alpha <= USUAL_UPPER.alpha)) return false;
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const beta = hasTrend ? p.beta : 0;
  if (hasTrend && !(beta >= USUAL_LOWER.beta && beta <= alpha && beta <= USUAL_UPPER.beta)) return false;
  if (spec.trend === 'Ad' && !(phi >= USUAL_LOWER.phi && phi <= USUAL_UPPER.phi)) return false;
  if (seasonal) {
    const g = p.gamma;
    if (!(g >= USUAL_LOWER.gamma && g <= 1 - alpha && g <= USUAL_UPPER.gamma)) return false;
    const m = spec.period;
    if (g < max(1 - 1 / phi - alpha, 0) || g > 1 + 1 / phi - alpha) return false;
    if (alpha < 1 - 1 / phi - (g * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
    if (beta < -(1 - phi) * (g / m + alpha)) return false;
  } else {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
  }
  return true;
}
