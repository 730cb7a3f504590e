/**
 * The limits of the product, in one place. Cells, the task pane, the command line, the connector
 * and the server import these; none restates a number. Where two surfaces need different bounds
 * (trials in a cell and trials in a pane run), both are here, side by side, with the reason.
 */
import { formatNumber, type NumberStyle } from '../format/format-number';

/** Bounds of a whole-number setting, inclusive. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Forecast horizon, in periods, for every surface (FPA.FORECAST.ROLLING, backtests, the CLI).
 * 1000 periods cover almost three years of daily data; the interval is long meaningless by then,
 * but the limit is there to bound the work, not to judge the question.
 */
export const HORIZON: Bounds = Object.freeze({ min: 1, max: 1000 });

/**
 * Horizon and origins of a cell's rolling-origin backtest (FPA.FORECAST.BACKTEST): each origin is a
 * refit, so a cell stops at 3 years of months of both.
 */
export const BACKTEST_HORIZON: Bounds = Object.freeze({ min: 1, max: 36 });
export const BACKTEST_ORIGINS: Bounds = Object.freeze({ min: 1, max: 36 });

/** A season length (periods per cycle): 0 means detect, 1 none; 366 is a leap year of days. */
export const SEASONALITY: Bounds = Object.freeze({ min: 0, max: 366 });

/**
 * Trials of one scenario run from the task pane, the CLI or a worker (memory: about 140 bytes per
 * trial for the standard model, so 10M trials ≈ 1.4 GB at most).
 */
export const TRIALS_PER_RUN: Bounds = Object.freeze({ min: 2, max: 10_000_000 });

/**
 * Trials one cell may run (FPA.SCENARIO.MC): about 1–2 s for a 10-driver model, inside the 5 s
 * Excel gives a custom function; bigger runs belong to the pane's Scenarios wizard.
 */
export const TRIALS_PER_CELL: Bounds = Object.freeze({ min: 2, max: 200_000 });

/**
 * Seconds FPA.CASH.OPTIMIZE gives a MIP when the sheet names no `time_limit`: a lot-sized plan glpk
 * cannot prove optimal otherwise leaves its cell #BUSY! for many minutes. At the limit the cell spills
 * the best plan found, its totals row saying how far from the optimum it may be. The CLI has no
 * default (a script waits for the proof unless it passes --time-limit).
 */
export const CELL_CASH_TIME_LIMIT_SECONDS = 60;

/** Trials a scenario runs when none is asked for. */
export const DEFAULT_TRIALS = 10_000;

/** Most values FPA.SCENARIO.TRIALS spills: far below Excel on the web's 5 MB result cap. */
export const MAX_TRIAL_ROWS = 100_000;

/**
 * Full seasons of history a seasonal model needs (ETS, outlier decomposition, the anomaly engine's
 * deseasonalising, the members of "auto"): with fewer, the seasonal indices are fitted on one
 * cycle and simply copy it, so the model falls back to its non-seasonal form.
 */
export const MIN_FULL_SEASONS = 2;

/**
 * True when `length` values hold at least MIN_FULL_SEASONS seasons of `period` (> 1).
 * @example hasFullSeasons(24, 12) // true
 * @example hasFullSeasons(23, 12) // false
 */
export function hasFullSeasons(length: number, period: number): boolean {
  return period > 1 && length >= MIN_FULL_SEASONS * period;
}

/**
 * The season to model `length` values with: `period` when they hold enough full seasons, else 1.
 * @example seasonalPeriod(30, 12) // 12
 * @example seasonalPeriod(20, 12) // 1
 */
export function seasonalPeriod(length: number, period: number): number {
  return hasFullSeasons(length, period) ? period : 1;
}

/** Drivers in one model, and the length of its expression text (characters). */
export const MAX_DRIVERS = 500;
export const MAX_EXPRESSION_LENGTH = 4000;

/** Parameters one driver may carry, and values in one list parameter (the discrete family). */
export const MAX_DRIVER_PARAMS = 16;
export const MAX_PARAM_LIST = 1000;

/** Largest amount the backend stores (numeric(20, 4) holds 16 integer digits). */
export const MAX_AMOUNT = 1e15;

/** Lines in one budget version, and rows in one import of actuals. */
export const MAX_VERSION_LINES = 20_000;

/** Lines in one reallocation proposal. */
export const MAX_PROPOSAL_LINES = 1000;
export const MAX_IMPORT_ROWS = 200_000;

/**
 * Periods in one KPI's target or actual series (50 years of months), and budget lines linked to one
 * KPI: what the team server stores per KPI.
 */
export const MAX_KPI_PERIODS = 600;
export const MAX_KPI_LINKS = 500;
/** Periods from a line's spend to its effect on a KPI (KpiLink.lag): two years of months. */
export const MAX_KPI_LAG = 24;

/**
 * Records in one page of a server list (models, versions, proposals, KPIs, actuals, the audit log,
 * …): a request reads at most LIST_PAGE.max of them, DEFAULT_LIST_PAGE when it names no limit, and
 * follows the answer's next cursor for more. A page also ends once its records reach
 * LIST_PAGE_BYTES, so one page of the largest records (proposals of 1,000 lines, audit records
 * holding one before and after) stays within a few MB.
 */
export const LIST_PAGE: Bounds = Object.freeze({ min: 1, max: 500 });
export const DEFAULT_LIST_PAGE = 100;
/**
 * The records of one list page, as the database writes them out as text, end once they reach this
 * many bytes (a page always holds its first record). 500 proposals of 1,000 lines were about 150 MB
 * in one answer before; a client that does not read its answers holds each in the server's memory
 * until its connection times out (100 such answers of 4 MiB held 900 MB, of 1 MiB 9 MB).
 */
export const LIST_PAGE_BYTES = 1024 * 1024;

/** Length of a display name (model, scenario, version) and of free text (reasons, comments). */
export const MAX_DISPLAY_NAME_LENGTH = 120;
export const MAX_FREE_TEXT_LENGTH = 2000;

/**
 * True when `value` is a whole number within `bounds`.
 * @example withinBounds(0, HORIZON) // false
 */
export function withinBounds(value: number, bounds: Bounds): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/**
 * "from 1 to 1,000": the bounds as a message says them, in `style` (the pane's locale: German
 * "from 2 to 10.000.000"; default en-US, as the CLI, the cells and the server say them).
 */
export function boundsText(bounds: Bounds, style: NumberStyle = {}): string {
  return `from ${formatNumber(bounds.min, 'count', style)} to ${formatNumber(bounds.max, 'count', style)}`;
}
