/**
 * Cash optimisation benchmark: every plan of ../shared/bench/cash-plan/plans (LPs 13×4, 52×8,
 * 260×12, 365×20; MIPs with lot sizes; one infeasible plan) solved with glpk.js, next to Debian's
 * glpsol on the same plan's .lp file. Each plan runs in its own process, so "cold" includes loading
 * the wasm and "peak RSS" is that plan's. Columns: build ms (plan → programme), solve ms cold and
 * warm (best of 5 warm solves of the programme) with the warm CPU time, objective, glpsol's
 * objective, wall and CPU time (best of 5, including reading the .lp file), the warm/glpsol ratios
 * (CPU time is the fair one when other processes compete for the cores), and whether the objectives agree
 * (1e-6 relative for LPs, 1e-4 for MIPs; both must say "infeasible" for the infeasible plan).
 * Targets: warm within 2× of glpsol for every LP; 365×20 warm under 1 s.
 * Then the scenario rows (bench/cash-scenarios.ts): 52×8 with 1,000 trials under a CVaR limit (LP) and
 * 200 trials under a chance constraint (MIP), next to glpsol on the whole programme; `--scenarios-only`
 * prints only those; `--chance-plans` replaces them with the chance MIP on every plan of up to 100 periods.
 * Run: `npx tsx bench/cash.ts` (npm run bench:cash). Exits 0 even when the plans are absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCashLp } from '../src/cash/build-cash-lp';
import { DEFAULT_MIP_GAP, optimizeCash } from '../src/cash/optimize-cash';
import type { CashPlan } from '../src/cash/types';
import { createGlpkSolver } from '../src/solver/glpk-solver';
import { solveFromRounding } from '../src/solver/rounding-start';
import { glpsolArgs, measureScenario, SCENARIO_CASES, SCENARIO_HEADER, scenarioRow } from './cash-scenarios';
import type { ScenarioMeasurement } from './cash-scenarios';
import { glpsol } from './glpsol';

const PLANS = join(__dirname, '..', '..', 'shared', 'bench', 'cash-plan', 'plans');

interface Measurement {
  plan: string;
  periods: number;
  instruments: number;
  mip: boolean;
  buildMs: number;
  coldMs: number;
  warmMs: number;
  warmCpuMs: number;
  status: string;
  objective: number;
  firstShortPeriod?: number;
  peakRssMb: number;
}

async function measure(file: string): Promise<Measurement> {
  const plan = JSON.parse(readFileSync(file, 'utf8')) as CashPlan;
  const solver = createGlpkSolver(async () => (await import('glpk.js/node')).default());
  let t = performance.now();
  const lp = buildCashLp(plan);
  const buildMs = performance.now() - t;
  const mip = lp.program.columns.some((c) => c.integer);
  const options = { mipGap: mip ? DEFAULT_MIP_GAP : undefined };
  t = performance.now();
  const cold = await solveFromRounding(solver, lp.program, options);
  const coldMs = performance.now() - t;
  let warmMs = Infinity;
  let warmCpuMs = Infinity;
  for (let rep = 0; rep < (mip ? 2 : 5); rep++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    await solveFromRounding(solver, lp.program, options);
    const used = process.cpuUsage(cpu);
    warmMs = Math.min(warmMs, performance.now() - t);
    warmCpuMs = Math.min(warmCpuMs, (used.user + used.system) / 1000);
  }
  const full = await optimizeCash(plan, solver);
  return {
    plan: file.replace(/^.*\//, '').replace(/\.json$/, ''),
    periods: plan.flows.length,
    instruments: plan.instruments.length,
    mip,
    buildMs,
    coldMs,
    warmMs,
    warmCpuMs,
    status: cold.status,
    objective: full.status === 'infeasible' ? NaN : full.objective,
    firstShortPeriod: full.shortfall?.[0]?.period,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(JSON.stringify(await measure(process.argv[one + 1])));
    return;
  }
  const scenario = process.argv.indexOf('--scenario');
  if (scenario >= 0) {
    const [planFile, measure, trials, lpFile] = process.argv.slice(scenario + 1);
    const m = await measureScenario(planFile, measure as 'cvar' | 'chance', Number(trials), lpFile);
    process.stdout.write(JSON.stringify(m));
    return;
  }
  if (!existsSync(PLANS)) {
    process.stdout.write(
      `cash bench: ${PLANS} is absent (run \`node gen.mjs\` in ../shared/bench/cash-plan); nothing to measure.\n`,
    );
    return;
  }
  const files = readdirSync(PLANS)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => {
      const size = (f: string): number => {
        const m = /T(\d+)_K(\d+)/.exec(f);
        return m ? Number(m[1]) * Number(m[2]) + (f.includes('_') && /mip|infeasible/.test(f) ? 1e6 : 0) : 0;
      };
      return size(a) - size(b);
    });
  const rows: string[] = [];
  let ok = true;
  const scenariosOnly = process.argv.includes('--scenarios-only');
  for (const f of scenariosOnly ? [] : files) {
    const child = execFileSync(process.execPath, [...process.execArgv, __filename, '--one', join(PLANS, f)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const m = JSON.parse(child) as Measurement;
    const ref = glpsol(join(PLANS, f.replace(/\.json$/, '.lp')));
    let agree = 'n/a';
    if (ref) {
      if (m.status === 'infeasible' || ref.status === 'infeasible')
        agree = m.status === ref.status ? `yes (both infeasible; short from period ${m.firstShortPeriod})` : 'NO';
      else {
        const rel = Math.abs(m.objective - ref.objective) / Math.max(1, Math.abs(ref.objective));
        agree = rel <= (m.mip ? 1e-4 : 1e-6) ? `yes (${rel.toExponential(1)})` : `NO (${rel.toExponential(1)})`;
      }
      if (agree.startsWith('NO')) ok = false;
    }
    const ratio = ref ? m.warmMs / ref.ms : NaN;
    const cpuRatio = ref ? m.warmCpuMs / ref.cpuMs : NaN;
    rows.push(
      `| ${m.plan} | ${m.periods}×${m.instruments} | ${m.mip ? 'MIP' : 'LP'} | ${fmt(m.buildMs)} | ${fmt(m.coldMs)} | ${fmt(m.warmMs)} | ${fmt(m.warmCpuMs)} | ${m.status} | ${fmt(m.objective, 4)} | ${ref ? fmt(ref.objective, 4) : 'n/a'} | ${ref ? fmt(ref.ms) : 'n/a'} | ${ref ? fmt(ref.cpuMs) : 'n/a'} | ${fmt(ratio, 2)} | ${fmt(cpuRatio, 2)} | ${agree} | ${fmt(m.peakRssMb, 0)} |`,
    );
    process.stderr.write(`cash bench: ${m.plan} done\n`);
  }
  process.stdout.write(
    [
      '| plan | T×K | kind | build ms | solve ms cold | solve ms warm | warm CPU ms | status | objective | glpsol objective | glpsol ms | glpsol CPU ms | warm/glpsol wall | warm/glpsol CPU | agree | peak RSS MB |',
      '|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|',
      ...rows,
    ].join('\n') + '\n',
  );
  const k8 = join(PLANS, 'plan_T52_K8.json');
  const cases = process.argv.includes('--chance-plans')
    ? chancePlans(files).map((f) => ({ planFile: join(PLANS, f), measure: 'chance' as const, trials: 200 }))
    : SCENARIO_CASES.map((c) => ({ planFile: k8, ...c }));
  const scenarioLines = scenarioTable(cases);
  process.stdout.write(['', ...SCENARIO_HEADER, ...scenarioLines.rows].join('\n') + '\n');
  if (!ok || !scenarioLines.ok) process.stdout.write('\nSome objectives disagree with glpsol.\n');
}

/**
 * `--chance-plans`: the chance MIP (200 trials) on every plan of the folder with at most 100 periods
 * (the 260- and 365-period plans would hold 52,000 and 73,000 cash rows), the infeasible one aside.
 */
