/**
 * Does the loop beat a static budget? Runs ../shared/bench/loop/run.mjs (a seeded synthetic
 * organisation: 12 cost centres × 3 lines and a KPI each, 3 years; see its header) with the
 * `openfpa loop-step` policy, as documented in docs/loop.md:
 *
 *   node ../shared/bench/loop/run.mjs --seed N --policy "node <repo>/bin/openfpa.cjs loop-step --no-report"
 *
 * for each seed, next to the runner's built-in `static` and `rule10` policies on the same draws, and
 * prints one markdown table: KPI attainment, year-end variance, adjustments, rescaling the runner had
 * to do, seconds; and whether the goals hold (attainment above both, variance below static, fewer
 * than half of rule10's adjustments, no rescaling).
 *
 *   npm run bench:loop                 seeds 1–5
 *   npm run bench:loop -- --seeds 6-15 other seeds
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** ../shared beside the repository (or above a worktree), or OPENFPA_SHARED. */
function findShared(): string | null {
  if (process.env.OPENFPA_SHARED) return process.env.OPENFPA_SHARED;
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (existsSync(path.join(candidate, 'bench', 'loop', 'run.mjs'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

function seedList(args: string[]): number[] {
  const at = args.indexOf('--seeds');
  const text = at >= 0 ? args[at + 1] : '1-5';
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

interface PolicyResult {
  kpiAttainment: number;
  absVariance: number;
  adjustments: number;
  rescaled: number;
  seconds: number;
}

const shared = findShared();
if (!shared) {
  process.stdout.write(
    'loop bench: ../shared/bench/loop/run.mjs not found (set OPENFPA_SHARED); nothing to measure.\n',
  );
  process.exit(0);
}
const runner = path.join(shared, 'bench', 'loop', 'run.mjs');
const policy = `"${process.execPath}" "${path.join(ROOT, 'bin', 'openfpa.cjs')}" loop-step --no-report`;
const tmp = mkdtempSync(path.join(tmpdir(), 'openfpa-bench-loop-'));
const rows: string[] = [];
let held = 0;
const seeds = seedList(process.argv.slice(2));
for (const seed of seeds) {
  const out = path.join(tmp, `seed-${seed}.json`);
  const run = spawnSync(process.execPath, [runner, '--seed', String(seed), '--policy', policy, '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    rows.push(`| ${seed} | (runner failed, exit ${run.status}) | | | | | | |`);
    continue;
  }
  const result = JSON.parse(readFileSync(out, 'utf8')) as { policies: Record<string, PolicyResult> };
  const { static: fixed, rule10, openfpa } = result.policies;
  const goals = [
    openfpa.kpiAttainment > Math.max(fixed.kpiAttainment, rule10.kpiAttainment),
    openfpa.absVariance < fixed.absVariance,
    openfpa.adjustments < rule10.adjustments / 2,
    openfpa.rescaled === 0,
  ];
  if (goals.every(Boolean)) held += 1;
  const mark = goals.every(Boolean)
    ? 'all 4'
    : `failed: ${['attainment', 'variance', 'adjustments', 'rescaling'].filter((_, i) => !goals[i]).join(', ')}`;
  for (const [name, r] of [
    ['static', fixed],
    ['rule10', rule10],
    ['openfpa', openfpa],
  ] as const)
    rows.push(
      `| ${seed} | ${name} | ${r.kpiAttainment.toFixed(4)} | ${(100 * r.absVariance).toFixed(2)}% | ${r.adjustments} | ${r.rescaled === 0 ? 0 : r.rescaled.toPrecision(2)} | ${r.seconds.toFixed(1)} | ${name === 'openfpa' ? mark : ''} |`,
    );
}
rmSync(tmp, { recursive: true, force: true });
process.stdout.write(
  [
    `Loop benchmark (${path.relative(ROOT, runner)}), policy: node bin/openfpa.cjs loop-step --no-report`,
    '',
    '| seed | policy | KPI attainment | year-end variance | adjustments | rescaled | seconds | goals |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Goals held on ${held} of ${seeds.length} seeds.`,
    '',
  ].join('\n'),
);
