/**
 * The scenario optimisation against the whole programme solved at once, against the deterministic
 * plan (one trial), and for its risk limits, with seeded random plans.
 */
import { optimizeCash } from '../../src/cash/optimize-cash';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { breachFrequency, cvar } from '../../src/cash/risk-measures';
import { wholeScenarioLp } from '../../src/cash/scenario-lp';
import { recoursePaths } from '../../src/cash/scenario-recourse';
import type { RiskSpec, ScenarioPlan } from '../../src/cash/scenario-types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import type { Solver } from '../../src/solver/types';
import type { NumberStyle } from '../../src/format';
import { randomPlan, rng } from './plans';

/** A plan's flows with seeded normal noise of `sd` per period, `S` trials. */
function withTrials(T: number, K: number, S: number, seed: number, sd: number, risk?: Partial<RiskSpec>): ScenarioPlan {
  const { flows, ...plan } = randomPlan(T, K, seed);
  const r = rng(seed + 1000);
  const normal = (): number => Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
  return { ...plan, trials: Array.from({ length: S }, () => flows.map((f) => f + sd * normal())), risk };
}

/** The whole programme (every cash and risk row) solved in one go. */
async function wholeProgramme(plan: ScenarioPlan, risk: RiskSpec, mipGap = 1e-9): Promise<number> {
  const program = wholeScenarioLp(plan, risk);
  const solved = await glpkNodeSolver.solve(program, { mipGap });
  expect(solved.status).toBe('optimal');
  return solved.objective;
}

