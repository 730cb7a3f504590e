import { buildCashLp } from '../../src/cash/build-cash-lp';
import { DEFAULT_MIP_GAP, optimizeCash } from '../../src/cash/optimize-cash';
import type { CashPlan } from '../../src/cash/types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import type { LinearProgram, Solver } from '../../src/solver/types';
import { checkSchedule } from './check-schedule';
import { benchPlan, handPlan, randomPlan } from './plans';

describe('optimizeCash: hand-checkable plans', () => {
  it('places idle cash in the instrument that compounds most by the end', async () => {
    // 100 idle over 3 periods. TD (2 periods, 1%/period) placed in period 1 returns 100·1.01² = 102.01
    // in period 3; rolling ON (1 period, 0.4%) twice gives only 100·1.004² = 100.8016.
    const plan = handPlan({
      openingCash: 100,
      flows: [0, 0, 0],
      instruments: [
        { name: 'ON', term: 1, rate: 0.004 },
        { name: 'TD', term: 2, rate: 0.01 },
      ],
    });
    const result = await optimizeCash(plan, solver);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(102.01, 9);
    expect(result.periods[0].invest.TD).toBeCloseTo(100, 9);
    expect(result.periods[2].mature.TD).toBeCloseTo(102.01, 9);
    expect(result.periods[2].interestEarned).toBeCloseTo(2.01, 9);
    expect(checkSchedule(plan, result)).toEqual([]);
  });

  it('draws the credit line to cover a dip, paying interest on the balance carried in and the fee on the undrawn part', async () => {
    // Period 1: flow −50, fee 0.001·(100 − 0) = 0.1 → draw 50.1 so cash closes at 0.
    // Period 2: interest 0.01·50.1 + 0.001·(100 − 50.1) = 0.5509; flow +100.
    // Wealth = −50 + 100 − 0.1 − 0.5509 = 49.3491 whether or not the line is repaid.
    const plan = handPlan({
      openingCash: 0,
      flows: [-50, 100],
      creditLine: { limit: 100, rate: 0.01, fee: 0.001 },
    });
    const result = await optimizeCash(plan, solver);
    expect(result.objective).toBeCloseTo(49.3491, 9);
    expect(result.periods[0].draw).toBeCloseTo(50.1, 9);
    expect(result.periods[1].interestPaid).toBeCloseTo(0.5509, 9);
    expect(checkSchedule(plan, result)).toEqual([]);
  });

  it('honours lot sizes (a MIP): 250 idle, lots of 100 → 200 placed at 1% → 252', async () => {
    const plan = handPlan({
      openingCash: 250,
      flows: [0, 0],
      instruments: [{ name: 'L', term: 1, rate: 0.01, lot: 100 }],
    });
    const result = await optimizeCash(plan, solver);
    expect(result.objective).toBeCloseTo(252, 6);
    expect(result.periods[0].invest.L).toBeCloseTo(200, 6);
    const relaxed = await optimizeCash(plan, solver, { integerLots: false });
    expect(relaxed.objective).toBeCloseTo(252.5, 6);
  });

  it('honours a minimum placement, a maximum and an availability window', async () => {
    // min 300 > the 250 available: nothing can be placed.
    const tooSmall = handPlan({
      openingCash: 250,
      flows: [0, 0],
      instruments: [{ name: 'M', term: 1, rate: 0.01, min: 300 }],
    });
    expect((await optimizeCash(tooSmall, solver)).objective).toBeCloseTo(250, 9);
    // max 100 per period, only from period 2: 100 placed in period 2 → 250 + 1 = 251.
    const capped = handPlan({
      openingCash: 250,
      flows: [0, 0, 0],
      instruments: [{ name: 'C', term: 1, rate: 0.01, max: 100, from: 2 }],
    });
    const result = await optimizeCash(capped, solver);
    expect(result.objective).toBeCloseTo(251, 9);
    expect(result.periods[0].invest.C).toBe(0);
    expect(checkSchedule(capped, result)).toEqual([]);
  });

  it('maximises the smallest headroom with the headroom objective', async () => {
    // Cash 100, 50, 150 with minimum 0 and nothing to do: headroom = 50.
    const plan = handPlan({ openingCash: 100, flows: [0, -50, 100] });
    const result = await optimizeCash(plan, solver, { objective: 'headroom' });
    expect(result.headroom).toBeCloseTo(50, 9);
  });

  it('repays by the repay rule', async () => {
    const plan = handPlan({
      openingCash: 0,
      flows: [-50, 100, 0],
      creditLine: { limit: 100, rate: 0.01, repayBy: 2 },
    });
    const result = await optimizeCash(plan, solver);
    expect(result.periods[1].debt).toBe(0);
    expect(checkSchedule(plan, result)).toEqual([]);
  });
});

