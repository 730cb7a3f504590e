/**
 * The block sums write exactly the interest r'·Σ_{u<t} b_u: checked on seeded balances against the sum
 * written term by term, and through a solve that must find the balances' least-cost recourse.
 */
import { interestBlockSize, interestTerms } from '../../src/cash/interest-blocks';
import type { Column, Row, Term } from '../../src/solver/types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { rng } from './plans';

const name = (t: number): string => `b${t}`;
const sumName = (j: number): string => `S${j}`;

/** Value of terms given balances, with each sum column evaluated from its defining row. */
function evaluate(terms: Term[], rows: Row[], b: Map<number, number>): number {
  const value = (n: string): number => {
    if (n.startsWith('b')) return b.get(Number(n.slice(1))) ?? 0;
    const row = rows.find((r) => r.name === `def_${n}`);
    if (!row) throw new Error(`no row defines ${n}`);
    return row.terms.filter((x) => x.name !== n).reduce((sum, x) => sum - x.coef * value(x.name), 0);
  };
  return terms.reduce((sum, x) => sum + x.coef * value(x.name), 0);
}

describe('interestTerms', () => {
  it('equals −r′·Σ_{u<t} b_u for every row, whatever the periods (seeded)', () => {
    const r = rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const T = 1 + Math.floor(r() * 80);
      const periods = Array.from({ length: T }, (_, t) => t + 1).filter(() => r() < 0.7);
      const b = new Map(periods.map((t) => [t, r() * 1e6]));
      const columns: Column[] = [];
      const rows: Row[] = [];
      const rate = 0.00146;
      const terms = interestTerms(periods, rate, name, sumName, columns, rows);
      for (const t of periods) {
        let direct = 0;
        for (const u of periods) if (u < t) direct -= rate * b.get(u)!;
        expect(evaluate(terms(t), rows, b)).toBeCloseTo(direct, 6);
      }
      // Each row holds at most the sums before its block and the balances of its block.
      const size = interestBlockSize(periods.length);
      for (const t of periods) expect(terms(t).length).toBeLessThanOrEqual(Math.ceil(periods.length / size) + size);
      expect(columns.every((c) => c.lb === -Infinity && c.ub === Infinity)).toBe(true);
      expect(rows).toHaveLength(Math.max(0, Math.ceil(periods.length / size) - 1));
    }
  });

  it('appends to the array it is given, and returns it', () => {
    const columns: Column[] = [];
    const rows: Row[] = [];
    const terms = interestTerms([1, 2, 3, 4, 5], 0.01, name, sumName, columns, rows);
    const into: Term[] = [{ name: 'Y4', coef: -1 }];
    expect(terms(4, into)).toBe(into);
    expect(into).toEqual([
      { name: 'Y4', coef: -1 },
      { name: 'S0', coef: -0.01 },
      { name: 'b3', coef: -0.01 },
    ]);
    expect(interestTerms([1, 2], 0, name, sumName, columns, rows)(2, into)).toBe(into);
  });

  it('writes nothing without interest, and nothing to sum for one balance', () => {
    const columns: Column[] = [];
    const rows: Row[] = [];
    expect(interestTerms([1, 2, 3], 0, name, sumName, columns, rows)(3)).toEqual([]);
    expect(interestTerms([4], 0.01, name, sumName, columns, rows)(4)).toEqual([]);
    expect(interestTerms([], 0.01, name, sumName, columns, rows)(1)).toEqual([]);
    expect(columns).toEqual([]);
    expect(rows).toEqual([]);
  });

  it('sizes blocks at √n (at least 2)', () => {
    expect(interestBlockSize(0)).toBe(2);
    expect(interestBlockSize(1)).toBe(2);
    expect(interestBlockSize(45)).toBe(7);
    expect(interestBlockSize(365)).toBe(19);
  });

  it('a solve through the block sums finds the least-cost recourse b_t = max(0, need_t + r′·Σ_{u<t} b_u)', async () => {
    // min Σ b_t s.t. b_t − r′Σ_{u<t} b_u ≥ need_t, b ≥ 0: the greedy recourse, computed by hand.
    const r = rng(3);
    const T = 30;
    const need = Array.from({ length: T }, () => (r() - 0.4) * 1000);
    const rate = 0.01;
    const periods = Array.from({ length: T }, (_, t) => t + 1);
    const columns: Column[] = periods.map((t) => ({ name: name(t), lb: 0, ub: Infinity }));
    const rows: Row[] = [];
    const interest = interestTerms(periods, rate, name, sumName, columns, rows);
    for (const t of periods)
      rows.push({ name: `c${t}`, terms: [{ name: name(t), coef: 1 }, ...interest(t)], lb: need[t - 1], ub: Infinity });
    const solved = await glpkNodeSolver.solve({
      name: 'recourse',
      sense: 'min',
      objective: periods.map((t) => ({ name: name(t), coef: 1 })),
      columns,
      rows,
    });
    expect(solved.status).toBe('optimal');
    let carried = 0;
    for (const t of periods) {
      const b = Math.max(0, need[t - 1] + rate * carried);
      expect(solved.values[name(t)] ?? 0).toBeCloseTo(b, 6);
      carried += b;
    }
  });
});
