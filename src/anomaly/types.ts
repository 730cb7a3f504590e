/**
 * The contract of the anomaly engine: budget lines in, ranked flags out, under these thresholds.
 */

// The domain types the engine reads and returns live in src/model; re-exported for the engine's files.
export type { BudgetLine, DriverSeries, LineDrivers } from '../model/budget-line';
export type { Flag, FlagDirection, FlagKind, Reason, YearEndProjection } from '../model/flag';
export { FLAG_KINDS } from '../model/flag';

/** Materiality and sensitivity settings; every field has a default (see DEFAULT_THRESHOLDS). */
export interface Thresholds {
  /** Smallest relative variance |actual − plan| / |plan| worth a flag. @default 0.05 */
  minPct: number;
  /** Smallest absolute variance worth a flag, in the line's currency. @default 0 */
  minAbs: number;
  /**
   * False-alarm rate per line: the chance that a line of pure noise raises a one-off flag, and
   * separately a persistent one (one-offs Bonferroni-adjusted over the periods tested, runs by the
   * scan tail over all runs, src/anomaly/scan-tail.ts).
   * @default 0.01
   */
  alpha: number;
  /** Least evidence (multiples of the line's noise) any flag needs, whatever `alpha` allows. @default 3 */
  z: number;
  /** No longer used (the CUSUM gave way to the segment scan); accepted so saved settings still load. @default 5 */
  cusumH: number;
  /** Projected year-end overrun, as a share of the annual plan, that breaches the run rate. @default 0.05 */
  runRatePct: number;
  /** Periods per fiscal year, for year-to-date figures. @default 12 */
  periodsPerYear: number;
  /** Check flagged periods against the rolling forecast's 95% interval. @default true */
  useForecast: boolean;
  /**
   * Materiality in currency as well as in %: a run is also material when its variance a period is
   * at least `minPct` of the sheet's typical line's plan (the median over the lines of each line's
   * median |plan|), so a small share of a large line that is a large sum is not dropped.
   * @default true
   */
  sheetMateriality: boolean;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  minPct: 0.05,
  minAbs: 0,
  alpha: 0.01,
  z: 3,
  cusumH: 5,
  runRatePct: 0.05,
  periodsPerYear: 12,
  useForecast: true,
  sheetMateriality: true,
});

/** Thresholds for all lines, with overrides per account and per line id (line wins over account). */
export interface ThresholdSettings extends Partial<Thresholds> {
  byAccount?: Record<string, Partial<Thresholds>>;
  byLine?: Record<string, Partial<Thresholds>>;
}
