import {
  balanceKpiAndVariance,
  expectedAttainment,
  keepsAttainment,
  LAMBDA_CEILING,
  shownAttainmentOf,
} from '../../src/loop/balance';
import { enteredCurve } from '../../src/loop/response-curves';
import { allocateFor, expectedVariance, lineReturns } from '../../src/loop/loop-allocation';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { context } from './contexts';
import type { LineContext } from '../../src/loop/line-objective';
import type { Solver } from '../../src/solver/types';

/** Three lines of one KPI: one that moves it, one over its plan, one under; 6 months left. */
function contexts(): LineContext[] {
  const make = (id: string, spend: number, perUnit: number) => context(perUnit, { id, lineCount: 3 }, spend);
  return [make('KPI', 100, 3), make('OVER', 115, 0), make('UNDER', 88, 0)];
}

const plansOf = (b: { allocation: { lines: { proposed: number }[] } }) => b.allocation.lines.map((l) => l.proposed);

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
    // balance 0 tracks the forecast as far as the KPI floor lets it: no more λ than the half needs.
    const none = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0);
    expect(expectedAttainment(cs, plansOf(none))).toBeGreaterThanOrEqual(expectedAttainment(cs, reference));
    expect(none.lambda).toBeLessThanOrEqual(half.lambda);
    const all = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 1);
    expect(all.allocation.lines[0].proposed).toBeGreaterThanOrEqual(half.allocation.lines[0].proposed - 1e-6);
  });

  test('no line moves a KPI: λ is the bracket’s ceiling, the plans track the forecast, one solve', async () => {
    // perUnit 0: no response at all; −1: a response that more spend would lower (never bought).
    const cs = [context(0, { id: 'A', lineCount: 3 }, 100), context(-1, { id: 'B', lineCount: 3 }, 115)];
    cs.push(context(0, { id: 'C', lineCount: 3 }, 88));
    let solves = 0;
    const counting: Solver = { ...glpkNodeSolver, solve: (p, o) => (solves++, glpkNodeSolver.solve(p, o)) };
    const reference = cs.map(() => 600);
    const none = await balanceKpiAndVariance(counting, cs, reference, 0.5);
    expect(none.varianceTarget).toBeGreaterThan(none.varianceMin);
    expect(none.lambda).toBe(LAMBDA_CEILING);
    // What the bracket would have reached: the same plans at the ceiling as at λ = 0.
    const atCeiling = await allocateFor(glpkNodeSolver, cs, LAMBDA_CEILING);
    expect(none.allocation).toEqual(atCeiling);
    expect(none.allocation).toEqual(await allocateFor(glpkNodeSolver, cs, 0));
    expect(solves).toBe(1);
    // With one line that moves its KPI, the bracket runs and stops below the ceiling.
    cs[0] = context(3, { id: 'A', lineCount: 3 }, 100);
    solves = 0;
    const some = await balanceKpiAndVariance(counting, cs, reference, 0.5);
    expect(solves).toBeGreaterThan(2);
    expect(some.lambda).toBeLessThan(LAMBDA_CEILING);
  });

  test('the plans buy at least the approved plan’s KPI attainment, on the efficient front', async () => {
    // The line that moves the KPI under-spends and another over-spends: tracking the forecast takes
    // budget from the KPI line, so the variance balance alone (balance 0: λ = 0) would cost KPIs.
    const make = (id: string, spend: number, perUnit: number) => context(perUnit, { id, lineCount: 3 }, spend);
    const cs = [make('KPI', 90, 3), make('OVER', 115, 0), make('FLAT', 100, 0)];
    const reference = cs.map(() => 600);
    const floor = expectedAttainment(cs, reference);
    const tracking = await allocateFor(glpkNodeSolver, cs, 0);
    expect(
      expectedAttainment(
        cs,
        tracking.lines.map((l) => l.proposed),
      ),
    ).toBeLessThan(floor);
    const b = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0);
    const plans = b.allocation.lines.map((l) => l.proposed);
    expect(b.lambda).toBeGreaterThan(0);
    expect(expectedAttainment(cs, plans)).toBeGreaterThanOrEqual(floor);
    // On the efficient front: λ·A − V at least the approved plan's, so V exceeds V_ref by at most
    // λ times the attainment bought beyond the floor (the LP's plans move from breakpoint to breakpoint).
    const excess = b.lambda * (expectedAttainment(cs, plans) - floor);
    expect(expectedVariance(cs, plans)).toBeLessThanOrEqual(b.varianceReference + excess + 1e-12);
    expect(expectedVariance(cs, plans)).toBeGreaterThan(b.varianceMin);
    // The least such λ (within the bisection's 5%): a tenth less falls short.
    const less = await allocateFor(glpkNodeSolver, cs, b.lambda / 1.1);
    expect(
      expectedAttainment(
        cs,
        less.lines.map((l) => l.proposed),
      ),
    ).toBeLessThan(floor);
    // Where the balance point already buys more than the approved plan, the floor changes nothing.
    const half = await balanceKpiAndVariance(
      glpkNodeSolver,
      contexts(),
      contexts().map(() => 600),
      0.5,
    );
    expect(half.varianceTarget).toBeGreaterThan(half.varianceMin);
    expect(
      expectedVariance(
        contexts(),
        half.allocation.lines.map((l) => l.proposed),
      ),
    ).toBeLessThanOrEqual(half.varianceTarget * (1 + 1e-9));
  });

  describe('do no harm: a line counts only the attainment its estimate shows (kpiConfidence)', () => {
    /** The KPI line over-spends (raising it serves both sides); its response 3 has standard error `sd`. */
    const withSd = (sd: number, confidence: number) => {
      const cs = [
        context(3, { id: 'KPI', lineCount: 3 }, 110),
        context(0, { id: 'OVER', lineCount: 3 }, 115),
        context(0, { id: 'FLAT', lineCount: 3 }, 100),
      ].map((c) => ({ ...c, confidence }));
      cs[0].terms = [{ ...cs[0].terms[0], curve: enteredCurve('K', { perUnit: 3, sd, saturation: 150 }) }];
      return cs;
    };
    const reference = [600, 600, 600];

    test('an estimate too uncertain to show a gain: the plans stay at the approved plan', async () => {
      // In expectation alone (no confidence) the KPI line is raised to its limit …
      const z0 = await balanceKpiAndVariance(glpkNodeSolver, withSd(6, 0), reference, 0.5);
      expect(plansOf(z0)[0]).toBeGreaterThan(800);
      // … but with sd twice the response no move of it is shown to buy attainment: it stays, and so
      // does the budget it would have taken.
      const cs = withSd(6, 1.645);
      const b = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0.5);
      plansOf(b).forEach((p) => expect(Math.abs(p - 600)).toBeLessThan(0.1));
      expect(shownAttainmentOf(cs, plansOf(b))).toBeGreaterThanOrEqual(expectedAttainment(cs, reference));
    });

    test('a clear estimate: the same plans as without the rule', async () => {
      const cs = withSd(0.1, 1.645);
      const b = await balanceKpiAndVariance(glpkNodeSolver, cs, reference, 0.5);
      const z0 = await balanceKpiAndVariance(glpkNodeSolver, withSd(0.1, 0), reference, 0.5);
      expect(plansOf(b)[0]).toBeGreaterThan(800);
      plansOf(b).forEach((p, i) => expect(p).toBeCloseTo(plansOf(z0)[i], 3));
      expect(keepsAttainment(cs, plansOf(b), reference)).toBe(true);
    });
  });
});
