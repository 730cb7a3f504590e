/**
 * A flag: what the anomaly engine raises on a budget line, one per issue — a one-off period, or a
 * persistent deviation with its span — with every reason. Review decisions (review.ts) and, later,
 * proposals refer to a flag by `flagId` (its line and onset).
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

/**
 * Which side of plan a flag is on. Over-plan flags (overspend, run-rate, an upward shift or outlier)
 * ask for budget; under-plan flags (underspend, opportunity, a downward shift or outlier) can release
 * it. Opportunities are always "under".
 */
export type FlagDirection = 'over' | 'under';

/** One reason a detector gives for flagging a line, with the numbers behind it. */
export interface Reason {
  kind: FlagKind;
  /** Strength of the statistical evidence, in multiples of the line's noise (a z-like score ≥ 0). */
  evidence: number;
  /** The money at stake for this reason (absolute amount, same unit as plan/actual). */
  amount: number;
  /** Plain-words sentence with the numbers. */
  text: string;
}

/** Where an issue that is still running takes the fiscal year, at its recent pace. */
export interface YearEndProjection {
  /** Projected year-end variance against the annual plan (signed, money). */
  variance: number;
  /** |variance| as a share of the annual plan. */
  share: number;
  /** The plan of the fiscal year the issue is in. */
  annualPlan: number;
}

/** A flag: one issue of one line, from its onset through its last period, ranked by severity. */
export interface Flag {
  line: string;
  /** 0-based index of the onset: the first period of the issue. */
  periodIndex: number;
  /** 0-based index of the last period (the onset itself for a one-off). */
  throughIndex: number;
  /** What the issue is (see docs/anomaly.md, "Kinds"). */
  kind: FlagKind;
  direction: FlagDirection;
  /**
   * 0..1 = confidence × impact (docs/anomaly.md, "Severity"): how sure the issue is not noise, times
   * how much of the line's annual budget it puts at stake (½ at `runRatePct` of it).
   */
  severity: number;
  /** 0..1: the family-wise tail area of the issue, calibrated to a probability that it is not noise. */
  confidence: number;
  /** Family-wise tail area (p-value) of the issue under the line's noise, adjusted for every period tested. */
  pValue: number;
  /** The money at stake: |variance| over the span, or the projected year-end variance if larger. */
  amount: number;
  /** actual − plan summed over the span (signed). */
  variance: number;
  /**
   * `variance` as a share of the plan over the span (signed; 0.2 = 20% over plan); NaN where no share is
   * quoted: the line's plan changes sign, or the span's plan sums to about 0 (as the sentences, issue-text.ts).
   */
  variancePct: number;
  /** True for a deviation of two periods or more (a one-off is not persistent). */
  persistent: boolean;
  /** True when the issue runs to the latest booked period of the line. */
  ongoing: boolean;
  /** For a persistent issue that is still running: where the year ends at its recent pace. */
  projection?: YearEndProjection;
  /** All reasons in one paragraph. */
  explanation: string;
  reasons: Reason[];
}

/**
 * The id of a flag across scans: one flag per line and onset, so a later scan that raises it again
 * (longer, or worse) finds its review decisions. The server accepts it when the line id keeps to
 * FLAG_ID_PATTERN.
 * @example flagId({ line: 'MKT-ADS', periodIndex: 3 }) // "flag:MKT-ADS@3"
 */
export const flagId = (flag: Pick<Flag, 'line' | 'periodIndex'>): string => `flag:${flag.line}@${flag.periodIndex}`;

/**
 * The side of plan a kind and a signed variance put a flag on: opportunity and underspend are under,
 * run-rate and overspend over, outliers and shifts follow the variance.
 * @example flagDirection('shift', -120) // "under"
 */
export function flagDirection(kind: FlagKind, variance: number): FlagDirection {
  if (kind === 'opportunity' || kind === 'underspend') return 'under';
  if (kind === 'run-rate' || kind === 'overspend') return 'over';
  return variance < 0 ? 'under' : 'over';
}

/**
 * Severity bands, most severe first: what the pane colours and the dashboard counts. A flag is in
 * the first band whose `from` its severity reaches.
 */
export const SEVERITY_BANDS = [
  { band: 'high', from: 0.75 },
  { band: 'medium', from: 0.5 },
  { band: 'low', from: 0 },
] as const;

export type SeverityBand = (typeof SEVERITY_BANDS)[number]['band'];

/** @example severityBand(0.8) // "high" */
export const severityBand = (severity: number): SeverityBand =>
  (SEVERITY_BANDS.find((b) => severity >= b.from) ?? SEVERITY_BANDS[SEVERITY_BANDS.length - 1]).band;