describe('optimizeCash: every schedule satisfies every constraint (independent checker)', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [4, true],
  ])('random plan seed %i (extras %s)', async (seed, extras) => {
    const plan = randomPlan(16, 4, seed, extras as boolean);
    const result = await optimizeCash(plan, solver);
    expect(['optimal', 'infeasible']).toContain(result.status);
    expect(checkSchedule(plan, result)).toEqual([]);
  });

  it('matches glpsol on the 13×4 bench plan', async () => {
    // glpsol --lp plan_T13_K4.lp → "obj = 4233.444306 (MAXimum)"
    const plan: CashPlan = {
      openingCash: 3000,
      minCash: [1500, 1500, 1500, 2000, 1500, 1500, 1500, 2000, 1500, 1500, 1500, 2000, 1500],
      flows: [
        -575.83, 903.05, -193.32, 337.43, 217.76, 81.63, 237.54, 1260.41, -754.94, -680.2, 220.72, 262.92, -115.62,
      ],
      instruments: [
        { name: 'I1-1p', term: 1, rate: 0.00251921 },
        { name: 'I2-2p', term: 2, rate: 0.00246472 },
        { name: 'I3-3p', term: 3, rate: 0.00238478 },
        { name: 'I4-4p', term: 4, rate: 0.00244019 },
      ],
      creditLine: { limit: 8000, rate: 0.00666667, fee: 0.00033333 },
    };
    const result = await optimizeCash(plan, solver);
    expect(result.objective).toBeCloseTo(4233.444306, 5);
    expect(checkSchedule(plan, result)).toEqual([]);
  });
});

