/**
 * The memory of adjustments: every move the loop applies is kept with its context and what the
 * forecast expected; some months later its outcome is measured against that forecast (did the
 * variance close, how much of the move was spent, did the KPI move). A new proposal cites the most
 * similar past moves and what they achieved, and the measured pass-through (how much of a budget
 * change turned into spending) replaces the assumed one line by line.
 */
import type { AdjustmentContext, AdjustmentRecord } from '../model/kpi';
import { countOf } from '../format/count-of';
import { formatNumber, withMinus, type NumberStyle } from '../format/format-number';

/** What a record needs from the line at the time of the move: the record without its id and outcome. */
export type MoveFacts = Omit<AdjustmentRecord, 'id' | 'outcome' | 'proposal'>;

/** What measuring needs from the line now. */
export interface LineNow {
  actual: ReadonlyArray<number | null>;
  kpiActual: ReadonlyArray<number | null> | null;
  /** The projected year-end gap of the move's year under the plan in force (or, after the year, the final gap). */
  gap: number;
}

export function recordAdjustment(facts: MoveFacts, sequence: number): AdjustmentRecord {
  return { id: `adj:${facts.line}@${facts.context.period}:${sequence}`, ...facts };
}

const sum = (values: ReadonlyArray<number | null>, from: number, to: number): number | null => {
  let s = 0;
  for (let u = from; u <= to; u++) {
    const v = values[u];
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    s += v;
  }
  return s;
};

/**
 * Measures the outcome of `record` once `months` periods have passed since it (else returns it as it is).
 * gapClosed = 1 − |gap now| ÷ |gap at the move| (null when the gap at the move was below 0.5% of the
 * plan); passThrough = (spend − spend expected without the move) ÷ plan added; kpiLift = (KPI − KPI
 * expected without the move) ÷ target, over the months measured.
 */
export function measureOutcome(
  record: AdjustmentRecord,
  now: LineNow,
  lastPeriod: number,
  months: number,
): AdjustmentRecord {
  const from = record.context.period + 1;
  const to = record.context.period + months;
  if (record.outcome || lastPeriod < to) return record;
  const spent = sum(now.actual, from, to);
  const e = record.expected;
  const gapClosed =
    Math.abs(e.gap) >= 0.005 * Math.max(record.before, 1e-9) ? 1 - Math.abs(now.gap) / Math.abs(e.gap) : null;
  const passThrough =
    spent !== null && Math.abs(e.planAdded) > 1e-9 * Math.max(1, e.spendWithout)
      ? (spent - e.spendWithout) / e.planAdded
      : null;
  const kpi = now.kpiActual ? sum(now.kpiActual, from, to) : null;
  const kpiLift = kpi !== null && e.kpiWithout !== null && e.kpiTarget ? (kpi - e.kpiWithout) / e.kpiTarget : null;
  return { ...record, outcome: { measuredAt: lastPeriod, gapClosed, passThrough, kpiLift } };
}

/** Distance between two contexts: direction must agree; then kind, size of the gap and of the move, KPI state, season. */
export function contextDistance(a: AdjustmentContext, b: AdjustmentContext): number {
  if (a.direction !== b.direction) return Infinity;
  const kind = a.kinds.some((k) => b.kinds.includes(k)) ? 0 : 1;
  const gap = Math.abs(a.gapShare - b.gapShare) * 10;
  const move = Math.abs(a.moveShare - b.moveShare) * 5;
  const kpi =
    a.kpiAttainment !== null && b.kpiAttainment !== null ? Math.abs(a.kpiAttainment - b.kpiAttainment) * 5 : 0.5;
  const left = Math.abs(a.monthsLeft - b.monthsLeft) / 12;
  return kind + gap + move + kpi + left;
}

/** Up to `count` measured past moves most like `context` (nearest first), within distance 3. */
export function similarCases(
  memory: ReadonlyArray<AdjustmentRecord>,
  context: AdjustmentContext,
  count = 3,
): AdjustmentRecord[] {
  return memory
    .filter((r) => r.outcome)
    .map((r) => ({ r, d: contextDistance(context, r.context) }))
    .filter((x) => x.d <= 3)
    .sort((x, y) => x.d - y.d)
    .slice(0, count)
    .map((x) => x.r);
}

/** A whole percentage, rounded as before the locale was known (Math.round of ×100). */
const percent = (v: number, style: NumberStyle) =>
  formatNumber(Math.round(v * 100) / 100, 'percent', style, { decimals: 0 });

/** A signed share with one decimal: "+1.5%", "-0.4%" (a lift that rounds to 0 keeps its side). */
function signedPercent(v: number, style: NumberStyle): string {
  const tenths = Number((v * 100).toFixed(1));
  return `${v >= 0 ? '+' : withMinus('-', style)}${formatNumber(Math.abs(tenths) / 100, 'percent', style, { decimals: 1 })}`;
}

/**
 * The citation a proposal shows, e.g. "3 similar moves closed 70% of the gap within 2 months", or
 * for moves made for a KPI, "2 similar raises lifted the KPI by 1.5% of target within 2 months".
 * Empty when there is nothing measured to cite. `style`: the reader's locale and minus sign
 * (src/format; default en-US with the hyphen-minus, as the CLI prints).
 */
export function citeCases(cases: ReadonlyArray<AdjustmentRecord>, months: number, style: NumberStyle = {}): string {
  if (cases.length === 0) return '';
  const noun = cases.length === 1 ? 'move' : 'moves';
  const within = `within ${countOf(months, 'month')}`;
  const closed = cases.map((c) => c.outcome?.gapClosed).filter((v): v is number => v !== null && v !== undefined);
  if (closed.length > 0) {
    const mean = closed.reduce((s, v) => s + v, 0) / closed.length;
    return `${cases.length} similar ${noun} ${mean >= 0 ? `closed ${percent(Math.min(1, mean), style)} of the gap` : `widened the gap by ${percent(-mean, style)}`} ${within}`;
  }
  const lifts = cases.map((c) => c.outcome?.kpiLift).filter((v): v is number => v !== null && v !== undefined);
  if (lifts.length === 0) return `${cases.length} similar ${noun}, outcome not measurable`;
  const mean = lifts.reduce((s, v) => s + v, 0) / lifts.length;
  return `${cases.length} similar ${noun} moved the KPI by ${signedPercent(mean, style)} of target ${within}`;
}

/**
 * The pass-through to assume for `line`: the prior shrunk toward what its measured moves spent,
 * (n₀·prior + Σ measured) ÷ (n₀ + n) with n₀ = 3, each measurement clipped to [0, 1]; kept within [0.1, 0.9].
 */
export function learnedPassThrough(memory: ReadonlyArray<AdjustmentRecord>, line: string, prior: number): number {
  let total = 3 * prior;
  let count = 3;
  for (const r of memory) {
    const p = r.line === line ? r.outcome?.passThrough : null;
    if (p === null || p === undefined || !Number.isFinite(p)) continue;
    total += Math.min(1, Math.max(0, p));
    count += 1;
  }
  return Math.min(0.9, Math.max(0.1, total / count));
}
