/**
 * The scenario rows of the cash benchmark (issue 19): the 52×8 plan of ../shared/bench/cash-plan with
 * seeded trials of its flows (each period's flow, plus a shift per period that lasts the whole trial,
 * normal with sd 150, plus a normal error of half the flows' spread; the shared generator, stream
 * `bench:cash-trials`), optimised by `optimizeScenarios` with a CVaR limit
 * (an LP, 1,000 trials) and with a chance constraint (a MIP, 200 trials). The reference is glpsol on
 * the same model written whole (every cash and risk row, which our row generation adds only where
 * needed) as CPLEX LP by GLPK's own writer (glpk.js `write`), in the same run. Agreement: 1e-6
 * relative for the LP, the MIP gap (5e-5) for the MIP. Cold is the first solve in a fresh process
 * (wasm load included), warm the best of `warmRuns` more: five up to 5,000 trial-periods (a 150 ms
 * case moves by a third from run to run on a busy machine), else two (one with 1,000 trials);
 * glpsol gets the same number of runs, best taken. Memory is the process's peak RSS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_MIP_GAP } from '../src/cash/mip-gap';
import { optimizeScenarios } from '../src/cash/optimize-scenarios';
import { wholeScenarioLp } from '../src/cash/scenario-lp';
import type { RiskMeasure, ScenarioPlan } from '../src/cash/scenario-types';
import type { CashPlan } from '../src/cash/types';
import { validateScenarioPlan } from '../src/cash/validate-scenario-plan';
import { SeededGenerator } from '../src/stats';
import { createGlpkSolver, toGlpkProblem } from '../src/solver/glpk-solver';
import type { GlpsolRun } from './glpsol';

export const SCENARIO_CASES: { measure: RiskMeasure; trials: number }[] = [
  { measure: 'cvar', trials: 1000 },
  { measure: 'chance', trials: 200 },
];

/** Risk limits of the bench: CVaR_5% of the shortfall beyond the credit line ≤ 1,000; P(any shortfall) ≤ 5%. */
const RISK = {
  cvar: { measure: 'cvar', alpha: 0.05, limit: 1000 },
  chance: { measure: 'chance', alpha: 0.05, limit: 0 },
} as const;

export function scenarioPlan(base: CashPlan, measure: RiskMeasure, trials: number): ScenarioPlan {
  const flows = base.flows;
  const mean = flows.reduce((a, b) => a + b, 0) / flows.length;
  const sd = 0.5 * Math.sqrt(flows.reduce((a, f) => a + (f - mean) ** 2, 0) / flows.length);
  const rng = new SeededGenerator(19, 'bench:cash-trials');
  return {
    openingCash: base.openingCash,
    minCash: base.minCash,
    trials: Array.from({ length: trials }, () => {
      const shift = 150 * rng.nextNormal();
      return flows.map((f) => Math.round((f + shift + sd * rng.nextNormal()) * 100) / 100);
    }),
    instruments: base.instruments,
    creditLine: base.creditLine,
    risk: { ...RISK[measure] },
  };
}

export interface ScenarioMeasurement {
  /** The plan file's name without `.json`. */
  plan: string;
  measure: RiskMeasure;
  trials: number;
  periods: number;
  instruments: number;
  coldMs: number;
  warmMs: number;
  warmCpuMs: number;
  /** How many warm runs the best was taken of (glpsol gets as many). */
  warmRuns: number;
  status: string;
  objective: number;
  achieved: number;
  limit: number;
  alpha: number;
  /** The whole programme glpsol solves: rows × columns, integer columns. */
  fullRows: number;
  fullColumns: number;
  peakRssMb: number;
}

