/**
 * How strongly a customer's delays are pooled toward the portfolio: the Dirichlet-process strength κ
 * by empirical Bayes, maximising the marginal likelihood of the customers' outcomes over κ. Outcomes
 * are binned at the portfolio's deciles (plus a bin for "never paid"), where they follow a
 * Dirichlet-multinomial with parameters κ·g (g = the portfolio's bin masses; Minka 2000, "Estimating a
 * Dirichlet distribution"):
 *   ℓ(κ) = Σ_c [ln Γ(κ) − ln Γ(κ + n_c) + Σ_j (ln Γ(κ g_j + n_cj) − ln Γ(κ g_j))].
 * Small κ: customers differ, each is judged on its own history; κ → ∞ (returned as Infinity when the
 * likelihood still rises at 10⁶): the data show no difference between customers. Only customers with
 * two or more closed invoices carry information on κ; open invoices (censored) are left out of it.
 */
import { lnGamma } from '../stats/gamma-functions';
import type { DelayDistribution } from './delay-distribution';
import { firstAbove } from './delay-distribution';

const BINS = 10;
const LOG10_MIN = -2;
const LOG10_MAX = 6;

/** Bin of each support point: deciles of the portfolio's paid mass. */
function binsOf(portfolio: DelayDistribution): { bin: Int32Array; mass: Float64Array } {
  const K = portfolio.support.length;
  const paid = 1 - portfolio.never;
  const bin = new Int32Array(K);
  const mass = new Float64Array(BINS + 1); // last = never
  let before = 0;
  for (let k = 0; k < K; k++) {
    const j = paid > 0 ? Math.min(BINS - 1, Math.floor((before / paid) * BINS + 1e-12)) : 0;
    bin[k] = j;
    mass[j] += portfolio.mass[k];
    before += portfolio.mass[k];
  }
  mass[BINS] = portfolio.never;
  return { bin, mass };
}

/** Per customer, counts of closed outcomes per bin (paid delays and never-paid). */
export interface ClosedOutcomes {
  paid: ReadonlyArray<number>;
  never: number;
}

/**
 * @example poolingStrength(portfolio, [{ paid: [1, 1, 1], never: 0 }, { paid: [30, 31, 29], never: 0 }]) // small: customers differ
 */
export function poolingStrength(portfolio: DelayDistribution, customers: ReadonlyArray<ClosedOutcomes>): number {
  const { bin, mass } = binsOf(portfolio);
  const counts: Int32Array[] = [];
  for (const c of customers) {
    if (c.paid.length + c.never < 2) continue;
    const row = new Int32Array(BINS + 1);
    for (const d of c.paid) {
      const k = firstAbove(portfolio.support, d) - 1; // the support point equal to d
      if (k >= 0 && portfolio.support[k] === d) row[bin[k]]++;
    }
    row[BINS] += c.never;
    counts.push(row);
  }
  return strengthFromCounts(counts, mass);
}

/**
 * The κ maximising the Dirichlet-multinomial likelihood of per-customer bin counts with bin masses g.
 * @example strengthFromCounts([[3, 0], [0, 3]], [0.5, 0.5]) // small: each customer sticks to one bin
 */
export function strengthFromCounts(counts: ReadonlyArray<ArrayLike<number>>, mass: ArrayLike<number>): number {
  if (counts.length === 0) return Infinity;
  const loglik = (kappa: number): number => {
    let sum = 0;
    for (const row of counts) {
      let n = 0;
      for (let j = 0; j < mass.length; j++) {
        if (row[j] === 0 || mass[j] <= 0) continue;
        const a = kappa * mass[j];
        sum += lnGamma(a + row[j]) - lnGamma(a);
        n += row[j];
      }
      sum += lnGamma(kappa) - lnGamma(kappa + n);
    }
    return sum;
  };
  // A coarse log-grid, then golden-section search around the best grid point.
  const steps = 64;
  const at = (i: number): number => LOG10_MIN + ((LOG10_MAX - LOG10_MIN) * i) / steps;
  let best = 0,
    bestValue = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const v = loglik(Math.pow(10, at(i)));
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  if (best === steps) return Infinity;
  let lo = at(Math.max(0, best - 1)),
    hi = at(Math.min(steps, best + 1));
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60 && hi - lo > 1e-9; it++) {
    const a = hi - phi * (hi - lo),
      b = lo + phi * (hi - lo);
    if (loglik(Math.pow(10, a)) >= loglik(Math.pow(10, b))) hi = b;
    else lo = a;
  }
  return Math.pow(10, (lo + hi) / 2);
}
