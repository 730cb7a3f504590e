/**
 * The time axis of a cash forecast: an as-of day (the close of the ledgers) and the last day of each
 * period, as day numbers (Excel date serials count days, so a date is its own day number). Period p
 * (1-based) holds the days in (end[p−1], end[p]], with end[0] = asOf: a payment on the as-of day
 * itself is already in the ledgers.
 */
import { CashErrors } from './errors';

export interface PeriodGrid {
  /** The as-of day: everything paid on or before it is history. */
  asOf: number;
  /** The last day of each period, strictly increasing, all after asOf. */
  ends: number[];
}

/**
 * Equal periods of `days` days from the as-of day.
 * @example equalPeriods(45000, 3, 7).ends; // [45007, 45014, 45021]
 */
export function equalPeriods(asOf: number, count: number, days: number): PeriodGrid {
  if (!Number.isFinite(asOf)) throw CashErrors.invalid('as_of', `must be a date (got ${asOf})`);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw CashErrors.invalid('periods', `must be a whole number from 1 to 1000 (got ${count})`);
  if (!(days > 0)) throw CashErrors.invalid('period_days', `must be positive (got ${days})`);
  return { asOf, ends: Array.from({ length: count }, (_, p) => asOf + days * (p + 1)) };
}

/**
 * Checks a grid given as period ends.
 * @throws FpaError CASH_INVALID_PLAN naming the first period end out of order.
 */
export function checkGrid(grid: PeriodGrid): PeriodGrid {
  if (!Number.isFinite(grid.asOf)) throw CashErrors.invalid('as_of', `must be a date (got ${grid.asOf})`);
  if (grid.ends.length === 0) throw CashErrors.invalid('periods', 'needs at least one period');
  let previous = grid.asOf;
  grid.ends.forEach((end, p) => {
    if (!(Number.isFinite(end) && end > previous))
      throw CashErrors.invalid(
        `periods end ${p + 1}`,
        `must be a date after ${p === 0 ? 'the as-of date' : 'the previous period end'} (got ${end})`,
      );
    previous = end;
  });
  return grid;
}

/**
 * The period a day falls in: 0 on or before the as-of day, 1..P inside the horizon, P + 1 after it.
 * @example periodOfDay({ asOf: 0, ends: [7, 14] }, 8); // 2
 */
export function periodOfDay(grid: PeriodGrid, day: number): number {
  if (day <= grid.asOf) return 0;
  const ends = grid.ends;
  let lo = 0,
    hi = ends.length; // first index with ends[i] >= day
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}
