/**
 * The loop's reallocation through src/allocation: each line's objective f(P) (line-objective.ts) as
 * piecewise-linear concave returns, the total of the remaining plans kept, and the KPI estimate's
 * uncertainty as the risk side (per unit of plan, on the same rate scale).
 *
 * The loop step takes one allocation and writes no candidate in words; the Proposals view's candidates
 * come from proposal-inputs.ts and are put in words by proposal-front.ts alone.
 */
import type { Solver } from '../solver/types';
import { reallocate } from '../allocation/reallocate';
import type { Allocation, AllocationLine, AllocationRequest, ReturnSegment } from '../allocation/types';
import { attainmentRisk, lineValue, variancePoints } from './line-objective';
import type { LineContext } from './line-objective';

/** Breakpoints of a line's plan: an even grid of the allowed range, denser within ±3σ of the neutral plan. */
function breakpoints(c: LineContext): number[] {
  const span = c.upper - c.lower;
  const sigmaPlan = c.landing.sd / (1 - c.passThrough);
  const points = [c.lower, c.upper, c.landing.planLeft];
  // With a KPI confidence, the shown attainment has a kink at the approved plan (line-objective.ts).
  if ((c.confidence ?? 0) > 0) points.push(c.landing.referenceLeft);
  for (let k = 1; k < 16; k++) points.push(c.lower + (span * k) / 16);
  for (const z of [-3, -2, -1.5, -1, -0.6, -0.3, 0, 0.3, 0.6, 1, 1.5, 2, 3])
    points.push(c.landing.neutral + z * sigmaPlan);
  const inside = points.filter((p) => p >= c.lower && p <= c.upper).sort((a, b) => a - b);
  return inside.filter((p, i) => i === 0 || p - inside[i - 1] > 1e-9 * Math.max(1, span));
}

/** f as returns: segment rates are the slopes between breakpoints, forced non-increasing against rounding. */
export function lineReturns(c: LineContext, lambda: number, scale: number): ReturnSegment[] {
  const at = breakpoints(c);
  if (at.length < 2) return [{ upTo: Infinity, rate: 0 }];
  const values = at.map((p) => lineValue(c, p, lambda) * scale);
  const segments: ReturnSegment[] = [];
  let previous = Infinity;
  for (let k = 1; k < at.length; k++) {
    const rate = Math.min(previous, (values[k] - values[k - 1]) / (at[k] - at[k - 1]));
    segments.push({ upTo: at[k], rate });
    previous = rate;
  }
  // Below the lowest breakpoint (never used: it is the line's minimum) at the first rate.
  return segments;
}

/** A rate scale that brings the objective's slopes to about 1, for the solver's tolerances. */
export function rateScale(contexts: ReadonlyArray<LineContext>, lambda: number): number {
  let largest = 0;
  for (const c of contexts) {
    const step = Math.max(1e-9, (c.upper - c.lower) / 16);
    const slope =
      Math.abs(lineValue(c, c.landing.planLeft + step, lambda) - lineValue(c, c.landing.planLeft, lambda)) / step;
    largest = Math.max(largest, slope, (1 - c.passThrough) / (Math.max(c.landing.yearPlan, 1e-9) * c.lineCount));
  }
  return largest > 0 ? 1 / largest : 1;
}

/**
 * The allocation request: remaining plans as budgets, the limits as bounds, f as returns, the risk per
 * unit of budget. `locked` lines keep their plan.
 */
export function loopRequest(
  contexts: ReadonlyArray<LineContext>,
  lambda: number,
  locked: ReadonlySet<string> = new Set(),
): AllocationRequest {
  const scale = rateScale(contexts, lambda);
  const lines: AllocationLine[] = contexts.map((c) => ({
    id: c.id,
    costCentre: c.costCentre,
    current: c.landing.planLeft,
    min: c.lower,
    max: c.upper,
    locked: locked.has(c.id),
    returns: lineReturns(c, lambda, scale),
    risk: attainmentRisk(c) * scale,
  }));
  return { lines, pool: 0, disruptionPenalty: 1e-6 };
}

/** Expected year-end variance points of a set of remaining plans. */
export function expectedVariance(contexts: ReadonlyArray<LineContext>, plans: ReadonlyArray<number>): number {
  return contexts.reduce((s, c, i) => s + variancePoints(c, plans[i]), 0);
}

/** The best plans for a given λ (ids in the order of `contexts`). */
export async function allocateFor(
  solver: Solver,
  contexts: ReadonlyArray<LineContext>,
  lambda: number,
  locked?: ReadonlySet<string>,
): Promise<Allocation> {
  return reallocate(solver, loopRequest(contexts, lambda, locked));
}
