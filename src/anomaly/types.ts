/**
 * The contract of the anomaly engine: budget lines in, ranked flags out.
 */

/** Plan and actual of one driver (price or volume) per period. */
export interface DriverSeries {
  plan: ReadonlyArray<number | null>;
  actual: ReadonlyArray<number | null>;
}

/**
 * Drivers of a line for variance decomposition: amount = price × volume. `rate`/`quantity` are
 * accepted as synonyms of `price`/`volume` by the input validator.
 */
export interface LineDrivers {
  price: DriverSeries;
  volume: DriverSeries;
  /** Lines sharing the same volume driver name form a mix group (for example "units"). */
  volumeDriver?: string;
}

/** One budget line: an account of a cost centre, owned by someone, with plan and actual per period. */
export interface BudgetLine {
  id: string;
  costCentre: string;
  account: string;
  owner: string;
  /** Plan per period; null = no plan for that period. */
  plan: ReadonlyArray<number | null>;
  /** Actual per period; null = not yet booked (future periods). */
  actual: ReadonlyArray<number | null>;
  drivers?: LineDrivers;
}

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

/** Materiality and sensitivity settings; every field has a default (see DEFAULT_THRESHOLDS). */
export interface Thresholds {
  /** Smallest relative variance |actual − plan| / |plan| worth a flag. @default 0.05 */
  minPct: number;
  /** Smallest absolute variance worth a flag, in the line's currency. @default 0 */
  minAbs: number;
  /** Evidence (multiples of the line's noise) a single period needs to be flagged. @default 3 */
  z: number;
  /** CUSUM decision interval h, in noise units (slack k = 0.5). @default 5 */
  cusumH: number;
  /** Projected year-end overrun, as a share of the annual plan, that breaches the run rate. @default 0.05 */
  runRatePct: number;
  /** Periods per fiscal year, for year-to-date figures. @default 12 */
  periodsPerYear: number;
  /** Check flagged periods against the rolling forecast's 95% interval. @default true */
  useForecast: boolean;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  minPct: 0.05,
  minAbs: 0,
  z: 3,
  cusumH: 5,
  runRatePct: 0.05,
  periodsPerYear: 12,
  useForecast: true,
});

/** Thresholds for all lines, with overrides per account and per line id (line wins over account). */
export interface ThresholdSettings extends Partial<Thresholds> {
  byAccount?: Record<string, Partial<Thresholds>>;
  byLine?: Record<string, Partial<Thresholds>>;
}
