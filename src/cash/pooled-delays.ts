/**
 * One customer's delay distribution, pooled toward the portfolio's. The customer's distribution F
 * has a Dirichlet-process prior centred on the portfolio distribution G with strength κ (its weight
 * in invoices): F ~ DP(κ·G). Its posterior mean given the customer's paid, written-off and open
 * (right-censored) invoices is the estimator of Susarla & Van Ryzin (JASA 1976, "Nonparametric
 * Bayesian estimation of survival curves from incomplete observations"):
 *   Ŝ(u) = [κ·S_G(u) + N⁺(u)] / (κ + n) · Π_{open a_j ≤ u} [κ·S_G(a_j) + N⁺(a_j) + λ_j] / [κ·S_G(a_j) + N⁺(a_j)]
 * where N⁺(u) counts the customer's observations above u (never-paid ones always), λ_j the open
 * invoices censored at a_j and n all of them. With no history Ŝ = S_G; as n grows it tends to the
 * customer's own Kaplan–Meier curve; κ = ∞ is full pooling. The bad-debt probability F(never) has
 * the Beta(κ·G(never), κ·(1 − G(never))) prior the Dirichlet process implies.
 */
import type { DelayDistribution, DelayObservation } from './delay-distribution';
import { firstAbove, survivalAt } from './delay-distribution';

/**
 * The posterior mean distribution on the portfolio's support (the customer's paid delays are part of it).
 * @example pooledDelays(portfolio, Infinity, own) // equals portfolio
 */
export function pooledDelays(
  portfolio: DelayDistribution,
  kappa: number,
  own: ReadonlyArray<DelayObservation>,
): DelayDistribution {
  const n = own.length;
  if (n === 0 || kappa === Infinity)
    return { support: portfolio.support, mass: portfolio.mass.slice(), never: portfolio.never };
  // Observation values in ascending order (never = +∞), and the open ones' censoring days.
  const values = own.map((o) => (o.kind === 'never' ? Infinity : o.delay)).sort((a, b) => a - b);
  const censored = own
    .filter((o) => o.kind === 'open')
    .map((o) => o.delay)
    .sort((a, b) => a - b);
  const K = portfolio.support.length;
  const tailG = new Float64Array(K + 1); // tailG[k] = S_G(support[k]) for k < K; tailG[K] unused
  let s = portfolio.never;
  for (let k = K - 1; k >= 0; k--) {
    tailG[k] = s;
    s += portfolio.mass[k];
  }
  // N⁺(u): observations strictly above u
  const above = (u: number): number => values.length - firstAbove(values, u);
  const survival = new Float64Array(K);
  let product = 1;
  let c = 0; // next censoring day to fold into the product
  for (let k = 0; k < K; k++) {
    const v = portfolio.support[k];
    while (c < censored.length && censored[c] <= v) {
      const a = censored[c];
      let ties = 0;
      while (c + ties < censored.length && censored[c + ties] === a) ties++;
      const base = kappa * survivalAt(portfolio, a) + above(a);
      if (base > 0) product *= (base + ties) / base;
      c += ties;
    }
    survival[k] = ((kappa * tailG[k] + above(v)) / (kappa + n)) * product;
  }
  const mass = new Float64Array(K);
  let previous = 1;
  for (let k = 0; k < K; k++) {
    const next = Math.min(previous, survival[k]);
    mass[k] = previous - next;
    previous = next;
  }
  return { support: portfolio.support, mass, never: Math.max(0, previous) };
}