function chancePlans(files: string[]): string[] {
  return files.filter((f) => !f.includes('infeasible') && Number(/T(\d+)_/.exec(f)?.[1] ?? Infinity) <= 100);
}

interface ScenarioCase {
  planFile: string;
  measure: 'cvar' | 'chance';
  trials: number;
}

/** The scenario rows (bench/cash-scenarios.ts), each case in its own process, then glpsol once on its whole programme. */
function scenarioTable(cases: ScenarioCase[]): { rows: string[]; ok: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'openfpa-scenario-lp-'));
  const rows: string[] = [];
  let ok = true;
  try {
    for (const { planFile, measure, trials } of cases) {
      const lpFile = join(dir, `${measure}-${trials}.lp`);
      let child: string;
      try {
        child = execFileSync(
          process.execPath,
          [...process.execArgv, __filename, '--scenario', planFile, measure, String(trials), lpFile],
          { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'] },
        );
      } catch (error) {
        // A case that fails is a row saying why, so the other rows still print.
        const stderr = String((error as { stderr?: unknown }).stderr ?? '');
        const why = /FpaError: ([^\n]*)/.exec(stderr)?.[1] ?? (error as Error).message.split('\n')[0];
        const plan = planFile.replace(/^.*\//, '').replace(/\.json$/, '');
        rows.push(`| scenario ${measure} ${plan} | ×${trials} | failed: ${why.replace(/\|/g, '/')} |`);
        ok = false;
        continue;
      }
      // GLPK's LP writer reports on stdout; the measurement is the last line.
      const m = JSON.parse(child.trim().split('\n').pop() ?? '') as ScenarioMeasurement;
      const line = scenarioRow(m, glpsol(lpFile, m.warmRuns, glpsolArgs(measure)));
      rows.push(line.row);
      ok &&= line.ok;
      process.stderr.write(`cash bench: scenario ${measure} × ${trials} (${m.plan}) done\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, ok };
}

main().catch((error: unknown) => {
  process.stderr.write(`cash bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
