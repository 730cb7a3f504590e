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

describe('buildCashLp: the plain form', () => {
  const plan = handPlan({
    openingCash: 1000,
    minCash: 100,
    flows: [-50, 420, -700, 310],
    instruments: [
      { name: 'L', term: 1, rate: 0.01, lot: 100 },
      { name: 'M', term: 2, rate: 0.02, lot: 250, min: 250, to: 2 },
      { name: 'F', term: 1, rate: 0.005 },
    ],
    creditLine: { limit: 600, rate: 0.015, fee: 0.001 },
  });

  it('writes each period in turn: draw and repayment columns, placement columns tied to their lots', () => {
    const { program } = buildCashLp(plan, {}, 'plan', 'plain');
    expect(program.rows.slice(0, 5).map((r) => r.name)).toEqual(['bal1', 'cb1', 'lot0_1', 'lot1_1', 'pmin1_1']);
    expect(program.rows.filter((r) => r.name.endsWith('4')).map((r) => r.name)).toEqual(['bal4', 'cb4']);
    expect(program.columns.slice(0, 6).map((c) => c.name)).toEqual(['c4', 'b4', 'b1', 'd1', 'r1', 'c1']);
    const lot = program.rows.find((r) => r.name === 'lot1_2')!;
    expect(lot.terms).toEqual([
      { name: 'x1_2', coef: 1 },
      { name: 'n1_2', coef: -250 },
    ]);
    const balance = program.rows.find((r) => r.name === 'bal2')!;
    expect(balance.terms.map((t) => [t.name, t.coef])).toEqual([
      ['b2', 1],
      ['b1', -1],
      ['d2', -1],
      ['r2', 1],
    ]);
  });

  it('has the same integer columns and the same optimum as the lot form', async () => {
    const lots = buildCashLp(plan).program;
    const plain = buildCashLp(plan, {}, 'plan', 'plain').program;
    const integers = (p: typeof lots): string[] =>
      p.columns
        .filter((c) => c.integer)
        .map((c) => c.name)
        .sort();
    expect(integers(plain)).toEqual(integers(lots));
    const a = await solver.solve(lots, { mipGap: 0 });
    const b = await solver.solve(plain, { mipGap: 0 });
    expect(a.status).toBe('optimal');
    expect(b.objective).toBeCloseTo(a.objective, 6);
    // the plain plan, read as the lot form's columns, keeps every row of the lot form
    for (const row of lots.rows) {
      const value = row.terms.reduce((sum, t) => sum + t.coef * (b.values[t.name] ?? 0), 0);
      expect(value).toBeGreaterThanOrEqual(row.lb - 1e-6);
      expect(value).toBeLessThanOrEqual(row.ub + 1e-6);
    }
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
