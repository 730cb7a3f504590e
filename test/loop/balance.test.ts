import { balanceKpiAndVariance } from '../../src/loop/balance';
import { allocateFor, expectedVariance, lineReturns } from '../../src/loop/loop-allocation';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { context } from './contexts';
import type { LineContext } from '../../src/loop/line-objective';

/** Three lines of one KPI: one that moves it, one over its plan, one under; 6 months left. */
function contexts(): LineContext[] {
  const make = (id: string, spend: number, perUnit: number) => context(perUnit, { id, lineCount: 3 }, spend);
  return [make('KPI', 100, 3), make('OVER', 115, 0), make('UNDER', 88, 0)];
}

describe('balance between KPI attainment and predictability', () => {
  test('returns are concave (non-increasing rates) and start at the line’s minimum', () => {
    const r = lineReturns(contexts()[0], 1, 1);
    for (let k = 1; k < r.length; k++) expect(r[k].rate).toBeLessThanOrEqual(r[k - 1].rate);
    expect(r[r.length - 1].upTo).toBe(1200);
  });

  test('λ = 0 tracks the forecast: the over-spender gets budget, the under-spender gives it', async () => {
    const cs = contexts();
    const a = await allocateFor(glpkNodeSolver, cs, 0);
    expect(a.lines[1].proposed).toBeGreaterThan(600);
    expect(a.lines[2].proposed).toBeLessThan(600);
    expect(a.lines.reduce((s, l) => s + l.proposed, 0)).toBeCloseTo(1800, 6);
  });

  test('the chosen λ spends `balance` of the predictability won on KPIs', async () => {
    const cs = contexts();
    const reference = cs.map(() => 600);
    const half = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0.5);
    expect(half.varianceReference).toBeGreaterThan(half.varianceMin);
    expect(half.varianceTarget).toBeCloseTo(half.varianceMin + 0.5 * (half.varianceReference - half.varianceMin), 12);
    const reached = expectedVariance(
      cs,
      half.allocation.lines.map((l) => l.proposed),
    );
    expect(reached).toBeLessThanOrEqual(half.varianceTarget * (1 + 1e-9));
    expect(reached).toBeGreaterThan(half.varianceMin + 0.3 * (half.varianceTarget - half.varianceMin));
    expect(half.allocation.lines[0].proposed).toBeGreaterThan(
      (await allocateFor(glpkNodeSolver, cs, 0)).lines[0].proposed,
    );
    const none = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0);
    expect(none.lambda).toBe(0);
    const all = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 1);
    expect(all.allocation.lines[0].proposed).toBeGreaterThanOrEqual(half.allocation.lines[0].proposed - 1e-6);
  });
});
