/**
 * Budget lines, and the amount rows budget versions and actuals are made of.
 *
 * A `BudgetLine` is one account of a cost centre over time (plan and actual per period): what the
 * anomaly engine scans, the allocation reallocates and the sheet readers produce. A `VersionLine`
 * is one amount of one account in one period (YYYY-MM): what a stored budget version holds. An
 * `ActualRow` is a `VersionLine` with the currency it was booked in, as actuals are imported.
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

/** One amount of a budget version: an account in a period (YYYY-MM). */
export interface VersionLine {
  account: string;
  period: string;
  amount: number;
}

/** One imported actual: a version line with its currency (null = the batch's currency). */
export interface ActualRow extends VersionLine {
  currency: string | null;
}
