/**
 * Accuracy of the flags engine on the labelled budget set (scripts/make-budget-set.ts), next to a
 * plain ±10% variance rule, and the false-positive rate of both on clean tourism series.
 *
 * Scoring (issue 8): a flag is a true positive when it falls inside an event of its line (spike:
 * its period; shift and trend: onset to the end of the series; run-rate: onset to the fiscal
 * year end; underspend: its periods). An event is caught when a flag falls inside it, and a shift
 * or trend change only when a flag falls within two periods of its onset. Precision per flag kind,
 * recall per event kind, F1 overall.
 *
 * Run: npx tsx bench/flags.ts [budget-set.json labels.json]
 */
import { readFileSync } from 'node:fs';
import { detectFlags } from '../src/anomaly/detect-flags';
import type { BudgetLine } from '../src/anomaly/types';
import { seasonalFigure } from '../src/forecast/classical-decomposition';
import type { LabelledEvent } from '../scripts/make-budget-set';

interface SimpleFlag {
  line: string;
  periodIndex: number;
  kind: string;
}

/** The baseline: flag every period whose actual is more than 10% away from plan. */
function tenPercentRule(lines: ReadonlyArray<BudgetLine>): SimpleFlag[] {
  return lines.flatMap((l) =>
    l.plan.flatMap((p, t) => {
      const a = l.actual[t];
      if (p === null || a === null || p === 0 || Math.abs(a - p) / Math.abs(p) <= 0.1) return [];
      return [{ line: l.id, periodIndex: t, kind: a > p ? 'overspend' : 'underspend' }];
    }),
  );
}

function caughtWindow(e: LabelledEvent): [number, number] {
  return e.kind === 'shift' || e.kind === 'trend' ? [e.start, Math.min(e.end, e.start + 2)] : [e.start, e.end];
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  flags: number;
  byFlagKind: Record<string, { flags: number; precision: number }>;
  byEventKind: Record<string, { events: number; recall: number }>;
}

function score(flags: SimpleFlag[], events: LabelledEvent[]): Score {
  const byLine = new Map<string, LabelledEvent[]>();
  for (const e of events) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const inside = (f: SimpleFlag, lo: (e: LabelledEvent) => [number, number]) =>
    (byLine.get(f.line) ?? []).some((e) => f.periodIndex >= lo(e)[0] && f.periodIndex <= lo(e)[1]);
  const flagKinds: Record<string, { flags: number; tp: number }> = {};
  let tp = 0;
  for (const f of flags) {
    const hit = inside(f, (e) => [e.start, e.end]);
    tp += hit ? 1 : 0;
    const k = (flagKinds[f.kind] ??= { flags: 0, tp: 0 });
    k.flags += 1;
    k.tp += hit ? 1 : 0;
  }
  const flagSet = new Map<string, number[]>();
  for (const f of flags) flagSet.set(f.line, [...(flagSet.get(f.line) ?? []), f.periodIndex]);
  const eventKinds: Record<string, { events: number; caught: number }> = {};
  let caught = 0;
  for (const e of events) {
    const [a, b] = caughtWindow(e);
    const hit = (flagSet.get(e.line) ?? []).some((t) => t >= a && t <= b);
    caught += hit ? 1 : 0;
    const k = (eventKinds[e.kind] ??= { events: 0, caught: 0 });
    k.events += 1;
    k.caught += hit ? 1 : 0;
  }
  const precision = flags.length ? tp / flags.length : 0;
  const recall = events.length ? caught / events.length : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    flags: flags.length,
    byFlagKind: Object.fromEntries(
      Object.entries(flagKinds).map(([k, v]) => [k, { flags: v.flags, precision: v.tp / v.flags }]),
    ),
    byEventKind: Object.fromEntries(
      Object.entries(eventKinds).map(([k, v]) => [k, { events: v.events, recall: v.caught / v.events }]),
    ),
  };
}

/** Clean series: the last 36 months of each tourism series where a centred 2×12 moving average exists, with plan = trend × seasonal index. */
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

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function main(): void {
  const budgetPath = process.argv[2] ?? 'test/fixtures/anomaly/budget-set.json';
  const labelsPath = process.argv[3] ?? 'test/fixtures/anomaly/labels.json';
  const budget = JSON.parse(readFileSync(budgetPath, 'utf8')) as { periods: string[]; lines: BudgetLine[] };
  const { events } = JSON.parse(readFileSync(labelsPath, 'utf8')) as { events: LabelledEvent[] };
  const started = process.hrtime.bigint();
  const ours = score(detectFlags(budget.lines), events);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rule = score(tenPercentRule(budget.lines), events);
  const out: string[] = [];
  out.push(
    `Labelled set: ${budget.lines.length} lines × ${budget.periods.length} periods, ${events.length} events (${seconds.toFixed(1)} s for our detector)`,
    '',
  );
  out.push(
    '| case | flags | ours precision | ours recall | ours F1 | ±10% precision | ±10% recall | ±10% F1 |',
    '|---|---|---|---|---|---|---|---|',
  );
  out.push(
    `| overall | ${ours.flags} / ${rule.flags} | ${pct(ours.precision)} | ${pct(ours.recall)} | ${pct(ours.f1)} | ${pct(rule.precision)} | ${pct(rule.recall)} | ${pct(rule.f1)} |`,
  );
  out.push('', '| event kind | events | ours recall | ±10% recall |', '|---|---|---|---|');
  for (const [k, v] of Object.entries(ours.byEventKind))
    out.push(`| ${k} | ${v.events} | ${pct(v.recall)} | ${pct(rule.byEventKind[k]?.recall ?? 0)} |`);
  out.push('', '| flag kind | ours flags | ours precision | ±10% flags | ±10% precision |', '|---|---|---|---|---|');
  const kinds = new Set([...Object.keys(ours.byFlagKind), ...Object.keys(rule.byFlagKind)]);
  for (const k of kinds) {
    const o = ours.byFlagKind[k];
    const r = rule.byFlagKind[k];
    out.push(
      `| ${k} | ${o?.flags ?? 0} | ${o ? pct(o.precision) : '–'} | ${r?.flags ?? 0} | ${r ? pct(r.precision) : '–'} |`,
    );
  }
  const clean = tourismLines();
  const periods = clean.reduce((n, l) => n + l.plan.length, 0);
  const ourClean = detectFlags(clean);
  const ruleClean = tenPercentRule(clean);
  const flaggedSeries = (fs: SimpleFlag[]) => new Set(fs.map((f) => f.line)).size;
  out.push(
    '',
    `Clean tourism series (plan = centred 2×12 moving average × seasonal index, no injections): ${clean.length} series, ${periods} periods`,
    '',
  );
  out.push('| detector | flags | false-positive rate per period | series with any flag |', '|---|---|---|---|');
  out.push(
    `| ours | ${ourClean.length} | ${pct(ourClean.length / periods)} | ${pct(flaggedSeries(ourClean) / clean.length)} |`,
  );
  out.push(
    `| ±10% rule | ${ruleClean.length} | ${pct(ruleClean.length / periods)} | ${pct(flaggedSeries(ruleClean) / clean.length)} |`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

main();
