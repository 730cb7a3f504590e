/**
 * The forecast track record: the members of the "auto" combination are kept at each origin a series
 * is forecast from (a `ForecastRecord` per member, src/model/kpi.ts), their errors are scored as the
 * actuals arrive, and `combination: "accuracy"` weighs each member by 1 / its MASE over the most
 * recent kept origins instead of refitting the members at past origins on every recalculation.
 * Values are in the units of the prepared history (the forecast engine's `y`).
 */
import type { ForecastRecord } from '../model/kpi';
import { fnv1a } from '../stats/fnv1a';
import type { HistoryValue } from './types';
import type { MemberForecast } from './member-forecasts';

/** The members of "auto" by role, in the combination's order; a record's method is `auto:<role>`. */
export const MEMBER_ROLES = ['ets', 'theta', 'ar'] as const;

/** Most recent kept origins (with at least one known actual) that the weights are scored on. */
export const TRACK_RECORD_ORIGINS = 12;

/** Values of the history's start that name a series in a workbook cell (stable as actuals arrive). */
export const SERIES_KEY_VALUES = 24;

const methodOf = (role: number): string => `auto:${MEMBER_ROLES[role]}`;

/**
 * The name under which a cell's series is kept: a hash of its first `SERIES_KEY_VALUES` values, which
 * do not change as new actuals are appended (a cell has no other name for its history). Two cells
 * over the same first two years share a record; an edit in those years starts a new one.
 * @example trackSeriesKey([1, 2, 3]) === trackSeriesKey([1, 2, 3]) // true
 */
export function trackSeriesKey(values: ReadonlyArray<HistoryValue>): string {
  return `cells:${fnv1a(values.slice(0, SERIES_KEY_VALUES).join(','))}`;
}

/**
 * MASE scale at an origin: mean absolute seasonal-naive error (lag m, or lag 1 when the history
 * seen is not longer than a season) of y[0..end), as accuracy-weights.ts scores the refitted origins.
 */
export function maseScale(y: ArrayLike<number>, end: number, m: number): number {
  const lag = end > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < end; t++) scale += Math.abs(y[t] - y[t - lag]) / (end - lag);
  return scale;
}

/**
 * The record with its errors (actual − forecast) filled from the history: null where the actual is
 * not known yet.
 * @example scoreRecord({ series: 's', origin: 1, method: 'auto:ets', mean: [5, 6], errors: [null, null] }, [1, 2, 7]).errors // [2, null]
 */
export function scoreRecord(record: ForecastRecord, y: ArrayLike<number>): ForecastRecord {
  const errors = record.mean.map((f, k) => {
    const t = record.origin + 1 + k;
    return t < y.length ? y[t] - f : null;
  });
  return { ...record, errors };
}

/**
 * The members of one origin as records to keep: `end` values seen (origin end − 1), scored against
 * `y` where it goes on. Missing members (a role that could not be fitted) keep nothing.
 */
export function memberRecords(
  series: string,
  end: number,
  members: ReadonlyArray<MemberForecast | undefined>,
  y: ArrayLike<number>,
): ForecastRecord[] {
  return members.flatMap((f, r) =>
    f ? [scoreRecord({ series, origin: end - 1, method: methodOf(r), mean: Array.from(f.mean), errors: [] }, y)] : [],
  );
}

/** What the weights were scored on: the origins used, and each role's weight (1 / mean MASE). */
export interface TrackRecordWeights {
  weights: number[];
  origins: number;
}

/**
 * Combination weights from the kept record: the most recent `TRACK_RECORD_ORIGINS` origins before
 * the history's end at which a member was kept; each role's errors at those origins (every step whose
 * actual is in `y`) are scaled by the origin's MASE scale, and its weight is 1 / their mean. Origins
 * with a zero scale are skipped. Kept from the same members at the same origins, this gives exactly
 * accuracyWeights' numbers to the bit. Undefined (no record yet) when a role has no scored step.
 */
export function trackRecordWeights(
  records: ReadonlyArray<ForecastRecord>,
  y: ArrayLike<number>,
  m: number,
): TrackRecordWeights | undefined {
  const n = y.length;
  const origins = [...new Set(records.filter((r) => r.origin < n - 1 && r.origin >= 1).map((r) => r.origin))]
    .sort((a, b) => b - a)
    .slice(0, TRACK_RECORD_ORIGINS)
    .reverse(); // oldest first: the order accuracyWeights sums in, so the same forecasts give the same bits
  const sums = MEMBER_ROLES.map(() => 0);
  const counts = MEMBER_ROLES.map(() => 0);
  let used = 0;
  for (const origin of origins) {
    const scale = maseScale(y, origin + 1, m);
    if (!(scale > 0)) continue;
    used++;
    MEMBER_ROLES.forEach((_, r) => {
      const kept = records.find((x) => x.origin === origin && x.method === methodOf(r));
      if (!kept) return;
      for (let k = 0; k < kept.mean.length && origin + 1 + k < n; k++) {
        sums[r] += Math.abs(y[origin + 1 + k] - kept.mean[k]) / scale;
        counts[r]++;
      }
    });
  }
  const weights = sums.map((s, r) => (counts[r] > 0 ? counts[r] / s : NaN));
  return weights.every((w) => Number.isFinite(w) && w > 0) ? { weights, origins: used } : undefined;
}
