/**
 * Working-capital lever optimisation: choose target DSO, DPO and DIO within allowed ranges to free
 * the most cash net of the cost of moving them, within a budget on that cost. Moving a lever by one
 * day frees `dailyBase` cash (a day of revenue for DSO, a day of COGS for DPO and DIO) and costs
 * `costPerDay` (e.g. an early-collection discount, lost supplier discounts, stock-out risk). The
 * programme: max Σ (dailyBase − costPerDay)·δ_l  s.t.  Σ costPerDay·δ_l ≤ budget, 0 ≤ δ_l ≤ range_l.
 */
import type { Solver } from '../solver/types';
import { CashErrors } from './errors';

export interface Lever {
  name: string;
  /** Today's days. */
  current: number;
  /** The most favourable days allowed: below current for DSO/DIO, above for DPO. */
  target: number;
  /** Cash freed per day moved. */
  dailyBase: number;
  /** Cost per day moved. */
  costPerDay: number;
  /** Supplier-relationship damage per day moved (e.g. a score for paying suppliers later). Default 0. */
  relationshipPerDay?: number;
}

export interface LeverChoice {
  name: string;
  current: number;
  target: number;
  daysMoved: number;
  cashFreed: number;
  cost: number;
  net: number;
}

/**
 * @throws FpaError CASH_INVALID_PLAN for a malformed lever or a negative budget.
 */
export function checkLevers(levers: Lever[], budget: number): void {
  if (!(budget >= 0)) throw CashErrors.invalid('budget', `must be zero or more (got ${budget})`);
  levers.forEach((l, i) => {
    for (const key of ['current', 'target', 'dailyBase', 'costPerDay'] as const) {
      if (!Number.isFinite(l[key])) throw CashErrors.invalid(`levers row ${i + 1} ${key}`, 'must be a number');
    }
    if (l.dailyBase < 0 || l.costPerDay < 0)
      throw CashErrors.invalid(`levers row ${i + 1}`, 'daily base and cost per day must not be negative');
    const r = l.relationshipPerDay;
    if (r !== undefined && !(Number.isFinite(r) && r >= 0))
      throw CashErrors.invalid(`levers row ${i + 1} relationship per day`, 'must be zero or more');
  });
}

/**
 * @throws FpaError CASH_INVALID_PLAN for a malformed lever or a negative budget.
 * @example
 *   // DSO 45 → 35 frees 1,000/day at 200/day; budget 1,000 allows 5 days: freed 5,000, cost 1,000.
 *   await optimizeLevers([{ name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 }], 1000, solver);
 */
export async function optimizeLevers(levers: Lever[], budget: number, solver: Solver): Promise<LeverChoice[]> {
  checkLevers(levers, budget);
  if (levers.length === 0) return [];
  const columns = levers.map((l, i) => ({ name: `m${i}`, lb: 0, ub: Math.abs(l.current - l.target) }));
  const solved = await solver.solve({
    name: 'levers',
    sense: 'max',
    objective: levers.map((l, i) => ({ name: `m${i}`, coef: l.dailyBase - l.costPerDay })),
    columns,
    rows: Number.isFinite(budget)
      ? [
          {
            name: 'budget',
            terms: levers.map((l, i) => ({ name: `m${i}`, coef: l.costPerDay })),
            lb: -Infinity,
            ub: budget,
          },
        ]
      : [],
  });
  if (solved.status !== 'optimal') throw CashErrors.noSolution(solved.status);
  return levers.map((l, i) => {
    // Never move a lever whose cost exceeds what it frees (the LP leaves it at 0).
    const moved = Math.max(0, Math.min(columns[i].ub, solved.values[`m${i}`] ?? 0));
    const direction = Math.sign(l.target - l.current);
    const cashFreed = moved * l.dailyBase;
    const cost = moved * l.costPerDay;
    return {
      name: l.name,
      current: l.current,
      target: l.current + direction * moved,
      daysMoved: moved,
      cashFreed,
      cost,
      net: cashFreed - cost,
    };
  });
}
