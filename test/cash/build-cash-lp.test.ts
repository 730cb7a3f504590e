import { buildCashLp } from '../../src/cash/build-cash-lp';
import { optimizeCash } from '../../src/cash/optimize-cash';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { handPlan } from './plans';

describe('buildCashLp', () => {
  it('has one cash-balance row per period and a placement only where its term fits', () => {
    const plan = handPlan({
      openingCash: 10,
      flows: [0, 0, 0],
      instruments: [{ name: 'A', term: 2, rate: 0.01 }],
      creditLine: { limit: 5, rate: 0.01 },
    });
    const { program, index } = buildCashLp(plan);
    expect(program.rows.map((r) => r.name)).toEqual(['cb1', 'cb2', 'cb3']);
    expect(index.placement(0, 1)).toEqual({ name: 'x0_1', coef: 1 });
    expect(index.placement(0, 2)).toBeUndefined(); // 2 + 2 > 3
    expect(program.columns.find((c) => c.name === 'b2')).toEqual({ name: 'b2', lb: 0, ub: 5 });
  });

  it('makes lots integer only when integer lots are on', () => {
    const plan = handPlan({
      openingCash: 10,
      flows: [0, 0],
      instruments: [{ name: 'L', term: 1, rate: 0.01, lot: 5 }],
    });
    expect(buildCashLp(plan).program.columns.some((c) => c.integer)).toBe(true);
    expect(buildCashLp(plan, { integerLots: false }).program.columns.some((c) => c.integer)).toBe(false);
  });
});

describe('edge cases', () => {
  it('solves a one-period plan', async () => {
    const result = await optimizeCash(
      { openingCash: 5, minCash: 1, flows: [2], instruments: [{ name: 'A', term: 1, rate: 0.5 }] },
      solver,
    );
    expect(result.objective).toBeCloseTo(7, 12); // nothing can mature inside one period
  });

  it('keeps its accuracy at large magnitudes', async () => {
    // 1e12 idle for two periods at 1%: 1e12·1.01 = 1.01e12.
    const result = await optimizeCash(
      handPlan({ openingCash: 1e12, flows: [0, 0], instruments: [{ name: 'A', term: 1, rate: 0.01 }] }),
      solver,
    );
    expect(result.objective / 1.01e12).toBeCloseTo(1, 9);
  });
});
