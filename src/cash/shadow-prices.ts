/**
 * Shadow prices of a solved cash LP: what one more unit of minimum cash, or of credit limit, in a
 * period is worth in terms of the objective. They come from the LP duals: the minimum is the lower
 * bound of c_t, so its price is c_t's reduced cost; the limit caps b_t and also sets the fee
 * (fee·limit_t sits on the right-hand side of cb_t), so its price is b_t's reduced cost (when b_t
 * is at the cap) minus fee·π(cb_t). Valid for small changes (until the optimal basis changes).
 */
import { reducedCosts } from '../solver/reduced-costs';
import type { CashLp } from './build-cash-lp';
import type { CashPlan, ShadowPrices } from './types';

/**
 * @example // for a plan whose minimum binds in period 2 at a cost of 1.2%: minCash[1] ≈ -1.012
 */
export function shadowPrices(
  plan: CashPlan,
  lp: CashLp,
  rowDuals: Record<string, number>,
  values: Record<string, number>,
): ShadowPrices {
  const d = reducedCosts(lp.program, rowDuals);
  const T = lp.index.periods;
  const fee = plan.creditLine?.fee ?? 0;
  const minCash: number[] = [];
  const creditLimit: number[] = [];
  for (let t = 1; t <= T; t++) {
    minCash.push(d[`c${t}`]);
    // b_t's reduced cost prices the cap only when b_t sits at the cap (at 0 it prices the floor).
    const cap = lp.index.limit[t - 1];
    const atCap = (values[`b${t}`] ?? 0) >= cap - 1e-9 * Math.max(1, cap);
    creditLimit.push(plan.creditLine ? (atCap ? d[`b${t}`] : 0) - fee * (rowDuals[`cb${t}`] ?? 0) : 0);
  }
  return { minCash, creditLimit, creditLimitTotal: creditLimit.reduce((a, b) => a + b, 0) };
}
