import { leverPareto } from '../../src/cash/wc-pareto';
import { optimizeLevers } from '../../src/cash/wc-levers';
import type { Lever } from '../../src/cash/wc-levers';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomLevers, rng } from './plans';

const levers: Lever[] = [
  { name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 }, // no supplier damage
  { name: 'DPO', current: 30, target: 45, dailyBase: 600, costPerDay: 50, relationshipPerDay: 4 },
  { name: 'DPO key suppliers', current: 30, target: 40, dailyBase: 400, costPerDay: 20, relationshipPerDay: 10 },
];

describe('leverPareto', () => {
  it('runs from the best net plan down to no supplier damage, 3–7 non-dominated plans', async () => {
    const front = await leverPareto(levers, Infinity, solver, 5);
    expect(front.length).toBeGreaterThanOrEqual(3);
    expect(front.length).toBeLessThanOrEqual(7);
    const best = await optimizeLevers(levers, Infinity, solver);
    expect(front[0].net).toBeCloseTo(
      best.reduce((s, c) => s + c.net, 0),
      6,
    );
    expect(front[0].relationship).toBeCloseTo(15 * 4 + 10 * 10, 9);
    expect(front[front.length - 1].relationship).toBeCloseTo(0, 9);
    expect(front[front.length - 1].levers.map((l) => l.daysMoved)).toEqual([10, 0, 0]);
    // Along the front damage falls and net falls; the cheaper-damage lever (DPO: 4 per day for 550) goes last.
    for (let i = 1; i < front.length; i++) {
      expect(front[i].relationship).toBeLessThan(front[i - 1].relationship);
      expect(front[i].net).toBeLessThan(front[i - 1].net);
    }
    const middle = front[Math.floor(front.length / 2)];
    expect(middle.levers[1].daysMoved).toBeGreaterThan(0);
  });

  it('is one plan, the single best, when no lever has a relationship score', async () => {
    const plain = levers.map(({ relationshipPerDay: _, ...l }) => l);
    const front = await leverPareto(plain, 1500, solver, 7);
    expect(front).toHaveLength(1);
    const best = await optimizeLevers(plain, 1500, solver);
    front[0].levers.forEach((l, i) => expect(l.daysMoved).toBeCloseTo(best[i].daysMoved, 9));
  });

  it('never returns a plan another beats on cash freed, cost and damage at once (seeded random levers)', async () => {
    const r = rng(23);
    for (let k = 0; k < 8; k++) {
      const random = randomLevers(4, () => ({
        current: 30,
        target: 30 + Math.round(1 + r() * 20),
        dailyBase: Math.round(100 + r() * 900),
        costPerDay: Math.round(r() * 600),
        relationshipPerDay: r() < 0.3 ? 0 : Math.round(r() * 10),
      }));
      const front = await leverPareto(random, 3000, solver, 5);
      for (const a of front) {
        expect(a.cost).toBeLessThanOrEqual(3000 + 1e-6);
        for (const b of front)
          if (a !== b)
            expect(
              b.cashFreed >= a.cashFreed - 1e-6 &&
                b.cost <= a.cost + 1e-6 &&
                b.relationship <= a.relationship + 1e-6 &&
                (b.cashFreed > a.cashFreed + 1e-6 || b.cost < a.cost - 1e-6 || b.relationship < a.relationship - 1e-6),
            ).toBe(false);
      }
    }
  });

  it('rejects a negative relationship score', async () => {
    await expect(leverPareto([{ ...levers[1], relationshipPerDay: -1 }], 10, solver)).rejects.toThrow(
      /relationship per day must be zero or more/,
    );
  });
});
