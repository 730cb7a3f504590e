/**
 * Accuracy of the flags engine on labelled budget sets (scripts/make-budget-set.ts) over several
 * seeds — the seeds the rules were chosen on and seeds never looked at — next to a plain ±10%
 * variance rule, the calibration of the flags' confidence, the false-flag rate on clean tourism
 * series and on lines of pure Gaussian and heavy-tailed noise. Scoring: bench/flags-score.ts (one flag per issue).
 *
 * Run: npm run bench:flags [-- --tuning 2026,1,2 --held-out 101,102,103,104,105 --lines 200 --set a|b --periods 36]
 * With `--set b` the sets come from scripts/make-budget-set-b.ts, which no rule was tuned on: every seed
 * (default 101–105) is held out, and the tables that do not depend on the set (tourism, pure noise) are left out.
 * `--periods N` makes every labelled sheet and pure-noise line N months long (36 by default); the clean
 * tourism series stay 36 months.
 */
import { readFileSync } from 'node:fs';
import { detectFlags } from '../src/anomaly/detect-flags';
import { DEFAULT_THRESHOLDS } from '../src/anomaly/types';
import type { BudgetLine, ThresholdSettings } from '../src/anomaly/types';
import { seasonalFigure } from '../src/forecast/classical-decomposition';
import { quantile } from '../src/stats/quantile';
import { generatorFile, labelledSet, periodsOption, setOption } from './flags-sets';
import { noiseRows } from './flags-noise';
import { addScores, scoreFlags } from './flags-score';
import { falseFlagsByTrait, recallBySize } from './flags-traits';
import type { Score, ScoredFlag } from './flags-score';

const TUNING = [2026, 1, 2];
const HELD_OUT = [101, 102, 103, 104, 105];
const SET = setOption();
const PERIODS = periodsOption();

function option(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1].split(',').map(Number) : fallback;
}

