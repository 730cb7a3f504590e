/**
 * Optimal reallocation of budgets, and a Pareto front of return against risk by the ε-constraint
 * method (Haimes, Lasdon and Wismer 1971): maximise return subject to risk ≤ ε for ε spread
 * between the least risk achievable and the risk of the best-return plan.
 */
import type { Solver } from '../solver/types';
import { AllocationErrors } from './errors';
import { buildProgram, segmentWidths } from './build-program';
import { checkTotal, lineRange } from './line-bounds';
import type { Allocation, AllocationRequest, LineAllocation } from './types';

function returnOf(budget: number, id: string, request: AllocationRequest, i: number): number {
  let left = budget;
  let value = 0;
  for (const s of segmentWidths(id, request.lines[i].returns)) {
    const used = Math.max(0, Math.min(left, s.width));
    value += used * s.rate;
    left -= used;
  }
  return (request.lines[i].priority ?? 1) * value;
}

/** Σ priority × return of these budgets (one per line, in the request's order): an allocation's `weightedReturn`. */
export function weightedReturnOf(request: AllocationRequest, budgets: ReadonlyArray<number>): number {
  return request.lines.reduce((s, l, i) => s + returnOf(budgets[i], l.id, request, i), 0);
}

/**
 * The money an allocation moves from line to line, counted once: the larger of what the lines gain and
 * what they give (a pool is placed, not moved twice). `Allocation.disruption` counts each move on both lines.
 * @example moneyMoved([{ change: 30 }, { change: -20 }]) // 30 (a pool of 10 placed)
 */
export function moneyMoved(lines: ReadonlyArray<Pick<LineAllocation, 'change'>>): number {
  return Math.max(
    lines.reduce((s, l) => s + Math.max(0, l.change), 0),
    lines.reduce((s, l) => s + Math.max(0, -l.change), 0),
  );
}

/** Reads an allocation out of solver values (budgets rounded to cents). */
function allocationFrom(values: Record<string, number>, request: AllocationRequest): Allocation {
  const lines = request.lines.map((l, i) => {
    const proposed = Math.round((values[`b${i}`] ?? 0) * 100) / 100;
    return {
      id: l.id,
      costCentre: l.costCentre,
      current: l.current,
      proposed,
      change: Math.round((proposed - l.current) * 100) / 100,
    };
  });
  return {
    lines,
    weightedReturn: weightedReturnOf(
      request,
      lines.map((l) => l.proposed),
    ),
    risk: lines.reduce((s, l, i) => s + (request.lines[i].risk ?? 0) * l.proposed, 0),
    disruption: lines.reduce((s, l) => s + Math.abs(l.change), 0),
  };
}

async function solveFor(
  solver: Solver,
  request: AllocationRequest,
  objective: 'return' | 'risk',
  riskCap?: number,
): Promise<Allocation> {
  const ranges = request.lines.map((line) => lineRange(line, request.numbers));
  const total = checkTotal(request, ranges);
  const result = await solver.solve(buildProgram(request, ranges, total, objective, riskCap));
  if (result.status !== 'optimal') throw AllocationErrors.solverFailed(result.status);
  return allocationFrom(result.values, request);
}

/**
 * The single best reallocation: maximum weighted return minus the disruption penalty, within every bound.
 * @throws ALLOCATION_BAD_LINE, ALLOCATION_INFEASIBLE (naming the conflicting lines), ALLOCATION_SOLVER_FAILED.
 */
export function reallocate(solver: Solver, request: AllocationRequest): Promise<Allocation> {
  return solveFor(solver, request, 'return');
}

/**
 * 3–7 distinct, non-dominated candidates trading return against risk (fewer when the front is
 * shorter, e.g. one when risk does not vary). Ordered from the highest return to the lowest risk.
 * Their numbers have no unit here (a rate's unit is the request's); src/loop/proposal-front.ts
 * puts them in words.
 */
export async function paretoCandidates(solver: Solver, request: AllocationRequest, count = 5): Promise<Allocation[]> {
  const steps = Math.min(7, Math.max(3, Math.round(count)));
  const best = await solveFor(solver, request, 'return');
  const safest = await solveFor(solver, request, 'risk');
  const tolerance = 1e-7 * Math.max(1, Math.abs(best.risk));
  const found: Allocation[] = [best];
  for (let k = 1; k < steps && best.risk - safest.risk > tolerance; k += 1) {
    const cap = best.risk - ((best.risk - safest.risk) * k) / (steps - 1);
    found.push(await solveFor(solver, request, 'return', cap + (k === steps - 1 ? tolerance : 0)));
  }
  const distinct = found.filter(
    (a, i) => found.findIndex((b) => b.lines.every((l, j) => Math.abs(l.proposed - a.lines[j].proposed) < 0.01)) === i,
  );
  return distinct.filter(
    (a) =>
      !distinct.some((b) => b !== a && b.weightedReturn >= a.weightedReturn - 1e-9 && b.risk <= a.risk - tolerance),
  );
}
