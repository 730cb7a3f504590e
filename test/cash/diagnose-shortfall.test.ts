import { DEFAULT_MIP_GAP, optimizeCash } from '../../src/cash/optimize-cash';
import type { CashPlan } from '../../src/cash/types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { checkSchedule } from './check-schedule';
import { benchPlan, randomPlan } from './plans';

describe('infeasible plans are explained', () => {
  it('reports the first period and the amount: 100 opening, −500 outflow → short 400 in period 1', async () => {
    const result = await optimizeCash({ openingCash: 100, minCash: 0, flows: [-500], instruments: [] }, solver);
    expect(result.status).toBe('infeasible');
    expect(result.shortfall).toHaveLength(1);
    expect(result.shortfall![0].period).toBe(1);
    expect(result.shortfall![0].amount).toBeCloseTo(400, 6);
  });

  it('uses the credit line and idle cash before declaring a shortfall', async () => {
    // Opening 100, minimum 50, flows 0, −500, −10; credit 200 at 1%, no fee; T earns 1% over 1 period.
    // Period 1: 50 above the minimum is placed in T → 50.5 back in period 2.
    // Period 2: 50 + 50.5 − 500 + 200 (full draw) = −199.5 → short 249.5 against the minimum 50.
    // Period 3: interest 0.01·200 = 2 and flow −10 → short 12 more. Total 261.5.
    const plan: CashPlan = {
      openingCash: 100,
      minCash: 50,
      flows: [0, -500, -10],
      instruments: [{ name: 'T', term: 1, rate: 0.01 }],
      creditLine: { limit: 200, rate: 0.01 },
    };
    const result = await optimizeCash(plan, solver);
    expect(result.status).toBe('infeasible');
    expect(result.shortfall!.map((s) => s.period)).toEqual([2, 3]);
    expect(result.shortfall![0].amount).toBeCloseTo(249.5, 6);
    expect(result.shortfall![1].amount).toBeCloseTo(12, 6);
    expect(result.totalShortfall).toBeCloseTo(261.5, 6);
    expect(checkSchedule(plan, result)).toEqual([]);
  });

  it('finds the period of a one-off outflow in a larger plan', async () => {
    const plan = randomPlan(24, 4, 7);
    plan.flows[14] -= 20000;
    const result = await optimizeCash(plan, solver);
    expect(result.status).toBe('infeasible');
    expect(result.shortfall![0].period).toBe(15);
    expect(checkSchedule(plan, result)).toEqual([]);
  });

  it('diagnoses a lot-sized plan as quickly as a feasible one, its injections within the gap of the relaxed ones', async () => {
    // gen.mjs's infeasible plan made from the 52×6 lot plan of seed 60001: before the slack programmes were
    // solved from the relaxation, glpk.js's branch-and-bound ran into a 60 s time limit on them.
    const plan = benchPlan(52, 6, 60001, true);
    plan.flows[19] -= 20000;
    const result = await optimizeCash(plan, solver, { timeLimitSeconds: 60 });
    const relaxed = await optimizeCash(plan, solver, { integerLots: false });
    expect(result.status).toBe('infeasible');
    expect(result.shortfall!.map((s) => s.period)).toEqual(relaxed.shortfall!.map((s) => s.period));
    expect(result.totalShortfall! / relaxed.totalShortfall! - 1).toBeGreaterThanOrEqual(-1e-9);
    expect(result.totalShortfall! / relaxed.totalShortfall! - 1).toBeLessThan(DEFAULT_MIP_GAP);
    expect(checkSchedule(plan, result)).toEqual([]);
  });
});
