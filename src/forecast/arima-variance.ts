import { arimaGradtrans } from './arima-params';
import type { ArimaProblem } from './arima-objective';
import { ArimaFailure, cssObjective, likelihoodObjective } from './arima-objective';
import type { BfgsOptions } from './optim-bfgs';
import { optimHessian } from './optim-bfgs';

const { abs, max } = Math;
const { EPSILON, isFinite } = Number;

/**
 * Variance matrix of the free coefficients as R's `arima` reports it (`var.coef`): the inverse of
 * n.used × the finite-difference Hessian of the objective at the estimate, mapped through the
 * Jacobian of the AR transform when the search ran on transformed values (Aᵀ (nH)⁻¹ A). With
 * `gradient` the Hessian is the central differences of that gradient (R's optimHess with `gr`).
 * forecast's `auto.arima` rejects a model whose variance has a negative diagonal entry.
 * @throws ArimaFailure when the Hessian is singular to working precision (R's solve() fails).
 */
export function coefficientVariance(
  pb: ArimaProblem,
  free: Float64Array,
  coef: Float64Array,
  freeScale: Float64Array,
  nUsed: number,
  transformed: boolean,
  objective: 'ml' | 'css' = 'ml',
  gradient?: BfgsOptions['gradient'],
): Float64Array {
  const fn =
    objective === 'css'
      ? (x: ArrayLike<number>) => cssObjective(pb, x)
      : (x: ArrayLike<number>) => likelihoodObjective(pb, x, transformed);
  const k = free.length;
  const H = optimHessian(fn, free, { parscale: freeScale, gradient });
  for (let i = 0; i < k * k; i++) H[i] *= nUsed;
  const inv = invert(H, k);
  if (!inv) throw new ArimaFailure('system is computationally singular');
  if (!transformed) return inv;
  const full = arimaGradtrans(coef, pb.order);
  const n = coef.length;
  const idx = pb.mask.flatMap((m, i) => (m ? [i] : []));
  const A = new Float64Array(k * k); // row-major k × k: A[i][j] = full[idx[i] + idx[j] * n]
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) A[i * k + j] = full[idx[i] + idx[j] * n];
  // var = Aᵀ inv A
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) {
        if (A[a * k + i] === 0) continue;
        for (let b = 0; b < k; b++) s += A[a * k + i] * inv[a * k + b] * A[b * k + j];
      }
      out[i * k + j] = s;
    }
  return out;
}

/**
 * Inverse of a k × k row-major matrix by Gauss–Jordan elimination with partial pivoting; undefined
 * when it is singular or its reciprocal 1-norm condition number is below machine epsilon (R's solve()).
 */
export function invert(M: Float64Array, k: number): Float64Array | undefined {
  const a = Float64Array.from(M);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  let norm = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += abs(M[i * k + j]);
    norm = max(norm, s);
  }
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (abs(a[r * k + c]) > abs(a[piv * k + c])) piv = r;
    const pv = a[piv * k + c];
    if (pv === 0 || !isFinite(pv)) return undefined;
    if (piv !== c)
      for (let j = 0; j < k; j++) {
        let t = a[c * k + j];
        a[c * k + j] = a[piv * k + j];
        a[piv * k + j] = t;
        t = inv[c * k + j];
        inv[c * k + j] = inv[piv * k + j];
        inv[piv * k + j] = t;
      }
    for (let j = 0; j < k; j++) {
      a[c * k + j] /= pv;
      inv[c * k + j] /= pv;
    }
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r * k + c];
      if (f === 0) continue;
      for (let j = 0; j < k; j++) {
        a[r * k + j] -= f * a[c * k + j];
        inv[r * k + j] -= f * inv[c * k + j];
      }
    }
  }
  let inorm = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += abs(inv[i * k + j]);
    inorm = max(inorm, s);
  }
  if (!(1 / (norm * inorm) >= EPSILON)) return undefined;
  return inv;
}
