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
  const cold = await solver.solve(lp.program, options);
  const coldMs = performance.now() - t;
  let warmMs = Infinity;
  let warmCpuMs = Infinity;
  for (let rep = 0; rep < (mip ? 2 : 5); rep++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    await solver.solve(lp.program, options);
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

/** CPU seconds of the children of a bash run, from the second line of `times` ("0m0.240s 0m0.010s"). */
function childCpuMs(timesOutput: string): number {
  const line = timesOutput.trim().split('\n').pop() ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? (parts[0] + parts[1]) * 1000 : NaN;
}

function glpsol(lpFile: string): { objective: number; status: string; ms: number; cpuMs: number } | null {
  if (!existsSync('/usr/bin/glpsol') && !existsSync('/usr/local/bin/glpsol')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'openfpa-glpsol-'));
  try {
    let best = Infinity;
    let bestCpu = Infinity;
    let out = '';
    for (let rep = 0; rep < 5; rep++) {
      const t = performance.now();
      // bash's `times` reports the CPU time of glpsol alone, robust to a busy machine.
      out = execFileSync(
        'bash',
        ['-c', 'glpsol --lp "$1" -o "$2" > "$3"; times', 'bash', lpFile, join(dir, 'x.sol'), join(dir, 'x.log')],
        { encoding: 'utf8' },
      );
      best = Math.min(best, performance.now() - t);
      bestCpu = Math.min(bestCpu, childCpuMs(out));
    }
    out = readFileSync(join(dir, 'x.log'), 'utf8');
    const infeasible = /NO PRIMAL FEASIBLE|PROBLEM HAS NO|INTEGER INFEASIBLE/i.test(out);
    const solution = existsSync(join(dir, 'x.sol')) ? readFileSync(join(dir, 'x.sol'), 'utf8') : '';
    const match = /Objective:\s+\S+\s+=\s+(\S+)/.exec(solution);
    return {
      objective: infeasible || !match ? NaN : Number(match[1]),
      status: infeasible ? 'infeasible' : 'optimal',
      ms: best,
      cpuMs: bestCpu,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(JSON.stringify(await measure(process.argv[one + 1])));
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
  for (const f of files) {
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
  if (!ok) process.stdout.write('\nSome objectives disagree with glpsol.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`cash bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
