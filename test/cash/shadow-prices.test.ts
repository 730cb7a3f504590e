import { perPeriod } from '../../src/cash/build-cash-lp';
import { optimizeCash } from '../../src/cash/optimize-cash';
import type { CashPlan } from '../../src/cash/types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomPlan } from './plans';

const h = 1e-3;

/** One-sided finite difference of the optimal objective when `change` moves the plan by h. */
async function difference(plan: CashPlan, change: (p: CashPlan) => void): Promise<number> {
  const base = await optimizeCash(plan, solver);
  const moved = structuredClone(plan);
  change(moved);
  return ((await optimizeCash(moved, solver)).objective - base.objective) / h;
}

/** A per-period field (minimum cash, credit limit) with period t's entry moved by h. */
const movedAt = (value: number | number[], t: number, T: number): number[] => {
  const moved = perPeriod(value, T);
  moved[t - 1] += h;
  return moved;
};

describe('shadow prices match finite differences', () => {
  const plan = randomPlan(12, 3, 11);
  plan.creditLine!.limit = 600; // tight, so the limit binds somewhere
  const T = plan.flows.length;
  let prices: Awaited<ReturnType<typeof optimizeCash>>['shadowPrices'];
  beforeAll(async () => {
    const result = await optimizeCash(plan, solver, { shadowPrices: true });
    expect(result.status).toBe('optimal');
    prices = result.shadowPrices;
  });

  /** Each period's price against the finite difference of moving that period's entry. */
  async function expectPeriodPrices(perPeriodPrices: number[], move: (p: CashPlan, t: number) => void) {
    for (let t = 1; t <= T; t++) {
      expect(perPeriodPrices[t - 1]).toBeCloseTo(await difference(plan, (p) => move(p, t)), 5);
    }
  }

  it('of the minimum cash, period by period', async () => {
    await expectPeriodPrices(prices!.minCash, (p, t) => (p.minCash = movedAt(p.minCash, t, T)));
    expect(prices!.minCash.some((v) => v < -1e-6)).toBe(true);
  });

  it('of the credit limit, period by period and in total', async () => {
    await expectPeriodPrices(prices!.creditLimit, (p, t) => (p.creditLine!.limit = movedAt(p.creditLine!.limit, t, T)));
    const total = await difference(plan, (p) => (p.creditLine!.limit = (p.creditLine!.limit as number) + h));
    expect(prices!.creditLimitTotal).toBeCloseTo(total, 5);
  });
});
