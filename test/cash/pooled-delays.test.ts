import type { DelayDistribution, DelayObservation } from '../../src/cash/delay-distribution';
import { survivalAt } from '../../src/cash/delay-distribution';
import { kaplanMeier } from '../../src/cash/kaplan-meier';
import { pooledDelays } from '../../src/cash/pooled-delays';

const G: DelayDistribution = {
  support: Float64Array.of(0, 5, 10, 20),
  mass: Float64Array.of(0.4, 0.3, 0.15, 0.1),
  never: 0.05,
};
const paid = (delay: number): DelayObservation => ({ delay, kind: 'paid' });
const open = (delay: number): DelayObservation => ({ delay, kind: 'open' });

describe('pooledDelays', () => {
  it('is the portfolio for a customer without history, or with κ = ∞', () => {
    expect(Array.from(pooledDelays(G, 3, []).mass)).toEqual(Array.from(G.mass));
    expect(pooledDelays(G, Infinity, [paid(20), paid(20)]).never).toBe(0.05);
  });

  it('without censoring is (κ·G + n·F̂) / (κ + n)', () => {
    const d = pooledDelays(G, 2, [paid(20), paid(20), { delay: 0, kind: 'never' }]);
    const expected = [0.4, 0.3, 0.15, 0.1].map((g, k) => (2 * g + (k === 3 ? 2 : 0)) / 5);
    d.mass.forEach((m, k) => expect(m).toBeCloseTo(expected[k], 14));
    expect(d.never).toBeCloseTo((2 * 0.05 + 1) / 5, 14);
  });

  it('one open invoice: E[S(u) | D > a] from the Dirichlet process moments', () => {
    // E[F(A)F(B)] = (κ G(A)G(B) + G(A∩B)) / (κ + 1) for F ~ DP(κG), so with A = (u, ∞), B = (a, ∞):
    // u ≥ a: S_G(u)(κ S_G(a) + 1) / ((κ + 1) S_G(a));  u < a: (κ S_G(u) + 1) / (κ + 1).
    const kappa = 3,
      a = 7;
    const d = pooledDelays(G, kappa, [open(a)]);
    const ga = survivalAt(G, a);
    for (const u of [10, 20]) {
      const gu = survivalAt(G, u);
      expect(survivalAt(d, u)).toBeCloseTo((gu * (kappa * ga + 1)) / ((kappa + 1) * ga), 14);
    }
    for (const u of [0, 5]) expect(survivalAt(d, u)).toBeCloseTo((kappa * survivalAt(G, u) + 1) / (kappa + 1), 14);
  });

  it('tends to the customer’s own Kaplan–Meier curve as κ → 0', () => {
    const own = [paid(0), paid(5), open(7), paid(10), paid(20), open(25)];
    const d = pooledDelays(G, 1e-9, own);
    const km = kaplanMeier(own);
    for (const u of [0, 5, 10, 20]) expect(survivalAt(d, u)).toBeCloseTo(survivalAt(km, u), 6);
  });

  it('always gives a distribution (masses ≥ 0, total 1) for any κ', () => {
    const own = [open(-3), paid(5), open(5), open(12), { delay: 0, kind: 'never' as const }, open(40)];
    for (const kappa of [1e-6, 0.5, 4, 1e6]) {
      const d = pooledDelays(G, kappa, own);
      expect(Math.min(...d.mass, d.never)).toBeGreaterThanOrEqual(0);
      expect(d.mass.reduce((s, m) => s + m, d.never)).toBeCloseTo(1, 12);
    }
  });
});
