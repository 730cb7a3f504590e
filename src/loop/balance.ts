/**
 * How the loop trades KPI attainment against the predictability of spend.
 *
 * Moving budget toward the lines whose spend moves KPIs pulls their plans away from what they will
 * spend, so the year-end variance grows. The rule: re-forecasting wins back predictability (the
 * least expected variance V_min, plans at their forecast landing), and `balance` of what it wins back
 * over the approved plan (V_ref) may be spent on KPIs:
 *
 *   choose the exchange rate λ so that the expected variance of the best plans is
 *   V_min + balance·(V_ref − V_min),
 *
 * found by bisection on ln λ (V grows with λ). balance = 0 tracks the forecast (as far as the KPI floor
 * below allows); balance = 1 lets the plan become as unpredictable as the approved one, for the most KPI
 * attainment. The default 0.5 splits the gain: the budget predicts spending better than the approved
 * plan *and* buys more KPI.
 * When the approved plan is already as predictable as re-forecasting can make it, λ = 0.
 *
 * A floor on KPIs: the plans must be expected to buy at least the KPI attainment of the approved plan
 * (A_ref). Re-forecasting can cost KPIs (a line that overspends gets budget taken from lines that move
 * them), and half of what it wins back need not make that good. When the balance point falls short,
 * λ rises to the least value whose plans reach A_ref (A grows with λ), found the same way. Those plans
 * are on the efficient front: λ·A − V is at least the approved plan's, so their expected variance exceeds
 * the approved plan's by at most λ times the attainment bought beyond A_ref (plans move from breakpoint
 * to breakpoint, so A may pass A_ref by a step). In expectation, the re-budget does not trade KPIs away
 * for predictability.
 *
 * Do no harm (opt-in: the loop's `kpiConfidence` z, 0 by default): "in expectation" is only as good as
 * the response estimate. With z > 0 each line counts the attainment its plan is *shown* to buy
 * (`shownAttainment`, line-objective.ts): A less z standard errors of the estimate per unit moved away
 * from the approved plan. A move the estimate cannot tell from one that costs KPIs is worth nothing to
 * λ, so the plans of lines with uncertain estimates stay at the approved plan, and the floor is held on
 * the attainment shown, Σ A_z(P) ≥ A_ref, which the approved plan itself meets. Without a confidence,
 * A_z = A and everything above is unchanged.
 */
import type { Solver } from '../solver/types';
import type { Allocation } from '../allocation/types';
import { allocateFor, expectedVariance } from './loop-allocation';
import { attainmentPoints, buysAttainment, shownAttainment } from './line-objective';
import type { LineContext } from './line-objective';

export interface Balanced {
  lambda: number;
  allocation: Allocation;
  /** Expected variance points: the least possible, of the approved plan, and the target. */
  varianceMin: number;
  varianceReference: number;
  varianceTarget: number;
}

const plansOf = (a: Allocation) => a.lines.map((l) => l.proposed);

/** The bracket on λ: from 1, times BRACKET_FACTOR at most BRACKET_STEPS times, so λ ≤ LAMBDA_CEILING. */
const BRACKET_FACTOR = 4;
const BRACKET_STEPS = 40;
export const LAMBDA_CEILING = BRACKET_FACTOR ** BRACKET_STEPS;

/** Expected KPI attainment points of a set of remaining plans. */
export function expectedAttainment(contexts: ReadonlyArray<LineContext>, plans: ReadonlyArray<number>): number {
  return contexts.reduce((s, c, i) => s + attainmentPoints(c, plans[i]), 0);
}

/** Σ of the attainment each line's plan is shown to buy (A when the lines have no confidence). */
export function shownAttainmentOf(contexts: ReadonlyArray<LineContext>, plans: ReadonlyArray<number>): number {
  return contexts.reduce((s, c, i) => s + shownAttainment(c, plans[i]), 0);
}

/** True when `plans` are expected to buy at least the KPI attainment of `reference`. */
export function keepsAttainment(
  contexts: ReadonlyArray<LineContext>,
  plans: ReadonlyArray<number>,
  reference: ReadonlyArray<number>,
): boolean {
  return expectedAttainment(contexts, plans) >= expectedAttainment(contexts, reference);
}