describe('optimizeScenarios', () => {
  it('with one trial and no tolerated shortfall is the deterministic plan', async () => {
    for (const seed of [1, 2, 3]) {
      const plan = randomPlan(12, 3, seed);
      const deterministic = await optimizeCash(plan, glpkNodeSolver);
      const { flows, ...rest } = plan;
      for (const measure of ['cvar', 'chance'] as const) {
        const one = await optimizeScenarios({ ...rest, trials: [flows], risk: { measure, limit: 0 } }, glpkNodeSolver);
        expect(one.objective).toBeCloseTo(deterministic.objective, 6);
        one.periods.forEach((p, t) => {
          expect(p.closingCash).toBeCloseTo(deterministic.periods[t].closingCash, 5);
          expect(p.debt).toBeCloseTo(deterministic.periods[t].debt, 5);
        });
      }
    }
  });

  it('row generation reaches the optimum of the whole programme (CVaR LP, 80 trials: rows left out at first)', async () => {
    for (const [seed, limit] of [
      [11, 0],
      [12, 300],
    ]) {
      const plan = withTrials(10, 3, 80, seed, 300);
      const risk: RiskSpec = { measure: 'cvar', alpha: 0.1, limit };
      const ours = await optimizeScenarios({ ...plan, risk }, glpkNodeSolver);
      const whole = await wholeProgramme(plan, risk);
      expect(Math.abs(ours.objective - whole) / Math.abs(whole)).toBeLessThan(1e-9);
      expect(ours.risk.achieved).toBeLessThanOrEqual(limit + 1e-6);
    }
  });

  it('the chance-constrained MIP reaches the whole programme’s optimum within its gap, and breaches at most α', async () => {
    const plan = withTrials(8, 2, 70, 21, 500);
    plan.creditLine = { limit: 1500, rate: 0.0067, fee: 0.0003 };
    const risk: RiskSpec = { measure: 'chance', alpha: 0.1, limit: 0 };
    const ours = await optimizeScenarios({ ...plan, risk }, glpkNodeSolver, { mipGap: 1e-7 });
    const whole = await wholeProgramme(plan, risk, 1e-7);
    expect(Math.abs(ours.objective - whole) / Math.abs(whole)).toBeLessThan(2e-7);
    expect(ours.risk.achieved).toBeLessThanOrEqual(0.1);
    expect(ours.risk.achieved).toBeGreaterThan(0); // the credit line is tight: dropping trials pays
  });

  it('reports the risk computed on the trials under each trial’s least-cost recourse', async () => {
    const plan = withTrials(8, 2, 40, 31, 400, { measure: 'cvar', alpha: 0.1, limit: 200 });
    plan.creditLine = { limit: 1000, rate: 0.0067, fee: 0.0003 };
    const result = await optimizeScenarios(plan, glpkNodeSolver);
    const y = new Float64Array(8);
    let acc = 0;
    result.periods.forEach((p, t) => {
      for (const name of Object.keys(p.invest)) acc += p.invest[name] - p.mature[name];
      y[t] = acc;
    });
    const paths = recoursePaths(plan, y);
    expect(result.risk.achieved).toBeCloseTo(
      cvar(
        paths.map((p) => p.loss),
        0.1,
      ),
      6,
    );
    expect(result.objective).toBeCloseTo(paths.reduce((s, p) => s + p.wealth, 0) / 40, 6);
    const mean = paths.reduce((s, p) => s + p.closingCash[3], 0) / 40;
    expect(result.periods[3].closingCash).toBeCloseTo(mean, 9);
    expect(breachFrequency([0, 1, 2], 0.5)).toBeCloseTo(2 / 3, 15);
  });

  it('warms the solver up once before its first solve, and works with a solver that cannot', async () => {
    const plan = withTrials(6, 2, 12, 41, 300, { measure: 'chance', alpha: 0.1, limit: 0 });
    plan.creditLine = { limit: 1000, rate: 0.0067, fee: 0.0003 };
    const events: string[] = [];
    const recording: Solver = {
      name: 'recording',
      warmUp: async () => {
        events.push('warm-up');
      },
      solve: async (program, options) => {
        events.push('solve');
        return glpkNodeSolver.solve(program, options);
      },
    };
    const warmed = await optimizeScenarios(plan, recording);
    expect(events[0]).toBe('warm-up');
    expect(events.filter((e) => e === 'warm-up')).toHaveLength(1);
    expect(events.length).toBeGreaterThan(1);
    const plain: Solver = { name: 'plain', solve: (program, options) => glpkNodeSolver.solve(program, options) };
    expect((await optimizeScenarios(plan, plain)).objective).toBeCloseTo(warmed.objective, 9);
  }, 30000);

  it('a looser limit never lowers expected wealth (seeded property)', async () => {
    const plan = withTrials(8, 2, 30, 41, 500);
    plan.creditLine = { limit: 800, rate: 0.0067, fee: 0.0003 };
    let previous = -Infinity;
    for (const limit of [0, 100, 400, 2000]) {
      const r = await optimizeScenarios({ ...plan, risk: { measure: 'cvar', alpha: 0.1, limit } }, glpkNodeSolver);
      expect(r.objective).toBeGreaterThanOrEqual(previous - 1e-6);
      previous = r.objective;
    }
  });

  it('says when no plan meets the limit, and names bad trials', async () => {
    const plan = withTrials(6, 1, 20, 51, 100);
    plan.trials[3] = plan.trials[3].map((f, t) => (t === 2 ? f - 1e6 : f));
    await expect(optimizeScenarios({ ...plan, risk: { measure: 'cvar', limit: 10 } }, glpkNodeSolver)).rejects.toThrow(
      /no plan meets the cvar limit: with no placements the CVaR of the shortfall is .* trial 4 falls short by .* in period 3/,
    );
    // In the reader's style (the pane's), the default as before: the CLI and FPA.CASH.OPTIMIZE print it.
    const said = async (numbers?: NumberStyle) =>
      (
        (await optimizeScenarios({ ...plan, risk: { measure: 'cvar', limit: 10 } }, glpkNodeSolver, { numbers }).catch(
          (e: Error) => e,
        )) as Error
      ).message;
    expect(await said()).toMatch(
      /shortfall is 1012268\.51 \(limit 10\); trial 4 falls short by 1,012,268\.51 in period 3\.$/,
    );
    expect(await said({ locale: 'de-DE', minus: 'true' })).toMatch(
      /shortfall is 1012268,51 \(limit 10\); trial 4 falls short by 1\.012\.268,51 in period 3\.$/,
    );
    // The limit and alpha as given, in the reader's style too ("12,5", "3,5 %"; 100 · 0.035 wrote "3.5000000000000004%").
    const chance = async (numbers?: NumberStyle) =>
      (
        (await optimizeScenarios({ ...plan, risk: { measure: 'chance', alpha: 0.035, limit: 12.5 } }, glpkNodeSolver, {
          numbers,
        }).catch((e: Error) => e)) as Error
      ).message;
    expect(await chance()).toMatch(/ of trials fall short by more than 12\.5 \(limit 3\.5% of trials\); trial 4 /);
    expect(await chance({ locale: 'de-DE', minus: 'true' })).toMatch(
      / of trials fall short by more than 12,5 \(limit 3,5\u00a0% of trials\); trial 4 /,
    );
    const cvarOf = async (numbers?: NumberStyle) =>
      (
        (await optimizeScenarios({ ...plan, risk: { measure: 'cvar', alpha: 0.025, limit: 12.5 } }, glpkNodeSolver, {
          numbers,
        }).catch((e: Error) => e)) as Error
      ).message;
    expect(await cvarOf()).toMatch(/ \(limit 12\.5\); trial 4 /);
    expect(await cvarOf({ locale: 'de-DE', minus: 'true' })).toMatch(/ \(limit 12,5\); trial 4 /);
    const ragged = { ...plan, trials: [plan.trials[0], plan.trials[1].slice(0, 5)] };
    await expect(optimizeScenarios(ragged, glpkNodeSolver)).rejects.toThrow(/trials row 2 has 5 periods; row 1 has 6/);
    await expect(optimizeScenarios({ ...plan, risk: { measure: 'var' as 'cvar' } }, glpkNodeSolver)).rejects.toThrow(
      /risk.measure/,
    );
    await expect(optimizeScenarios({ ...plan, risk: { alpha: 1.5 } }, glpkNodeSolver)).rejects.toThrow(/risk.alpha/);
  });
});
