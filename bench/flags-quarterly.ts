/**
 * False flags on pure-noise quarterly lines judged with a year of 4 periods (what quarterly labels set
 * when `thresholds.periodsPerYear` is not given) against the old default 12: the share of lines with a
 * run and with a one-off (`minPct` 0, alpha 1%), and how many lines took the other years' seasonal
 * profile by chance. Each line: a plan with a ±30% quarterly season, actuals = plan × (1 + 3% noise).
 * Then the power to find a 10% level shift from the 11th of 16 quarters (200 lines, seeds 90000 + k;
 * actuals with the ±30% season and 3% noise, planned flat or with the season): lines with a run that
 * starts within two quarters of the shift's onset.
 * docs/anomaly.md, "Quarterly and weekly sheets".
 *
 * Run: npx tsx bench/flags-quarterly.ts [--lines 2000] [--lengths 8,12,16,20,24] [--shift-lines 200]
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import { lineResiduals } from '../src/anomaly/line-residuals';
import type { BudgetLine } from '../src/anomaly/types';
import { boxMullerNormal, mulberry32 } from '../scripts/mulberry32';
import { titledTable } from './markdown';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const LINES = Number(option('--lines', '2000'));
const LENGTHS = option('--lengths', '8,12,16,20,24').split(',').map(Number);
const SHIFT_LINES = Number(option('--shift-lines', '200'));
const SHIFT_QUARTERS = 16;
const SHIFT_AT = 10;
const SHIFT = 0.1;

/** A seasonal quarterly line of pure noise; seeds 70000 + k. */
function quarterlyLine(seed: number, periods: number): BudgetLine {
  const u = mulberry32(seed);
  const plan = Array.from({ length: periods }, (_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 4)));
  const actual = plan.map((p) => p * (1 + 0.03 * boxMullerNormal(u)));
  return { id: `q${seed}`, costCentre: 'CC', account: 'A', owner: 'o', plan, actual };
}

const percent = (count: number) => `${((100 * count) / LINES).toFixed(1)}%`;
const rows: string[] = [];
for (const periods of LENGTHS) {
  const lines = Array.from({ length: LINES }, (_, k) => quarterlyLine(70000 + k, periods));
  const cells = [String(periods)];
  for (const periodsPerYear of [12, 4]) {
    const flags = detectFlags(lines, { useForecast: false, minPct: 0, alpha: 0.01, periodsPerYear });
    const withFlag = (run: boolean) =>
      new Set(flags.filter((f) => f.throughIndex > f.periodIndex === run).map((f) => f.line)).size;
    const profiled = lines.filter((l) => lineResiduals(l.plan, l.actual, periodsPerYear).deseasonalised).length;
    cells.push(percent(withFlag(true)), percent(withFlag(false)), percent(profiled));
  }
  rows.push(`| ${cells.join(' | ')} |`);
}
const columns = ['quarters', 'runs at 12', 'one-offs at 12', 'profiled at 12', 'runs at 4', 'one-offs at 4'];
console.log(
  titledTable(
    `Pure-noise quarterly lines (${LINES} per length, seeded), lines with a false flag at alpha 1%`,
    [...columns, 'profiled at 4'],
    rows,
  ).join('\n'),
);

const season = (t: number) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 4));

/** A seasonal quarterly line whose actuals shift by `SHIFT` from quarter `SHIFT_AT`; seeds 90000 + k. */
function shiftedLine(seed: number, flatPlan: boolean): BudgetLine {
  const u = mulberry32(seed);
  const plan = Array.from({ length: SHIFT_QUARTERS }, (_, t) => (flatPlan ? 1000 : season(t)));
  const actual = plan.map((_, t) => season(t) * (1 + 0.03 * boxMullerNormal(u) + (t >= SHIFT_AT ? SHIFT : 0)));
  return { id: `s${seed}`, costCentre: 'CC', account: 'A', owner: 'o', plan, actual };
}

const shiftRows: string[] = [];
for (const flatPlan of [true, false]) {
  const lines = Array.from({ length: SHIFT_LINES }, (_, k) => shiftedLine(90000 + k, flatPlan));
  const cells = [flatPlan ? 'flat plan, seasonal actuals' : 'seasonal plan'];
  for (const periodsPerYear of [12, 4]) {
    const flags = detectFlags(lines, { useForecast: false, periodsPerYear });
    const found = flags.filter((f) => f.throughIndex > f.periodIndex && Math.abs(f.periodIndex - SHIFT_AT) <= 2);
    const profiled = lines.filter((l) => lineResiduals(l.plan, l.actual, periodsPerYear).deseasonalised).length;
    cells.push(`${new Set(found.map((f) => f.line)).size} / ${SHIFT_LINES}`, String(profiled));
  }
  shiftRows.push(`| ${cells.join(' | ')} |`);
}
console.log(
  titledTable(
    `A ${100 * SHIFT}% shift from quarter ${SHIFT_AT + 1} of ${SHIFT_QUARTERS} (${SHIFT_LINES} lines, seeded): lines with a run starting within 2 quarters of it`,
    ['plan', 'found at 12', 'profiled at 12', 'found at 4', 'profiled at 4'],
    shiftRows,
  ).join('\n'),
);