/**
 * @param reference the approved remaining plan of each line (same order as `contexts`)
 * @param balance share of the predictability won by re-forecasting that may be spent on KPIs (0..1)
 */
export async function balanceKpiAndVariance(
  solver: Solver,
  contexts: ReadonlyArray<LineContext>,
  reference: ReadonlyArray<number>,
  balance: number,
): Promise<Balanced> {
  return kpiFloor(solver, contexts, reference, await varianceBalance(solver, contexts, reference, balance));
}

/** The balance point, or the least λ above it whose plans are shown to buy the approved plan's attainment. */
async function kpiFloor(
  solver: Solver,
  contexts: ReadonlyArray<LineContext>,
  reference: ReadonlyArray<number>,
  balanced: Balanced,
): Promise<Balanced> {
  const floor = expectedAttainment(contexts, reference);
  const reaches = (a: Allocation) => shownAttainmentOf(contexts, plansOf(a)) >= floor;
  if (reaches(balanced.allocation)) return balanced;
  // Raise λ until the plans reach the floor (times BRACKET_FACTOR, at most to the ceiling), then bisect.
  let low = balanced.lambda;
  let high = Math.max(1, low * BRACKET_FACTOR);
  let highAllocation = await allocateFor(solver, contexts, high);
  while (!reaches(highAllocation) && high < LAMBDA_CEILING) {
    low = high;
    high *= BRACKET_FACTOR;
    highAllocation = await allocateFor(solver, contexts, high);
  }
  if (!reaches(highAllocation)) return balanced;
  for (let k = 0; k < 14 && !(low > 0 && high / low < 1.05); k++) {
    const middle = low === 0 ? high / BRACKET_FACTOR : Math.sqrt(low * high);
    const allocation = await allocateFor(solver, contexts, middle);
    if (reaches(allocation)) {
      high = middle;
      highAllocation = allocation;
    } else low = middle;
  }
  return { ...balanced, lambda: high, allocation: highAllocation };
}

async function varianceBalance(
  solver: Solver,
  contexts: ReadonlyArray<LineContext>,
  reference: ReadonlyArray<number>,
  balance: number,
): Promise<Balanced> {
  const tracking = await allocateFor(solver, contexts, 0);
  const varianceMin = expectedVariance(contexts, plansOf(tracking));
  const varianceReference = expectedVariance(contexts, reference);
  const varianceTarget = varianceMin + balance * Math.max(0, varianceReference - varianceMin);
  const result = (lambda: number, allocation: Allocation): Balanced => ({
    lambda,
    allocation,
    varianceMin,
    varianceReference,
    varianceTarget,
  });
  if (!(varianceTarget > varianceMin * (1 + 1e-6))) return result(0, tracking);
  // No line's plan moves a KPI (no response estimated yet, or none that more spend would raise):
  // every λ gives the tracking plans, so the bracket below would climb to its ceiling without
  // passing the target. Its answer, without the solves.
  if (!contexts.some(buysAttainment)) return result(LAMBDA_CEILING, tracking);
  // Bracket: multiply λ by 4 from 1 until the variance target is passed (at most to the ceiling).
  let low = 0;
  let lowAllocation = tracking;
  let high = 1;
  let highAllocation = await allocateFor(solver, contexts, high);
  for (let k = 0; k < BRACKET_STEPS && expectedVariance(contexts, plansOf(highAllocation)) < varianceTarget; k++) {
    low = high;
    lowAllocation = highAllocation;
    high *= BRACKET_FACTOR;
    highAllocation = await allocateFor(solver, contexts, high);
  }
  if (expectedVariance(contexts, plansOf(highAllocation)) < varianceTarget) return result(high, highAllocation);
  for (let k = 0; k < 14; k++) {
    const middle = low === 0 ? high / 4 : Math.sqrt(low * high);
    const allocation = await allocateFor(solver, contexts, middle);
    if (expectedVariance(contexts, plansOf(allocation)) <= varianceTarget) {
      low = middle;
      lowAllocation = allocation;
    } else {
      high = middle;
    }
    if (low > 0 && high / low < 1.05) break;
  }
  return result(low, lowAllocation);
}
