import type { AutocovarianceScratch } from './arima-stationary-covariance';

// Math functions bound once: global lookups are slow in vm sandboxes (jest), and this runs in every gradient.
const { abs } = Math;

/** Scratch arrays for `autocovarianceTangent` (the tangents of AutocovarianceScratch's arrays). */
export interface AutocovarianceTangentScratch {
  nested: Float64Array;
  gammaAr: Float64Array;
  cu: Float64Array;
}

export const autocovarianceTangentScratch = (p: number, q: number, maxLag: number): AutocovarianceTangentScratch => ({
  nested: new Float64Array(Math.max(p * p, 1)),
  gammaAr: new Float64Array(maxLag + q + 2),
  cu: new Float64Array(q + 1),
});

/**
 * Directional derivative of `armaAutocovariances` (arima-stationary-covariance.ts): the change of the
 * ψ-weights ψ₀..ψ_L and autocovariances γ(0..L) when φ and θ move in the direction (dφ, dθ), by
 * forward differentiation of the same steps (the ψ recursion, the Levinson–Durbin recursion down and
 * up, the MA convolution). `armaAutocovariances(phi, theta, maxLag, gamma, psi, scratch)` must have
 * run first with the same arguments: its ψ, its scratch (the nested AR coefficients and reflection
 * coefficients) and γ are read here. Writes dγ into `dgamma` and dψ into `dpsi`.
 * @example autocovarianceTangent([0.5], [], [1], [], 0, g, psi, s, dg, dpsi, t) // dγ(0) = ∂(1/(1 − φ²))/∂φ = 1.78
 */
export function autocovarianceTangent(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  dphi: ArrayLike<number>,
  dtheta: ArrayLike<number>,
  maxLag: number,
  psi: Float64Array,
  scratch: AutocovarianceScratch,
  dgamma: Float64Array,
  dpsi: Float64Array,
  tangent: AutocovarianceTangentScratch,
): void {
  const p = phi.length;
  const q = theta.length;
  const { nested, reflection } = scratch;
  const dnested = tangent.nested;
  const drho = tangent.gammaAr;
  for (let j = 0; j <= maxLag; j++) {
    let v = j >= 1 && j <= q ? dtheta[j - 1] : 0;
    for (let i = 1; i <= p && i <= j; i++) v += dphi[i - 1] * psi[j - i] + phi[i - 1] * dpsi[j - i];
    dpsi[j] = v;
  }
  const L = maxLag + q;
  let arMoves = false;
  for (let i = 0; i < p; i++) if (dphi[i] !== 0) arMoves = true;
  const rho = scratch.gammaAr;
  const drhoOut = tangent.gammaAr;
  if (!arMoves) {
    // Only θ moves: γ_AR is unchanged.
    drhoOut.fill(0, 0, L + 1);
    maTangent(theta, dtheta, maxLag, scratch, tangent, dgamma);
    return;
  }
  // Step down: the nested rows' tangents, and g0 = 1/∏(1 − κₖ²) with its tangent.
  for (let j = 0; j < p; j++) dnested[(p - 1) * p + j] = dphi[j];
  let g0 = 1;
  let dg0 = 0;
  for (let k = p; k >= 1; k--) {
    const row = (k - 1) * p;
    const kk = reflection[k - 1];
    const dkk = dnested[row + k - 1];
    const den = 1 - kk * kk;
    const dden = -2 * kk * dkk;
    g0 /= den;
    dg0 = (dg0 - g0 * dden) / den;
    const below = (k - 2) * p;
    for (let j = 1; j < k; j++) {
      const dnum = dnested[row + j - 1] + dkk * nested[row + k - j - 1] + kk * dnested[row + k - j - 1];
      dnested[below + j - 1] = (dnum - nested[below + j - 1] * dden) / den;
    }
  }
  // Step up on the unscaled ρ (scratch.gammaAr holds γ_AR = g0·ρ): dρ, then d(g0·ρ) = dg0·ρ + g0·dρ.
  drho[0] = 0;
  for (let k = 1; k <= L; k++) {
    let v = 0;
    if (k <= p) {
      const row = (k - 1) * p;
      for (let j = 1; j <= k; j++) v += dnested[row + j - 1] * (rho[k - j] / g0) + nested[row + j - 1] * drho[k - j];
    } else {
      for (let i = 1; i <= p; i++) v += dphi[i - 1] * (rho[k - i] / g0) + phi[i - 1] * drho[k - i];
    }
    drho[k] = v;
  }
  // drho now holds dρ; turn it into dγ_AR in place.
  for (let k = 0; k <= L; k++) drho[k] = dg0 * (rho[k] / g0) + g0 * drho[k];
  maTangent(theta, dtheta, maxLag, scratch, tangent, dgamma);
}

/** dγ from dγ_AR (in tangent.gammaAr) and the MA part's autocovariances and their tangents. */
function maTangent(
  theta: ArrayLike<number>,
  dtheta: ArrayLike<number>,
  maxLag: number,
  scratch: AutocovarianceScratch,
  tangent: AutocovarianceTangentScratch,
  dgamma: Float64Array,
): void {
  const q = theta.length;
  const rho = scratch.gammaAr;
  const drho = tangent.gammaAr;
  const dcu = tangent.cu;
  for (let j = 0; j <= q; j++) {
    let v = j === 0 ? 0 : dtheta[j - 1];
    for (let i = 1; i + j <= q; i++) v += dtheta[i - 1] * theta[i + j - 1] + theta[i - 1] * dtheta[i + j - 1];
    dcu[j] = v;
  }
  const cu = scratch.cu;
  for (let k = 0; k <= maxLag; k++) {
    let v = dcu[0] * rho[k] + cu[0] * drho[k];
    for (let j = 1; j <= q; j++) {
      const s = rho[k + j] + rho[abs(k - j)];
      const ds = drho[k + j] + drho[abs(k - j)];
      v += dcu[j] * s + cu[j] * ds;
    }
    dgamma[k] = v;
  }
}
