/**
 * A working-capital Pareto: plans that trade cash freed, the cost of moving the levers and the
 * damage to supplier relationships (a score per day a lever moves, e.g. for paying suppliers
 * later), by the ε-constraint method (Haimes, Lasdon & Wismer 1971), as the allocation's Pareto does:
 * maximise cash freed net of cost within the budget subject to relationship damage ≤ ε, for ε spread
 * evenly from the damage of the best-net plan down to none. Plans that another plan beats on all
 * three counts (no less cash freed, no more cost, no more damage, one strictly) are dropped.
 */
import type { Solver } from '../solver/types';
import { CashErrors } from './errors';
import type { Lever, LeverChoice } from './wc-levers';
import { checkLevers } from './wc-levers';

export interface LeverPlan {
  levers: LeverChoice[];
  cashFreed: number;
  cost: number;
  /** Relationship damage: Σ days moved × relationship per day. */
  relationship: number;
  net: number;
}

async function bestNet(levers: Lever[], budget: number, cap: number, solver: Solver): Promise<LeverPlan> {
  const rows = [];
  if (Number.isFinite(budget))
    rows.push({
      name: 'budget',
      terms: levers.map((l, i) => ({ name: `m${i}`, coef: l.costPerDay })),
      lb: -Infinity,
      ub: budget,
    });
  if (Number.isFinite(cap))
    rows.push({
      name: 'relationship',
      terms: levers.map((l, i) => ({ name: `m${i}`, coef: l.relationshipPerDay ?? 0 })),
      lb: -Infinity,
      ub: cap,
    });
  const columns = levers.map((l, i) => ({ name: `m${i}`, lb: 0, ub: Math.abs(l.current - l.target) }));
  // A tiny preference for less damage among plans of equal net, so each ε gives its least-damage plan.
  const solved = await solver.solve({
    name: 'lever-pareto',
    sense: 'max',
    objective: levers.map((l, i) => ({
      name: `m${i}`,
      coef: l.dailyBase - l.costPerDay - 1e-9 * (l.relationshipPerDay ?? 0),
    })),
    columns,
    rows,
  });
  if (solved.status !== 'optimal') throw CashErrors.noSolution(solved.status);
  const choices = levers.map((l, i): LeverChoice => {
    const moved = Math.max(0, Math.min(columns[i].ub, solved.values[`m${i}`] ?? 0));
    return {
      name: l.name,
      current: l.current,
      target: l.current + Math.sign(l.target - l.current) * moved,
      daysMoved: moved,
      cashFreed: moved * l.dailyBase,
      cost: moved * l.costPerDay,
      net: moved * (l.dailyBase - l.costPerDay),
    };
  });
  const sum = (f: (c: LeverChoice, i: number) => number): number => choices.reduce((s, c, i) => s + f(c, i), 0);
  return {
    levers: choices,
    cashFreed: sum((c) => c.cashFreed),
    cost: sum((c) => c.cost),
    relationship: sum((c, i) => c.daysMoved * (levers[i].relationshipPerDay ?? 0)),
    net: sum((c) => c.net),
  };
}

/**
 * 3–7 non-dominated plans (fewer when the front is shorter: one when no lever has a relationship
 * score), from the best net cash to the least relationship damage.
 * @throws FpaError CASH_INVALID_PLAN for a malformed lever or a negative budget.
 */
export async function leverPareto(levers: Lever[], budget: number, solver: Solver, count = 5): Promise<LeverPlan[]> {
  checkLevers(levers, budget);
  if (levers.length === 0) return [];
  const steps = Math.min(7, Math.max(3, Math.round(count)));
  const best = await bestNet(levers, budget, Infinity, solver);
  const tolerance = 1e-9 * Math.max(1, best.relationship);
  const found = [best];
  for (let k = 1; k < steps && best.relationship > tolerance; k++)
    found.push(await bestNet(levers, budget, best.relationship * (1 - k / (steps - 1)), solver));
  const same = (a: LeverPlan, b: LeverPlan): boolean =>
    a.levers.every((l, i) => Math.abs(l.daysMoved - b.levers[i].daysMoved) < 1e-6);
  const distinct = found.filter((a, i) => found.findIndex((b) => same(a, b)) === i);
  const eps = 1e-9 * Math.max(1, best.cashFreed, best.cost);
  const dominated = (a: LeverPlan): boolean =>
    distinct.some(
      (b) =>
        b !== a &&
        b.cashFreed >= a.cashFreed - eps &&
        b.cost <= a.cost + eps &&
        b.relationship <= a.relationship + tolerance &&
        (b.cashFreed > a.cashFreed + eps || b.cost < a.cost - eps || b.relationship < a.relationship - tolerance),
    );
  return distinct.filter((a) => !dominated(a));
}
