/**
 * A flag: what the anomaly engine raises on a budget line in a period, with every reason. Review
 * decisions (review.ts) and, later, proposals refer to a flag by `flagId`.
 */

/** The six kinds of flag, as the CLI and the task pane name them. */
export type FlagKind = 'overspend' | 'underspend' | 'outlier' | 'shift' | 'run-rate' | 'opportunity';
export const FLAG_KINDS: ReadonlyArray<FlagKind> = [
  'overspend',
  'underspend',
  'outlier',
  'shift',
  'run-rate',
  'opportunity',
];

/** One reason a detector gives for flagging a line in a period. */
export interface Reason {
  kind: FlagKind;
  /** Strength of the statistical evidence, in multiples of the line's noise (a z-like score ≥ 0). */
  evidence: number;
  /** The money at stake for this reason (absolute amount, same unit as plan/actual). */
  amount: number;
  /** Plain-words sentence with the numbers. */
  text: string;
}

/** A flag: one line, one period, every reason, ranked by severity. */
export interface Flag {
  line: string;
  /** 0-based index into the periods. */
  periodIndex: number;
  /** Kind of the strongest reason. */
  kind: FlagKind;
  /** 0..1: how sure and how material (0.5 ≈ just over the thresholds). */
  severity: number;
  /** Absolute variance (actual − plan) of the period, for ranking by materiality. */
  amount: number;
  /** All reasons in one paragraph. */
  explanation: string;
  reasons: Reason[];
}

/**
 * The id of a flag across scans: one flag per line and period, so a later scan that raises it again
 * finds its review decisions. The server accepts it when the line id keeps to FLAG_ID_PATTERN.
 * @example flagId({ line: 'MKT-ADS', periodIndex: 3 }) // "flag:MKT-ADS@3"
 */
export const flagId = (flag: Pick<Flag, 'line' | 'periodIndex'>): string => `flag:${flag.line}@${flag.periodIndex}`;