/** The baseline: every period more than 10% from plan, consecutive periods on one side as one flag. */
function tenPercentRule(lines: ReadonlyArray<BudgetLine>): ScoredFlag[] {
  const out: ScoredFlag[] = [];
  for (const l of lines) {
    let open: ScoredFlag | null = null;
    l.plan.forEach((p, t) => {
      const a = l.actual[t];
      const off = p !== null && a !== null && p !== 0 && Math.abs(a - p) / Math.abs(p) > 0.1;
      const kind = off && (a as number) > (p as number) ? 'overspend' : 'underspend';
      if (off && open && open.kind === kind && open.throughIndex === t - 1) open.throughIndex = t;
      else if (off) out.push((open = { line: l.id, periodIndex: t, throughIndex: t, kind }));
      else open = null;
    });
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

interface Row {
  label: string;
  ours: Score;
  rule: Score;
  seconds: number;
}

function row(r: Row): string {
  const p = ratio(r.ours.real, r.ours.flags);
  const rec = ratio(r.ours.caught, r.ours.events);
  return `| ${r.label} | ${r.ours.events} (${r.ours.materialEvents}) | ${r.ours.flags} | ${pct(p)} | ${pct(rec)} | ${pct(ratio(r.ours.materialCaught, r.ours.materialEvents))} | ${pct(f1(p, rec))} | ${r.ours.flagsPerCaught.toFixed(2)} | ${r.rule.flags} | ${pct(ratio(r.rule.real, r.rule.flags))} | ${pct(ratio(r.rule.caught, r.rule.events))} | ${r.seconds.toFixed(1)} |`;
}

function runSeed(seed: number, lines: number, role: string, settings: ThresholdSettings = {}): Row {
  const { budget, labels } = labelledSet(SET, seed, lines, PERIODS);
  const started = process.hrtime.bigint();
  const flags = detectFlags(budget.lines, settings);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    label: `${seed} (${role})`,
    ours: scoreFlags(flags, labels),
    rule: scoreFlags(tenPercentRule(budget.lines), labels),
    seconds,
  };
}

/** Clean series: the last 36 months of each tourism series, plan = centred 2×12 moving average × seasonal index. */
function tourismLines(): BudgetLine[] {
  const data = JSON.parse(readFileSync('/work/shared/data/tourism-monthly.json', 'utf8')) as {
    series: { id: string; values: number[] }[];
  };
  const lines: BudgetLine[] = [];
  for (const s of data.series) {
    const x = s.values;
    if (x.length < 60 || x.some((v) => v <= 0)) continue;
    const figure = seasonalFigure(x, 12, 'multiplicative');
    const end = x.length - 6;
    const plan: number[] = [];
    const actual: number[] = [];
    for (let t = end - 36; t < end; t += 1) {
      let trend = 0.5 * (x[t - 6] + x[t + 6]);
      for (let j = -5; j < 6; j += 1) trend += x[t + j];
      plan.push((trend / 12) * figure[t % 12]);
      actual.push(x[t]);
    }
    lines.push({ id: s.id, costCentre: 'T', account: 'tourism', owner: 't', plan, actual });
  }
  return lines;
}

function main(): void {
  const lines = option('--lines', [200])[0];
  const tuningSeeds = option('--tuning', SET === 'a' ? TUNING : []);
  const tuning = tuningSeeds.map((s) => runSeed(s, lines, 'tuning'));
  const heldOut = option('--held-out', HELD_OUT).map((s) => runSeed(s, lines, SET === 'a' ? 'held-out' : 'set b'));
  const total = (label: string, rows: Row[]): Row => ({
    label,
    ours: addScores(rows.map((r) => r.ours)),
    rule: addScores(rows.map((r) => r.rule)),
    seconds: rows.reduce((s, r) => s + r.seconds, 0),
  });
  const out: string[] = [
    `Labelled budget sets (${generatorFile(SET)}, ${lines} lines × ${PERIODS} months a seed), one flag per issue; scoring in bench/flags-score.ts.`,
    '',
    '| seed | events (material) | flags | precision | recall | recall, material events | F1 | flags per caught event | ±10% flags | ±10% precision | ±10% recall | seconds |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...tuning.map(row),
    ...heldOut.map(row),
    ...(tuning.length > 0 ? [row(total('**all tuning seeds**', tuning))] : []),
    row(total('**all held-out seeds**', heldOut)),
  ];
  const all = addScores([...tuning, ...heldOut].map((r) => r.ours));
  const held = total('', heldOut).ours;
  out.push('', '| event kind (held-out seeds) | events | recall |', '|---|---|---|');
  for (const [k, v] of Object.entries(held.byEventKind))
    out.push(`| ${k} | ${v.events} | ${pct(ratio(v.caught, v.events))} |`);
  out.push('', '| flag kind (all seeds) | flags | precision |', '|---|---|---|');
  for (const [k, v] of Object.entries(all.byFlagKind))
    out.push(`| ${k} | ${v.flags} | ${pct(ratio(v.real, v.flags))} |`);
  out.push('', '| confidence (all seeds) | flags | share real |', '|---|---|---|');
  for (const [lo, hi] of [
    [0, 0.95],
    [0.95, 0.99],
    [0.99, 0.999],
    [0.999, 1.01],
  ]) {
    const bin = all.confidence.filter(([c]) => c >= lo && c < hi);
    out.push(
      `| ${lo}–${Math.min(hi, 1)} | ${bin.length} | ${pct(ratio(bin.filter(([, r]) => r).length, bin.length))} |`,
    );
  }
  out.push(
    '',
    '| alpha (held-out seeds) | flags | precision | recall | recall, material events |',
    '|---|---|---|---|---|',
  );
  for (const alpha of [0.005, 0.01, 0.02, 0.05]) {
    const s = addScores(option('--held-out', HELD_OUT).map((seed) => runSeed(seed, lines, '', { alpha }).ours));
    out.push(
      `| ${alpha}${alpha === DEFAULT_THRESHOLDS.alpha ? ' (default)' : ''} | ${s.flags} | ${pct(ratio(s.real, s.flags))} | ${pct(ratio(s.caught, s.events))} | ${pct(ratio(s.materialCaught, s.materialEvents))} |`,
    );
  }
  const firstSeed = [...tuningSeeds, ...option('--held-out', HELD_OUT)][0];
  out.push('', firstSeed === undefined ? '' : severitySpread(firstSeed, lines));
  if (SET === 'b') {
    out.push(
      '',
      'False flags by what the line was drawn from (held-out seeds, default thresholds):',
      '',
      '| line | lines | false flags | per 100 lines |',
      '|---|---|---|---|',
      ...falseFlagsByTrait(option('--held-out', HELD_OUT), lines, {}, PERIODS),
      '',
      'Events caught by size in noise units σ (held-out seeds, default thresholds; caught / events):',
      '',
      '| event kind | < 2 σ | 2–4 σ | 4–8 σ | ≥ 8 σ |',
      '|---|---|---|---|---|',
      ...recallBySize(option('--held-out', HELD_OUT), lines, {}, PERIODS),
    );
    process.stdout.write(out.join('\n') + '\n');
    return;
  }
  const clean = tourismLines();
  const periods = clean.reduce((n, l) => n + l.plan.length, 0);
  const ours = detectFlags(clean);
  const rule = tenPercentRule(clean);
  out.push(
    '',
    `Clean tourism series (plan = centred 2×12 moving average × seasonal index, no injections): ${clean.length} series, ${periods} periods`,
    '',
    '| detector | flags | flags per 100 periods | series with any flag |',
    '|---|---|---|---|',
    `| ours | ${ours.length} | ${(100 * ratio(ours.length, periods)).toFixed(2)} | ${pct(ratio(new Set(ours.map((f) => f.line)).size, clean.length))} |`,
    `| ±10% rule | ${rule.length} | ${(100 * ratio(rule.length, periods)).toFixed(2)} | ${pct(ratio(new Set(rule.map((f) => f.line)).size, clean.length))} |`,
    '',
    `Pure-noise lines (bench/flags-noise.ts: ${PERIODS} months, noise 10% of a flat plan, or 3% against ±30% seasonal actuals, or AR(1) noise of ρ 0.5 at 10%, then t(3), AR(1) ρ 0.3 and lognormal σ 0.3 noise at 10%, minPct 0, alpha 1%): share of lines with a false flag`,
    '',
    '| noise | lines | with a run | with a one-off |',
    '|---|---|---|---|',
    ...noiseRows(4000, 7, PERIODS),
  );
  process.stdout.write(out.join('\n') + '\n');
}

/** Quartiles of severity on one seed's flags: the scale separates flags when they spread. */
function severitySpread(seed: number, lines: number): string {
  const flags = detectFlags(labelledSet(SET, seed, lines, PERIODS).budget.lines);
  const s = flags.map((f) => f.severity);
  const q = [0.1, 0.25, 0.5, 0.75, 0.9].map((p) => quantile(s, p).toFixed(3));
  return `Severity of the ${flags.length} flags of seed ${seed}: P10 ${q[0]}, P25 ${q[1]}, median ${q[2]}, P75 ${q[3]}, P90 ${q[4]}.`;
}

main();
