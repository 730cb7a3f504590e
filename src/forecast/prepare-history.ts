import type { HistoryValue } from './types';
import { ForecastErrors } from './errors';

export interface PreparedHistory {
  /** The usable history: leading/trailing blanks dropped, inner blanks linearly interpolated. */
  values: Float64Array;
  /** Count of inner blanks that were interpolated. */
  interpolated: number;
  /** Blanks dropped before the first and after the last number. */
  droppedLeading: number;
  droppedTrailing: number;
  notes: string[];
}

/**
 * Turns a history with blanks (null) into a gap-free series. Blanks between two numbers are filled
 * on the straight line between them (and counted); blanks before the first or after the last
 * number carry no information about the series' level and are dropped with a note.
 * @throws FORECAST_NO_DATA when there is no number at all; FORECAST_NOT_FINITE for NaN/Infinity.
 * @example prepareHistory([null, 1, null, 3, null]).values // Float64Array [1, 2, 3], interpolated 1
 */
export function prepareHistory(raw: ReadonlyArray<HistoryValue>): PreparedHistory {
  let first = -1;
  let last = -1;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw ForecastErrors.notFinite(i + 1, String(v));
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) throw ForecastErrors.noData();
  const n = last - first + 1;
  const values = new Float64Array(n);
  let interpolated = 0;
  let prev = first;
  values[0] = raw[first] as number;
  for (let i = first + 1; i <= last; i++) {
    const v = raw[i];
    if (v === null || v === undefined) continue;
    const gap = i - prev;
    const a = raw[prev] as number;
    for (let k = 1; k < gap; k++) values[prev - first + k] = a + ((v - a) * k) / gap;
    interpolated += gap - 1;
    values[i - first] = v;
    prev = i;
  }
  const droppedLeading = first;
  const droppedTrailing = raw.length - 1 - last;
  const notes: string[] = [];
  if (interpolated > 0)
    notes.push(`${interpolated} blank value(s) inside the history were filled by linear interpolation.`);
  if (droppedLeading > 0) notes.push(`${droppedLeading} leading blank(s) ignored.`);
  if (droppedTrailing > 0)
    notes.push(`${droppedTrailing} trailing blank(s) ignored: the forecast starts after the last number.`);
  return { values, interpolated, droppedLeading, droppedTrailing, notes };
}
