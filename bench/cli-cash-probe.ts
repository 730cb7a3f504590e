/**
 * Where `openfpa cash` spends its time, phase by phase, in a fresh process: bench/cli.ts bundles this
 * file with esbuild (as the CLI is bundled) and runs it once per sample. Prints one JSON line:
 * ms since the process started when the probe's code began (Node + bundle load), then each phase.
 * Arguments: <plan.json> [presolve: on|off|default].
 */
import { readFileSync } from 'node:fs';
import { buildCashLp } from '../src/cash/build-cash-lp';
import { readSchedule } from '../src/cash/read-schedule';
import { validatePlan } from '../src/cash/validate-plan';
import type { CashPlan } from '../src/cash/types';
import { toGlpkProblem } from '../src/solver/glpk-solver';

async function probe(): Promise<void> {
  const startedMs = performance.now();
  const [file, presolve = 'default'] = process.argv.slice(2);
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const glpkModule = await import('glpk.js/node');
  const importMs = lap();
  const glpk = await glpkModule.default();
  const wasmMs = lap();
  const plan = JSON.parse(readFileSync(file, 'utf8')) as CashPlan;
  validatePlan(plan);
  const lp = buildCashLp(plan, {});
  const buildMs = lap();
  const problem = toGlpkProblem(lp.program);
  const translateMs = lap();
  const options = { msglev: 0, ...(presolve === 'default' ? { presol: false } : { presol: presolve === 'on' }) };
  const cold = glpk.solve(problem, options);
  const solveMs = lap();
  readSchedule(plan, lp.index, cold.result.vars);
  const scheduleMs = lap();
  glpk.solve(problem, options);
  const warmSolveMs = lap();
  process.stdout.write(
    JSON.stringify({
      startedMs,
      importMs,
      wasmMs,
      buildMs,
      translateMs,
      solveMs,
      glpkSeconds: cold.time,
      scheduleMs,
      warmSolveMs,
      objective: cold.result.z,
    }) + '\n',
  );
}

void probe();
