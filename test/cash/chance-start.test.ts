/**
 * The chance programme's start: its LP's credit cost against the closed form, its caps, its fallback,
 * and the plans it leads to (the same optimum as the whole programme).
 */
import { chanceStart, chanceStartLp } from '../../src/cash/chance-start';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { wholeScenarioLp } from '../../src/cash/scenario-lp';
import { creditLimits, trialBase } from '../../src/cash/scenario-recourse';
import type { RiskSpec, ScenarioPlan } from '../../src/cash/scenario-types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomPlan, rng } from './plans';

const CHANCE: RiskSpec = { measure: 'chance', alpha: 0.1, limit: 0 };

function plan(T: number, S: number, seed: number, sd: number): ScenarioPlan {
  const { flows, ...rest } = randomPlan(T, 3, seed);
  const r = rng(seed + 7);
  return {
    ...rest,
    trials: Array.from({ length: S }, () => {
      const shift = sd * (r() - 0.5);
      return flows.map((f) => f + shift + sd * (r() - 0.5));
    }),
    risk: CHANCE,
  };
}

function input(p: ScenarioPlan) {
  const T = p.trials[0].length;
  const minCash = Array.isArray(p.minCash) ? p.minCash : new Array<number>(T).fill(p.minCash);
  return { plan: p, risk: CHANCE, base: trialBase(p), limits: creditLimits(p, T), minCash };
}

describe('chanceStartLp', () => {
  it('writes one row per period; its segments cost (r′/S)·Σ_s (Y − g_s)⁺ exactly when every trial is a breakpoint', () => {
    const p = plan(6, 20, 3, 2000);
    const lp = chanceStartLp(input(p));
    expect(lp.rows.filter((row) => row.name.startsWith('cost'))).toHaveLength(5); // not the last period
    const rp = 0.0067 - 0.0003;
    const t = 3;
    const g = trialBase(p)
      .map((a) => a[t - 1] - (p.minCash as number[])[t - 1])
      .sort((a, b) => a - b);
    const row = lp.rows.find((r) => r.name === `cost${t}`)!;
    expect(row.ub).toBeCloseTo(g[0], 9);
    const segments = row.terms
      .filter((term) => term.name.startsWith('d'))
      .map((term) => ({
        width: lp.columns.find((c) => c.name === term.name)!.ub,
        cost: -lp.objective.find((o) => o.name === term.name)!.coef,
      }));
    for (const y of [g[0] - 5, g[4] + 1, g[10], g[19] + 300]) {
      // Segments are convex (cost rising), so the LP fills them in order: the cheapest cost of reaching y.
      let left = Math.max(0, y - g[0]),
        cost = 0;
      for (const s of segments) {
        const used = Math.min(left, s.width);
        cost += used * s.cost;
        left -= used;
      }
      const exact = (rp / 20) * g.reduce((sum, gs) => sum + Math.max(0, y - gs), 0);
      expect(cost).toBeCloseTo(exact, 8);
    }
  });

  it('caps Y at the (k+1)-th smallest g + L + limit per period, or at the kept trials’ smallest', () => {
    const p = plan(5, 30, 4, 3000);
    const base = trialBase(p);
    const k = 3; // ⌊0.1 × 30⌋
    for (const dropped of [undefined, new Set([0, 5, 9])]) {
      const lp = chanceStartLp({ ...input(p), dropped });
      for (let t = 1; t <= 5; t++) {
        const g = base.map((a) => a[t - 1] - (p.minCash as number[])[t - 1] + 8000);
        const cap = dropped ? Math.min(...g.filter((_, s) => !dropped.has(s))) : g.sort((a, b) => a - b)[k];
        expect(lp.columns.find((c) => c.name === `Y${t}`)!.ub).toBeCloseTo(cap, 9);
      }
    }
  });

  it('without a credit line has no cost segments, and Y_t ≤ A_t − m_t with one trial', () => {
    const p: ScenarioPlan = {
      openingCash: 100,
      minCash: [20, 30],
      trials: [[10, -5]],
      instruments: [{ name: 'a', term: 1, rate: 0.01 }],
    };
    const lp = chanceStartLp(input(p));
    expect(lp.columns.some((c) => c.name.startsWith('d'))).toBe(false);
    expect(lp.columns.find((c) => c.name === 'Y1')!.ub).toBeCloseTo(90, 12);
    expect(lp.columns.find((c) => c.name === 'Y2')!.ub).toBeCloseTo(75, 12);
  });
});

describe('chanceStart', () => {
  it('places nothing when no plan meets the caps (the programme then decides)', async () => {
    const p = plan(4, 20, 5, 500);
    p.minCash = 1e6; // every trial falls short by far more than the credit line
    const y = await chanceStart(input(p), solver);
    expect(Array.from(y)).toEqual([0, 0, 0, 0]);
  });

  it('leads row generation to the whole programme’s optimum on seeded plans (more than 64 trials)', async () => {
    for (const [seed, limit] of [
      [11, 4000],
      [12, 6000],
      [15, 6000],
    ]) {
      const p = plan(10, 90, seed, 1500); // 4, 3 and 6 of the 90 trials fall short with no placements
      p.creditLine = { limit, rate: 0.0067, fee: 0.0003 };
      const ours = await optimizeScenarios(p, solver, { mipGap: 1e-7 });
      const whole = await solver.solve(wholeScenarioLp(p, CHANCE), { mipGap: 1e-7 });
      expect(whole.status).toBe('optimal');
      expect(Math.abs(ours.objective - whole.objective) / Math.abs(whole.objective)).toBeLessThan(2e-7);
      expect(ours.risk.achieved).toBeLessThanOrEqual(0.1);
      expect(ours.risk.achieved).toBeGreaterThan(0); // the limit binds: dropping trials pays
    }
  }, 60_000);
});
