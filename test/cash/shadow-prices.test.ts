import { optimizeCash } from '../../src/cash/optimize-cash';
import type { CashPlan } from '../../src/cash/types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomPlan } from './plans';

const perPeriod = (v: number | number[], T: number): number[] =>
  Array.isArray(v) ? v.slice() : new Array<number>(T).fill(v);

/** One-sided finite difference of the optimal objective. */
async function difference(plan: CashPlan, change: (p: CashPlan) => void, h: number): Promise<number> {
  const base = await optimizeCash(plan, solver);
  const moved = structuredClone(plan);
  change(moved);
  return ((await optimizeCash(moved, solver)).objective - base.objective) / h;
}

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

  it('of the minimum cash, period by period', async () => {
    const h = 1e-3;
    for (let t = 1; t <= T; t++) {
      const fd = await difference(
        plan,
        (p) => {
          const m = perPeriod(p.minCash, T);
          m[t - 1] += h;
          p.minCash = m;
        },
        h,
      );
      expect(prices!.minCash[t - 1]).toBeCloseTo(fd, 5);
    }
    expect(prices!.minCash.some((v) => v < -1e-6)).toBe(true);
  });

  it('of the credit limit, period by period and in total', async () => {
    const h = 1e-3;
    for (let t = 1; t <= T; t++) {
      const fd = await difference(
        plan,
        (p) => {
          const l = perPeriod(p.creditLine!.limit, T);
          l[t - 1] += h;
          p.creditLine!.limit = l;
        },
        h,
      );
      expect(prices!.creditLimit[t - 1]).toBeCloseTo(fd, 5);
    }
    const total = await difference(
      plan,
      (p) => {
        p.creditLine!.limit = (p.creditLine!.limit as number) + h;
      },
      h,
    );
    expect(prices!.creditLimitTotal).toBeCloseTo(total, 5);
  });
});
