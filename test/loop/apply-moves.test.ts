import { applyMoves } from '../../src/loop/apply-moves';
import type { LoopStepInput } from '../../src/loop/loop-types';
import { context } from './contexts';

/** Two lines with 6 months left at 100 a month; limits 50%–200% of the approved 100. */
function input(): LoopStepInput {
  const line = (id: string) => ({
    id,
    costCentre: 'CC',
    kpi: null,
    annualPlan: Array(12).fill(100),
    plan: Array(12).fill(100),
    actual: Array(6).fill(100),
  });
  return {
    month: 5,
    monthsPerYear: 12,
    window: [6, 11],
    limits: { minShare: 0.5, maxShare: 2 },
    lines: [line('A'), line('B')],
    kpis: [],
    state: null,
  };
}

describe('applyMoves', () => {
  const contexts = [context(0, { id: 'A' }), context(0, { id: 'B' })];

  it('keeps the month limits exactly when the solver strays past a bound, and the total', () => {
    // An LP answer 0.004 below A's floor (Σ 6 × 50 = 300): the months could not hold it.
    const { plan } = applyMoves(input(), contexts, [300 - 0.004, 900 + 0.004], new Set(['A', 'B']), [], 2);
    expect(plan.A.every((v) => v >= 50)).toBe(true);
    expect(plan.B.every((v) => v <= 200)).toBe(true);
    const total = [...plan.A, ...plan.B].reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(1200, 9);
    expect(plan.A.reduce((s, v) => s + v, 0)).toBeCloseTo(300, 9);
  });

  it('moves and records the lines it is given, with their totals', () => {
    const { plan, moves, records } = applyMoves(input(), contexts, [500, 700], new Set(['A', 'B']), [], 2);
    expect(plan.A.reduce((s, v) => s + v, 0)).toBeCloseTo(500, 9);
    expect(moves.map((m) => [m.line, m.before, m.after])).toEqual([
      ['A', 600, 500],
      ['B', 600, 700],
    ]);
    expect(records).toHaveLength(2);
  });
});
