import { closing, planPayables } from '../../src/cash/payables-timing';
import type { PayablesInput } from '../../src/cash/payables-timing';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { rng } from './plans';

/** Brute force: every subset of invoices paid early, best saving that keeps the floor. */
function bruteForce(input: PayablesInput): number {
  const n = input.invoices.length;
  const floor = (t: number): number => (Array.isArray(input.floor) ? input.floor[t] : input.floor);
  let best = -1;
  for (let mask = 0; mask < 1 << n; mask++) {
    const early = new Set(input.invoices.filter((_, i) => mask & (1 << i)).map((inv) => inv.id));
    if (closing(input, early).some((c, t) => c < floor(t) - 1e-9)) continue;
    best = Math.max(
      best,
      input.invoices.reduce((s, inv) => s + (early.has(inv.id) ? inv.amount * inv.discount : 0), 0),
    );
  }
  return best;
}

describe('planPayables', () => {
  it('pays early when cash allows: one invoice of 100 at 2% → saves 2', async () => {
    const plan = await planPayables(
      {
        openingCash: 200,
        flows: [0, 0],
        floor: 0,
        invoices: [{ id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 }],
      },
      solver,
    );
    expect(plan.payEarly).toEqual(['A']);
    expect(plan.saved).toBeCloseTo(2, 12);
    expect(plan.closingCash).toEqual([102, 102]);
  });

  it('captures the discounts a brute-force search finds on small cases', async () => {
    const r = rng(5);
    for (let k = 0; k < 12; k++) {
      const T = 4;
      const invoices = Array.from({ length: 6 }, (_, i) => {
        const due = 2 + Math.floor(r() * (T - 1));
        return {
          id: `I${i}`,
          amount: Math.round(50 + 200 * r()),
          due,
          discount: Math.round(r() * 40) / 1000,
          discountBy: 1 + Math.floor(r() * (due - 1)),
        };
      });
      const input: PayablesInput = {
        openingCash: 300 + 300 * r(),
        flows: Array.from({ length: T }, () => Math.round(300 * r())),
        floor: 50,
        invoices,
      };
      const best = bruteForce(input);
      if (best < 0) {
        await expect(planPayables(input, solver)).rejects.toThrow(/cash falls short/);
        continue;
      }
      const plan = await planPayables(input, solver);
      expect(plan.saved).toBeCloseTo(best, 6);
      expect(plan.closingCash.every((c) => c >= 50 - 1e-9)).toBe(true);
    }
  });

  it('reports the shortfall when even paying on due dates breaks the floor', async () => {
    await expect(
      planPayables(
        {
          openingCash: 50,
          flows: [0, 0],
          floor: 0,
          invoices: [{ id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 }],
        },
        solver,
      ),
    ).rejects.toMatchObject({ code: 'CASH_SHORTFALL', period: 2 });
  });

  it('rejects malformed invoices', async () => {
    await expect(
      planPayables(
        {
          openingCash: 0,
          flows: [0],
          floor: 0,
          invoices: [{ id: 'A', amount: 1, due: 3, discount: 0, discountBy: 1 }],
        },
        solver,
      ),
    ).rejects.toThrow(/invoices row 1 due/);
  });
});