describe('optimizeCash: lot-sized plans of other seeds (gen.mjs makePlan), solved from the rounded relaxation', () => {
  // Saved from glpsol 5.0: `glpsol --lp plan.lp --mipgap 5e-5` on gen.mjs's toLP(makePlan(T, 6, seed, true)):
  // its LP relaxation ("* N: obj = …", the bound) and the plan it stops with at the gap (within 5e-5 of
  // the optimum, so the optimum is at least that). Ours, also within 5e-5 of the optimum, must lie between
  // glpsol's plan / (1 + 5e-5) and the bound. Seed 39079 took glpk.js's plain branch-and-bound 16–25 s.
  it.each([
    [78, 39079, 4135.421198, 4135.18902],
    [78, 70186, 6810.452771, 6810.088339],
    [52, 60001, 13728.96624, 13728.91564],
  ])('%i×6 seed %i: optimal within the gap of glpsol, every constraint kept', async (T, seed, bound, glpsol) => {
    const plan = benchPlan(T, 6, seed, true);
    const result = await optimizeCash(plan, solver);
    expect(result.status).toBe('optimal');
    expect(result.gap).toBeUndefined();
    expect(checkSchedule(plan, result)).toEqual([]);
    expect(result.objective).toBeGreaterThanOrEqual(glpsol / (1 + DEFAULT_MIP_GAP));
    expect(result.objective).toBeLessThanOrEqual(bound * (1 + 1e-9));
  });

  it("52×6 seed 85005: the whole MIP, in the plain form, within the gap of glpsol's proven optimum", async () => {
    // Neither the rounded relaxation nor its neighbourhood is within 5e-5 of the relaxation's bound here, so
    // the whole branch-and-bound runs (step 4). glpsol 5.0 proves -2539.02863 optimal (gap 0) on gen.mjs's
    // toLP(makePlan(52, 6, 85005, true)). The objective is negative: the gap is relative to its size.
    const whole: LinearProgram[] = [];
    const probe: Solver = {
      name: 'probe',
      solve: (p, o) => {
        if (p.columns.some((c) => c.integer && c.lb !== c.ub) && !p.rows.some((r) => r.name === 'certified'))
          whole.push(p);
        return solver.solve(p, o);
      },
    };
    const plan = benchPlan(52, 6, 85005, true);
    const result = await optimizeCash(plan, probe);
    expect(result.status).toBe('optimal');
    expect(checkSchedule(plan, result)).toEqual([]);
    const optimum = -2539.02863;
    expect(result.objective).toBeLessThanOrEqual(optimum + 1e-5);
    expect((optimum - result.objective) / Math.abs(result.objective)).toBeLessThanOrEqual(DEFAULT_MIP_GAP);
    expect(whole).toHaveLength(1);
    expect(whole[0].rows.slice(0, 2).map((r) => r.name)).toEqual(['bal1', 'cb1']);
  });

  it("at gap 0, the plain form's whole MIP has the lot form's optimum on plans with every extra", async () => {
    // lots, a maximum and a window, a minimum placement, repay-by; both objectives. At gap 0 rounding
    // certifies nothing short of the bound, so step 4 runs on most of them.
    let plainSolves = 0;
    const probe: Solver = {
      name: 'probe',
      solve: (p, o) => {
        if (p.rows.some((r) => r.name === 'bal1') && p.columns.some((c) => c.integer && c.lb !== c.ub)) plainSolves++;
        return solver.solve(p, o);
      },
    };
    for (let seed = 501; seed <= 510; seed++)
      for (const objective of ['wealth', 'headroom'] as const) {
        const plan = randomPlan(10, 4, seed, true);
        const result = await optimizeCash(plan, probe, { mipGap: 0, objective });
        const lots = await solver.solve(buildCashLp(plan, { objective }).program, { mipGap: 0 });
        if (lots.status === 'infeasible') {
          expect(result.status).toBe('infeasible');
          continue;
        }
        expect(result.status).toBe('optimal');
        expect(checkSchedule(plan, result)).toEqual([]);
        const got = objective === 'headroom' ? result.headroom! : result.objective;
        expect(Math.abs(got - lots.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(lots.objective)));
      }
    expect(plainSolves).toBeGreaterThanOrEqual(10);
  });

  it('a solve that stops without a status says so in words (it said "(undefined)")', async () => {
    // glpk.js reports an LP cut short by the time limit as status "undefined" (--time-limit 0.001 on a 78×6 plan).
    const stopped: Solver = {
      name: 'stopped',
      solve: async () => ({ status: 'undefined', objective: NaN, values: {}, seconds: 0 }),
    };
    const plan = handPlan({
      openingCash: 10,
      flows: [1, 2],
      instruments: [{ name: 'A', term: 1, rate: 0.01 }],
    });
    await expect(optimizeCash(plan, stopped, { timeLimitSeconds: 0.001 })).rejects.toThrow(
      'The solver found no plan (it stopped before finding one, e.g. at the time limit).',
    );
  });

  it('stopped by the time limit, returns a feasible plan and its gap to the bound (52×6 seed 60260)', async () => {
    // glpsol cannot reach the 5e-5 gap on this plan in 60 s (bound 7053.265008 from its LP relaxation, best
    // bound 7053.2008 after 60 s); neither can glpk.js in 2 s.
    const plan = benchPlan(52, 6, 60260, true);
    const result = await optimizeCash(plan, solver, { timeLimitSeconds: 2 });
    expect(result.status).toBe('time_limit');
    expect(checkSchedule(plan, result)).toEqual([]);
    expect(result.gap).toBeGreaterThan(DEFAULT_MIP_GAP);
    expect(result.gap).toBeLessThan(1e-3);
    // the gap is the one to the LP relaxation's bound
    expect(result.objective * (1 + result.gap!)).toBeCloseTo(7053.265008, 3);
  });
});
