/**
 * Cash plans of other seeds, as the held-out checks make them: `makePlan(T, K, seed, lots)` of
 * ../shared/bench/cash-plan/gen.mjs (its `toLP` writes the reference .lp), solved by `optimizeCash`
 * in this process and by Debian's glpsol (`--mipgap 5e-5` for MIPs, each with a time limit), every
 * returned schedule re-checked from the plan alone (test/cash/check-schedule.ts). Prints one row per
 * plan: our status, wall ms, objective and (time limit) gap, glpsol's status, wall ms and objective,
 * the relative difference and the constraints violated.
 *
 *   npx tsx bench/cash-seeds.ts [--time-limit S] [--only NAME] [--range T,K,FIRST,COUNT]   (npm run bench:cash-seeds)
 *
 * `--range 52,6,85001,20` runs COUNT lot-sized plans of T periods and K instruments from seed FIRST instead
 * (a fresh set). CPU ms are the process's for ours (glpk.js runs in this thread) and glpsol's own (bash
 * `times`): on a shared machine they move less than wall ms.
 *
 * The seeds are the ones measured in docs/cash.md ("Lot-sized plans: solved from the relaxation"):
 * 12 each of 52×6 and 78×6 with lots from 60001 and 70001 in steps of 37, the two slow plans that were
 * reported (52×6 seed 19053, 78×6 seed 39079), the other seeds of the earlier check, and 10 LPs (13×4,
 * 52×8, 260×12, 365×20).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optimizeCash } from '../src/cash/optimize-cash';
import type { CashPlan, CashResult } from '../src/cash/types';
import { glpkNodeSolver } from '../src/solver/glpk-node';
import { checkSchedule } from '../test/cash/check-schedule';
import { glpsol } from './glpsol';
import { sharedFolder } from './shared-folder';

interface Generator {
  makePlan(T: number, K: number, seed: number, lots: boolean): CashPlan;
  toLP(plan: CashPlan): string;
}

/** [periods, instruments, lots, seeds]. */
const SETS: [number, number, boolean, number[]][] = [
  [52, 6, true, [...Array.from({ length: 12 }, (_, i) => 60001 + 37 * i), 19053, 9719, 9756, 9793, 32053]],
  [78, 6, true, [...Array.from({ length: 12 }, (_, i) => 70001 + 37 * i), 39079, 39153, 40116]],
  [13, 4, false, [61001, 61038, 61075]],
  [52, 8, false, [62001, 62038, 62075]],
  [260, 12, false, [63001, 63038]],
  [365, 20, false, [64001, 64038]],
];

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

async function main(): Promise<void> {
  const limit = Number(flag('--time-limit') ?? 30);
  const only = flag('--only');
  const range = flag('--range')?.split(',').map(Number);
  const sets: typeof SETS = range
    ? [[range[0], range[1], true, Array.from({ length: range[3] }, (_, i) => range[2] + i)]]
    : SETS;
  const gen = (await import(pathToFileURL(join(sharedFolder(), 'bench', 'cash-plan', 'gen.mjs')).href)) as Generator;
  const dir = mkdtempSync(join(tmpdir(), 'openfpa-cash-seeds-'));
  await optimizeCash({ openingCash: 1, minCash: 0, flows: [0, 0], instruments: [] }, glpkNodeSolver); // load the wasm
  process.stdout.write(
    `| plan | ours | ours ms | ours CPU ms | objective | gap | glpsol | glpsol ms | glpsol CPU ms | glpsol objective | ours − glpsol (relative) | violated |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n`,
  );
  try {
    for (const [T, K, lots, seeds] of sets)
      for (const seed of seeds) {
        const name = `T${T}_K${K}${lots ? '_mip' : ''} seed ${seed}`;
        if (only && !name.includes(only)) continue;
        const plan = gen.makePlan(T, K, seed, lots);
        const lpFile = join(dir, 'plan.lp');
        writeFileSync(lpFile, gen.toLP(plan));
        const t = performance.now();
        const cpu = process.cpuUsage();
        const ours: CashResult = await optimizeCash(plan, glpkNodeSolver, { timeLimitSeconds: limit });
        const ms = performance.now() - t;
        const used = process.cpuUsage(cpu);
        const cpuMs = (used.user + used.system) / 1000;
        const violated = checkSchedule(plan, ours).length;
        const ref = glpsol(lpFile, 1, [...(lots ? ['--mipgap', '5e-5'] : []), '--tmlim', String(Math.max(60, limit))]);
        const diff = ref ? (ours.objective - ref.objective) / Math.abs(ref.objective) : NaN;
        process.stdout.write(
          `| ${name} | ${ours.status} | ${ms.toFixed(0)} | ${cpuMs.toFixed(0)} | ${ours.objective.toFixed(4)} | ${ours.gap?.toExponential(1) ?? ''} | ${ref?.status ?? 'no glpsol'} | ${ref?.ms.toFixed(0) ?? ''} | ${ref?.cpuMs.toFixed(0) ?? ''} | ${ref?.objective.toFixed(4) ?? ''} | ${diff.toExponential(1)} | ${violated} |\n`,
        );
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
