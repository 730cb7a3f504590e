/**
 * A regression from bench:cash: on the 52×8 plan of ../shared/bench/cash-plan with 200 trials under a
 * chance constraint, the plan with no placements meets the limit (1 trial of 200 short), yet the
 * whole programme came back infeasible while its Y columns were free (GLPK's MIP presolver). With
 * bounded Y it is solved, and optimizeScenarios agrees with it. Skipped when the shared plans are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { wholeScenarioLp } from '../../src/cash/scenario-lp';
import { recoursePaths } from '../../src/cash/scenario-recourse';
import type { ScenarioPlan } from '../../src/cash/scenario-types';
import type { CashPlan } from '../../src/cash/types';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { SeededGenerator } from '../../src/stats';
import { checkSchedule } from './check-schedule';

const PLAN = join(__dirname, '..', '..', '..', 'shared', 'bench', 'cash-plan', 'plans', 'plan_T52_K8.json');
const run = existsSync(PLAN) ? it : it.skip;

/** bench/cash-scenarios.ts's trials: a lasting shift (sd 150) plus an error of half the flows' spread. */
function chancePlan(): ScenarioPlan {
  const base = JSON.parse(readFileSync(PLAN, 'utf8')) as CashPlan;
  const mean = base.flows.reduce((a, b) => a + b, 0) / base.flows.length;
  const sd = 0.5 * Math.sqrt(base.flows.reduce((a, f) => a + (f - mean) ** 2, 0) / base.flows.length);
  const g = new SeededGenerator(19, 'bench:cash-trials');
  const trials = Array.from({ length: 200 }, () => {
    const shift = 150 * g.nextNormal();
    return base.flows.map((f) => Math.round((f + shift + sd * g.nextNormal()) * 100) / 100);
  });
  const { flows: _, ...rest } = base;
  return { ...rest, trials, risk: { measure: 'chance', alpha: 0.05, limit: 0 } };
}

run(
  'solves a chance programme whose passive plan is feasible (whole programme and row generation agree)',
  async () => {
    const plan = chancePlan();
    const T = 52;
    const losses = recoursePaths(plan, new Float64Array(T)).filter((p) => p.loss > 0);
    expect(losses).toHaveLength(1); // 0.5% ≤ 5%: the plan with no placements meets the limit
    const risk = { measure: 'chance' as const, alpha: 0.05, limit: 0 };
    const program = wholeScenarioLp(plan, risk);
    expect(
      program.columns
        .filter((c) => c.name.startsWith('Y'))
        .every((c) => Number.isFinite(c.lb) && Number.isFinite(c.ub)),
    ).toBe(true);
    const whole = await solver.solve(program, { mipGap: 5e-5 });
    expect(whole.status).toBe('optimal');
    let solves = 0;
    const result = await optimizeScenarios(plan, solver, { onSolve: (n) => (solves = n) });
    // The start predicts every row the optimum needs: one solve of the start, one of the programme.
    expect(solves).toBe(2);
    expect(Math.abs(result.objective - whole.objective) / whole.objective).toBeLessThan(5e-5);
    expect(result.risk.achieved).toBeLessThanOrEqual(0.05);
    // The schedule replays, under an independent checker, as the plan of the trials' mean flows: each
    // trial's cash identity is linear, so its mean holds, and every trial keeps the minimum.
    const meanFlows = plan.trials[0].map((_, t) => plan.trials.reduce((sum, row) => sum + row[t], 0) / 200);
    const { trials: _t, risk: _r, ...rest } = plan;
    expect(checkSchedule({ ...rest, flows: meanFlows }, result)).toEqual([]);
  },
  300_000,
);
