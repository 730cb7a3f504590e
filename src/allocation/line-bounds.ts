/**
 * Each line's allowed budget range, and the checks that say, with line names, why a set of
 * bounds cannot hold together.
 */
import { AllocationErrors } from './errors';
import type { AllocationLine, AllocationRequest } from './types';
import { money } from '../anomaly/format';
import type { NumberStyle } from '../format/format-number';

export interface LineRange {
  lower: number;
  upper: number;
}

/**
 * lower = max(min, current·(1 − maxChangePct)), upper = min(max, current·(1 + maxChangePct)); a
 * locked line is fixed at its current budget.
 * `style` writes the amounts of an empty range's message (default en-US).
 * @throws ALLOCATION_BAD_LINE for a non-finite current budget, a negative change limit, or a range that is empty.
 * @example lineRange({ id: 'a', costCentre: 'c', current: 100, maxChangePct: 0.2 }) // { lower: 80, upper: 120 }
 */
export function lineRange(line: AllocationLine, style: NumberStyle = {}): LineRange {
  if (!Number.isFinite(line.current))
    throw AllocationErrors.badLine(line.id, `current budget ${line.current} is not a number`);
  const pct = line.maxChangePct ?? Infinity;
  if (!(pct >= 0)) throw AllocationErrors.badLine(line.id, `maxChangePct must be ≥ 0, got ${pct}`);
  const span = Number.isFinite(pct) ? Math.abs(line.current) * pct : Infinity;
  const lower = line.locked ? line.current : Math.max(line.min ?? 0, line.current - span);
  const upper = line.locked ? line.current : Math.min(line.max ?? Infinity, line.current + span);
  if (lower > upper) {
    throw AllocationErrors.badLine(
      line.id,
      `its bounds exclude each other (at least ${money(lower, style)} but at most ${money(upper, style)})`,
    );
  }
  return { lower, upper };
}

/**
 * Checks that the total to distribute fits between the sums of the lower and upper bounds.
 * @throws ALLOCATION_INFEASIBLE naming the lines whose bounds conflict with the total.
 */
export function checkTotal(request: AllocationRequest, ranges: LineRange[]): number {
  const lines = request.lines;
  const amount = (v: number) => money(v, request.numbers);
  const total = lines.reduce((s, l) => s + l.current, 0) + (request.pool ?? 0);
  const lowest = ranges.reduce((s, r) => s + r.lower, 0);
  const highest = ranges.reduce((s, r) => s + r.upper, 0);
  const tolerance = 1e-9 * Math.max(1, Math.abs(total));
  if (lowest > total + tolerance) {
    const culprits = lines
      .map((l, i) => ({ id: l.id, excess: ranges[i].lower - Math.min(l.current, ranges[i].upper) }))
      .filter((c) => ranges[lines.findIndex((l) => l.id === c.id)].lower > 0)
      .sort((a, b) => b.excess - a.excess)
      .slice(0, 5)
      .map((c) => c.id);
    throw AllocationErrors.infeasible(
      `the minimum budgets add up to ${amount(lowest)}, more than the ${amount(total)} available`,
      culprits,
    );
  }
  if (highest < total - tolerance) {
    const culprits = lines
      .map((l, i) => ({ id: l.id, room: ranges[i].upper - l.current }))
      .filter((c) => Number.isFinite(c.room))
      .sort((a, b) => a.room - b.room)
      .slice(0, 5)
      .map((c) => c.id);
    throw AllocationErrors.infeasible(
      `the maximum budgets add up to ${amount(highest)}, less than the ${amount(total)} to place`,
      culprits,
    );
  }
  return total;
}
