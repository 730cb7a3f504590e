import { kpiReturns } from '../../src/loop/kpi-returns';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import type { BudgetLine } from '../../src/model/budget-line';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const line = (id: string, actual: (number | null)[]): BudgetLine => ({
  id,
  costCentre: id.split('-')[0],
  account: id,
  owner: 'o',
  plan: actual.map(() => 1),
  actual,
});

const kpi = (over: Partial<LinkedKpi>): LinkedKpi => ({
  id: 'K',
  name: 'K',
  ownerCostCentre: 'A',
  unit: 'u',
  direction: 'higher',
  target: Array(12).fill(1000),
  actual: Array(12).fill(null),
  links: [],
  ...over,
});

describe('kpiReturns', () => {
  const lines = [line('A-1', Array(12).fill(10000)), line('B-1', Array(12).fill(5000))];
  const budgets = [120000, 60000];

  it('no KPI: no return and no risk (the execution ratio is never a return)', () => {
    const got = kpiReturns(lines, budgets, []);
    expect(got.map((r) => [r.rate, r.rateAbove, r.risk, r.kpi])).toEqual([
      [0, 0, 0, null],
      [0, 0, 0, null],
    ]);
    expect(got[0].note).toBe('not linked to a KPI');
  });

  it('an entered constant response: rate = perUnit · S ÷ (T̄ · P), risk = sd on the same scale', () => {
    const k = kpi({ priority: 3, links: [{ line: 'A-1', kpi: 'K', response: { perUnit: 0.5, sd: 0.1 } }] });
    const [a, b] = kpiReturns(lines, budgets, [k]);
    // S = 180,000, T̄ = 1,000, P = 12: scale 15.
    expect(a.rate).toBeCloseTo(7.5, 12);
    expect(a.rateAbove).toBeCloseTo(7.5, 12);
    expect(a.risk).toBeCloseTo(1.5, 12);
    expect(a.priority).toBe(3);
    expect(a.note).toBe('entered by hand');
    expect(b.rate).toBe(0);
  });

  it('saturating: the slope at the current spend, and a lower one above it', () => {
    const k = kpi({ links: [{ line: 'A-1', kpi: 'K', response: { perUnit: 0.5, saturation: 20000 } }] });
    const [a] = kpiReturns(lines, budgets, [k]);
    // x = 120,000 / 12 = 10,000 per period; slope 0.5·e^(−x/s).
    expect(a.rate).toBeCloseTo(15 * 0.5 * Math.exp(-0.5), 12);
    expect(a.rateAbove).toBeCloseTo(15 * 0.5 * Math.exp(-0.6), 12);
  });

  it('"lower is better": a response that lowers the KPI is a gain', () => {
    const k = kpi({ direction: 'lower', links: [{ line: 'B-1', kpi: 'K', response: { perUnit: -0.2 } }] });
    expect(kpiReturns(lines, budgets, [k])[1].rate).toBeCloseTo(3, 12);
  });

  it('a KPI without a target gives no return, and says so', () => {
    const k = kpi({ target: [null, null], links: [{ line: 'A-1', kpi: 'K', response: { perUnit: 0.5 } }] });
    expect(kpiReturns(lines, budgets, [k])[0]).toMatchObject({ rate: 0, note: 'the KPI has no target' });
  });

  it('estimated from history: the known slope lies within about two standard errors (seeded)', () => {
    const rng = new SeededGenerator(16, 'kpi-returns');
    const n = 24;
    const ads = Array.from({ length: n }, () => 8000 + 4000 * rng.nextOpen01());
    const other = Array.from({ length: n }, () => 5000 + 2000 * rng.nextOpen01());
    const actual = ads.map((x, t) => 2000 + 0.3 * x + 0.01 * other[t] + 40 * rng.nextNormal());
    const k = kpi({
      target: Array(n).fill(5000),
      actual,
      links: [
        { line: 'A-1', kpi: 'K' },
        { line: 'B-1', kpi: 'K' },
      ],
    });
    const got = kpiReturns([line('A-1', ads), line('B-1', other)], [120000, 60000], [k]);
    const scale = 180000 / (5000 * n);
    expect(Math.abs(got[0].rate - 0.3 * scale)).toBeLessThan(3 * got[0].risk);
    expect(got[0].risk).toBeGreaterThan(0);
    expect(got[0].rate).toBeGreaterThan(got[1].rate);
  });
});
