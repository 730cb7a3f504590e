import { kaplanMeier } from '../../src/cash/kaplan-meier';
import { poolingStrength, strengthFromCounts } from '../../src/cash/pooling-strength';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('strengthFromCounts', () => {
  it('maximises the Dirichlet-multinomial likelihood as R optimize() does', () => {
    // R 4:
    //   counts <- rbind(c(3,1,0,0), c(0,2,2,1), c(1,1,1,1), c(0,0,3,2), c(4,0,0,1)); g <- c(0.3, 0.25, 0.3, 0.15)
    //   ll <- function(lk) { k <- exp(lk); sum(apply(counts, 1, function(n)
    //           lgamma(k) - lgamma(k + sum(n)) + sum(lgamma(k*g + n) - lgamma(k*g)))) }
    //   exp(optimize(ll, c(log(1e-2), log(1e6)), maximum = TRUE, tol = 1e-12)$maximum)  →  8.46469184968708
    const counts = [
      [3, 1, 0, 0],
      [0, 2, 2, 1],
      [1, 1, 1, 1],
      [0, 0, 3, 2],
      [4, 0, 0, 1],
    ];
    expect(strengthFromCounts(counts, [0.3, 0.25, 0.3, 0.15])).toBeCloseTo(8.46469184968708, 5);
  });

  it('is small when each customer sticks to its own bin, Infinity without customers to compare', () => {
    expect(
      strengthFromCounts(
        [
          [5, 0],
          [0, 5],
          [5, 0],
          [0, 5],
        ],
        [0.5, 0.5],
      ),
    ).toBeLessThan(0.1);
    expect(strengthFromCounts([], [1])).toBe(Infinity);
  });
});

describe('poolingStrength', () => {
  const draw = (seed: number, shift: (c: number) => number): { paid: number[]; never: number }[] => {
    const r = new SeededGenerator(seed, 'test');
    return Array.from({ length: 60 }, (_, c) => ({
      paid: Array.from({ length: 8 }, () => Math.round(shift(c) + 20 * r.nextOpen01())),
      never: 0,
    }));
  };
  const fit = (customers: { paid: number[]; never: number }[]): number =>
    poolingStrength(
      kaplanMeier(customers.flatMap((c) => c.paid.map((delay) => ({ delay, kind: 'paid' as const })))),
      customers,
    );

  it('pools hard when customers are alike, and recovers the strength of a known split (seeded)', () => {
    const alike = fit(draw(1, () => 0));
    expect(alike).toBeGreaterThan(50);
    // Two groups on disjoint halves of the portfolio: a customer puts 0.2 on each of its 5 decile bins,
    // so Var F(bin) = 0.01 across customers; under DP(κG) it is g(1 − g)/(κ + 1) = 0.09/(κ + 1) → κ ≈ 8.
    const apart = fit(draw(2, (c) => (c % 2 === 0 ? 0 : 40)));
    expect(apart).toBeGreaterThan(4);
    expect(apart).toBeLessThan(12);
  });

  it('ignores customers with fewer than two closed invoices', () => {
    expect(
      fit([
        { paid: [1], never: 0 },
        { paid: [30], never: 0 },
      ]),
    ).toBe(Infinity);
  });
});
