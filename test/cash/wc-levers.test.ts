import { optimizeLevers } from '../../src/cash/wc-levers';
import type { Lever } from '../../src/cash/wc-levers';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomLevers, rng } from './plans';

describe('optimizeLevers', () => {
  const levers: Lever[] = [
    { name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 }, // net 800/day, 10 days
    { name: 'DPO', current: 30, target: 40, dailyBase: 600, costPerDay: 100 }, // net 500/day, 10 days
    { name: 'DIO', current: 60, target: 50, dailyBase: 600, costPerDay: 700 }, // costs more than it frees
  ];

  it('spends the budget on the best net return per unit of cost first', async () => {
    // Net per unit cost: DPO 5.0, DSO 4.0. Budget 1,500: DPO takes all 10 days (1,000), DSO 2.5 days (500).
    const choice = await optimizeLevers(levers, 1500, solver);
    const byName = Object.fromEntries(choice.map((c) => [c.name, c]));
    expect(byName.DPO.target).toBeCloseTo(40, 9);
    expect(byName.DSO.target).toBeCloseTo(42.5, 9);
    expect(byName.DIO.daysMoved).toBeCloseTo(0, 9);
    expect(byName.DSO.cashFreed + byName.DPO.cashFreed).toBeCloseTo(2500 + 6000, 6);
  });

  it('moves every worthwhile lever fully when the budget allows, never a loss-making one', async () => {
    const choice = await optimizeLevers(levers, Infinity, solver);
    expect(choice.map((c) => c.daysMoved)).toEqual([10, 10, 0]);
  });

  it('respects its budget on random cases', async () => {
    const r = rng(17);
    for (let k = 0; k < 15; k++) {
      const random = randomLevers(4, () => ({
        current: 40,
        target: 40 - 20 * r(),
        dailyBase: 1000 * r(),
        costPerDay: 800 * r(),
      }));
      const budget = 5000 * r();
      const choice = await optimizeLevers(random, budget, solver);
      expect(choice.reduce((s, c) => s + c.cost, 0)).toBeLessThanOrEqual(budget + 1e-6);
      for (const c of choice) expect(c.net).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it('rejects a negative budget and malformed levers', async () => {
    await expect(optimizeLevers(levers, -1, solver)).rejects.toThrow(/budget/);
    await expect(optimizeLevers([{ ...levers[0], dailyBase: NaN }], 1, solver)).rejects.toThrow(
      /levers row 1 dailyBase/,
    );
  });
});