/** Solves the case in this process and writes the whole programme as CPLEX LP to `lpFile`. */
export async function measureScenario(
  planFile: string,
  measure: RiskMeasure,
  trials: number,
  lpFile: string,
): Promise<ScenarioMeasurement> {
  const plan = scenarioPlan(JSON.parse(readFileSync(planFile, 'utf8')) as CashPlan, measure, trials);
  const engine = async () => (await import('glpk.js/node')).default();
  const solver = createGlpkSolver(engine);
  let t = performance.now();
  const cold = await optimizeScenarios(plan, solver);
  const coldMs = performance.now() - t;
  let warmMs = Infinity;
  let warmCpuMs = Infinity;
  // Warm: the best of five more solves for a small case, two for a large one, one for the 1,000-trial
  // case (its solve takes minutes); glpsol gets as many (scenarioTable).
  const warmRuns = trials >= 500 ? 1 : trials * plan.trials[0].length <= 5000 ? 5 : 2;
  for (let rep = 0; rep < warmRuns; rep++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    await optimizeScenarios(plan, solver);
    const used = process.cpuUsage(cpu);
    warmMs = Math.min(warmMs, performance.now() - t);
    warmCpuMs = Math.min(warmCpuMs, (used.user + used.system) / 1000);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  // The whole programme: every (trial, period) cash row and risk row.
  const risk = validateScenarioPlan(plan);
  const program = wholeScenarioLp(plan, risk);
  const glpk = await engine();
  writeFileSync(lpFile, await glpk.write(toGlpkProblem(program)));
  return {
    plan: planFile.replace(/^.*\//, '').replace(/\.json$/, ''),
    measure,
    trials,
    periods: plan.trials[0].length,
    instruments: plan.instruments.length,
    coldMs,
    warmMs,
    warmCpuMs,
    warmRuns,
    status: cold.status,
    objective: cold.objective,
    achieved: cold.risk.achieved,
    limit: cold.risk.limit,
    alpha: cold.risk.alpha,
    fullRows: program.rows.length,
    fullColumns: program.columns.length,
    peakRssMb,
  };
}

/** glpsol's options for a case: the MIP at our gap, and a time limit so the bench always ends. */
export function glpsolArgs(measure: RiskMeasure): string[] {
  return measure === 'chance' ? ['--mipgap', String(DEFAULT_MIP_GAP), '--tmlim', '1200'] : ['--tmlim', '1200'];
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** One markdown row: ours next to glpsol's. */
export function scenarioRow(m: ScenarioMeasurement, ref: GlpsolRun | null): { row: string; ok: boolean } {
  let agree = 'n/a';
  let ok = true;
  if (ref) {
    const rel = Math.abs(m.objective - ref.objective) / Math.max(1, Math.abs(ref.objective));
    const tolerance = m.measure === 'chance' ? DEFAULT_MIP_GAP : 1e-6;
    ok = ref.status === 'optimal' && rel <= tolerance;
    agree = `${ok ? 'yes' : 'NO'} (${rel.toExponential(1)}${ref.status === 'optimal' ? '' : `, glpsol ${ref.status}`})`;
  }
  const kind = m.measure === 'chance' ? 'chance MIP' : 'CVaR LP';
  const row =
    `| scenario ${m.measure} ${m.plan} | ${m.periods}×${m.instruments}×${m.trials} | ${kind} | ${m.fullRows}×${m.fullColumns} | ` +
    `${fmt(m.coldMs)} | ${fmt(m.warmMs)} | ${fmt(m.warmCpuMs)} | ${m.status} | ${fmt(m.objective, 4)} | ` +
    `${ref ? fmt(ref.objective, 4) : 'n/a'} | ${ref ? fmt(ref.ms) : 'n/a'} | ${ref ? fmt(ref.cpuMs) : 'n/a'} | ` +
    `${ref ? fmt(m.warmMs / ref.ms, 3) : 'n/a'} | ${ref ? fmt(m.warmCpuMs / ref.cpuMs, 3) : 'n/a'} | ${agree} | ` +
    `${m.measure} ${fmt(m.achieved, 2)} (limit ${m.limit}, α ${m.alpha}) | ${fmt(m.peakRssMb, 0)} |`;
  return { row, ok };
}

export const SCENARIO_HEADER = [
  '| case | T×K×trials | kind | whole programme rows×columns | solve ms cold | solve ms warm | warm CPU ms | status | expected wealth | glpsol objective | glpsol ms | glpsol CPU ms | warm/glpsol wall | warm/glpsol CPU | agree | risk achieved | peak RSS MB |',
  '|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|---:|',
];
