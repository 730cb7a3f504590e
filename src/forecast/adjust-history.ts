import type { AdjustedOutlier, HistoryValue } from './types';
import { ForecastErrors } from './errors';
import { adjustOutliers, OUTLIER_MIN_LENGTH } from './outliers';

/** Values of the `outliers` option. */
export const OUTLIER_OPTIONS = ['keep', 'adjust'] as const;
export type OutlierOption = (typeof OUTLIER_OPTIONS)[number];

/** Replaced values listed one by one in the note; the rest are counted. */
const NOTE_LIST_MAX = 5;

/**
 * The `outliers` option of a request: undefined → "keep"; "keep" or "adjust" in any case, with
 * spaces around allowed (Excel users type them).
 * @throws FORECAST_BAD_OUTLIERS (kind input) for anything else, listing the allowed values.
 * @example parseOutlierOption(' Adjust ') // 'adjust'
 */
export function parseOutlierOption(value: unknown): OutlierOption {
  if (value === undefined || value === null) return 'keep';
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const found = OUTLIER_OPTIONS.find((o) => o === key);
  if (!found) throw ForecastErrors.badOutliers(String(value), OUTLIER_OPTIONS);
  return found;
}

/** A number as a note shows it: whole above 1000, else 4 significant digits. */
function shown(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(4)));
}

export interface AdjustedHistory {
  /** The history to fit, on the same scale as the `y` given. */
  values: Float64Array;
  /** Replaced values, indexed into the request's `values` (leading blanks counted). */
  outliers: AdjustedOutlier[];
  notes: string[];
}

/**
 * Applies the robust outlier adjustment (outliers.ts) to a prepared history and reports it in the
 * request's terms: indices into `raw` (the request's values, leading blanks counted), the value
 * as given, the replacement on the user's scale (`factor` undoes the engine's power-of-two
 * rescaling), and a note naming the first five replaced values by their 1-based position.
 * Interpolated blanks are never flagged. A series too short to judge is used as given, with a note.
 * @param y the prepared history (blanks interpolated, leading/trailing blanks dropped), possibly rescaled
 * @param m season length to use (1 = none)
 * @param raw the request's values
 * @param droppedLeading leading blanks dropped from `raw` before `y` starts
 * @param factor y = values / factor
 * @example adjustHistory(Float64Array.from([10, 11, 10, 12, 11, 95, 10, 11, 12, 11]), 1, [10, 11, 10, 12, 11, 95, 10, 11, 12, 11], 0, 1).notes
 * // ['1 outlier(s) replaced before fitting: value 6 (95 → 10.49).']
 */
export function adjustHistory(
  y: Float64Array,
  m: number,
  raw: ReadonlyArray<HistoryValue>,
  droppedLeading: number,
  factor: number,
): AdjustedHistory {
  const blanks = Array.from(y, (_, t) => raw[droppedLeading + t] === null || raw[droppedLeading + t] === undefined);
  const adj = adjustOutliers(y, m, blanks);
  if (adj.skipped === 'too-short') {
    return {
      values: y,
      outliers: [],
      notes: [
        `Too short to look for outliers (needs ${OUTLIER_MIN_LENGTH} values, has ${y.length}): history used as given.`,
      ],
    };
  }
  if (adj.skipped === 'constant')
    return { values: y, outliers: [], notes: ['Constant history: no outliers to adjust.'] };
  if (adj.outliers.length === 0)
    return { values: y, outliers: [], notes: ['No outliers found: history used as given.'] };
  const outliers = adj.outliers.map((o): AdjustedOutlier => ({
    index: droppedLeading + o.index,
    value: raw[droppedLeading + o.index] as number,
    replacement: o.replacement * factor,
  }));
  const listed = outliers
    .slice(0, NOTE_LIST_MAX)
    .map((o) => `value ${o.index + 1} (${shown(o.value)} → ${shown(o.replacement)})`);
  const more = outliers.length > NOTE_LIST_MAX ? ` and ${outliers.length - NOTE_LIST_MAX} more` : '';
  return {
    values: adj.values,
    outliers,
    notes: [`${outliers.length} outlier(s) replaced before fitting: ${listed.join(', ')}${more}.`],
  };
}
