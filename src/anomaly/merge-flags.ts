/**
 * De-duplication and ranking: one flag per line and period, carrying every reason.
 */
import type { Flag, FlagKind, Reason } from './types';

/** When several reasons meet, the most specific names the flag. */
const PRIORITY: ReadonlyArray<FlagKind> = ['shift', 'outlier', 'run-rate', 'opportunity', 'overspend', 'underspend'];

/**
 * Severity in 0..1: the mean of an evidence score and a materiality score, each 0.5 exactly at its
 * threshold and approaching 1 at several times it (1 − 2^(−x)), plus 0.05 for each further kind of
 * reason that agrees.
 * @example severity(3, 3, 1, 1) // 0.5
 */
export function severity(evidence: number, z: number, materiality: number, kinds: number): number {
  const e = 1 - Math.pow(2, -evidence / z);
  const m = 1 - Math.pow(2, -materiality);
  const s = 0.5 * e + 0.5 * m + 0.05 * Math.max(0, kinds - 1);
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}

export interface PeriodContext {
  line: string;
  periodIndex: number;
  /** actual − plan of the period. */
  variance: number;
  /** The materiality threshold in money for this period (max of minAbs and minPct × plan). */
  materialAmount: number;
}

/** Builds the single flag of one line and period from all its reasons (at least one). */
export function mergeReasons(context: PeriodContext, reasons: Reason[], z: number): Flag {
  const kinds = new Set(reasons.map((r) => r.kind));
  const kind = PRIORITY.find((k) => kinds.has(k)) as FlagKind;
  const ordered = [...reasons].sort(
    (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.evidence - a.evidence,
  );
  const main = ordered.filter((r) => r.kind === kind);
  const evidence = Math.max(...main.map((r) => r.evidence));
  const amount = Math.max(...main.map((r) => r.amount));
  const materiality = context.materialAmount > 0 ? amount / context.materialAmount : 4;
  return {
    line: context.line,
    periodIndex: context.periodIndex,
    kind,
    severity: severity(evidence, z, materiality, kinds.size),
    amount: Math.abs(context.variance),
    explanation: ordered.map((r) => r.text).join(' '),
    reasons: ordered,
  };
}

/** Ranks by severity, then by the money at stake, then by line and period for a stable order. */
export function rankFlags(flags: Flag[]): Flag[] {
  return [...flags].sort(
    (a, b) =>
      b.severity - a.severity || b.amount - a.amount || a.line.localeCompare(b.line) || a.periodIndex - b.periodIndex,
  );
}
