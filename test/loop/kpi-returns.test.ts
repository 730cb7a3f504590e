import { combineTerms, kpiReturns, linksOfLine, responseNote, sentence } from '../../src/loop/kpi-returns';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import { budgetLine, linkedKpi } from './fixtures';

/** A line planned at 1 a month, so its actuals alone set the scale. */
const line = (id: string, actual: (number | null)[]) => budgetLine(id, actual, { plan: actual.map(() => 1), actual });
const kpi = linkedKpi;

describe('kpiReturns', () => {
  const lines = [line('A-1', Array(12).fill(10000)), line('B-1', Array(12).fill(5000))];
  const budgets = [120000, 60000];

  it('no KPI: no return and no risk (the execution ratio is never a return)', () => {
    const got = kpiReturns(lines, budgets, []);
    expect(got.map((r) => [r.rate, r.rateAbove, r.risk, r.kpis])).toEqual([
      [0, 0, 0, []],
      [0, 0, 0, []],
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
    expect(a.kpis[0].source).toBe('entered');
    expect(a.note).toBe('response entered by hand: 0.5 u per unit of spend (sd 0.1)');
    expect(b.rate).toBe(0);
  });

  it('the note says whether the response was entered or estimated, with the lag', () => {
    expect(responseNote({ line: 'A-1', kpi: 'K', lag: 2 }, 'u', 'linear chosen by AICc.')).toBe(
      'response estimated from history, spend 2 period(s) before the KPI: linear chosen by AICc.',
    );
    expect(
      responseNote({ line: 'A-1', kpi: 'K', lag: 1, response: { perUnit: 1 / 3, saturation: 5000 } }, '', ''),
    ).toBe(
      'response entered by hand: 0.3333 KPI units per unit of spend, falling by e every 5000 of spend a period, spend 1 period(s) before the KPI',
    );
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

  it.each([
    [undefined, '.'],
    ['en-US', '.'],
    ['de-DE', ','],
    ['fr-FR', ','],
  ] as [string | undefined, string][])(
    'an estimated note writes its AICc scores in the style given (the pane’s; default en-US) (%s)',
    (locale, decimal) => {
      const rng = new SeededGenerator(17, 'kpi-returns-style');
      const n = 24;
      const ads = Array.from({ length: n }, () => 8000 + 4000 * rng.nextOpen01());
      const actual = ads.map((x) => 2000 + 0.3 * x + 40 * rng.nextNormal());
      const k = kpi({ target: Array(n).fill(5000), actual, links: [{ line: 'A-1', kpi: 'K' }] });
      const style = locale === undefined ? undefined : { locale, minus: 'true' as const };
      const [got] = kpiReturns([line('A-1', ads)], [120000], [k], undefined, style);
      const scores = got.note.match(/AICc \((.*); a simpler/)![1].split(', ');
      expect(scores.length).toBeGreaterThan(1);
      // Each score is a figure with one decimal at most, in the style's decimal mark and none other.
      for (const s of scores) expect(s).toMatch(new RegExp(`^[a-z+]+ \\d+(\\${decimal}\\d)?$`));
      expect(scores.some((s) => s.includes(decimal))).toBe(true);
    },
  );

  describe('a line linked to several KPIs', () => {
    // S = 180,000 and P = 12 as above. K1: target 1,000 (scale 15), priority 2, 0.5 ± 0.1 per unit.
    // K2: target 500 (scale 30), priority 1, 0.3 ± 0.2 per unit.
    const k1 = kpi({ id: 'K1', priority: 2, links: [{ line: 'A-1', kpi: 'K1', response: { perUnit: 0.5, sd: 0.1 } }] });
    const k2 = kpi({
      id: 'K2',
      priority: 1,
      target: Array(12).fill(500),
      links: [
        { line: 'A-1', kpi: 'K2', response: { perUnit: 0.3, sd: 0.2 } },
        { line: 'B-1', kpi: 'K2', response: { perUnit: 0.1 } },
      ],
    });

    it('gets the priority-weighted sum of its KPIs, with the combined standard error as risk', () => {
      const [a, b] = kpiReturns(lines, budgets, [k1, k2]);
      expect(a.kpis.map((t) => [t.kpi, t.priority])).toEqual([
        ['K1', 2],
        ['K2', 1],
      ]);
      expect(a.kpis[0].rate).toBeCloseTo(7.5, 12);
      expect(a.kpis[1].rate).toBeCloseTo(9, 12);
      // Σ p_k·r_k = 2·7.5 + 1·9 = 24 = priority 3 × rate 8.
      expect(a.priority).toBe(3);
      expect(a.rate).toBeCloseTo(8, 12);
      expect(a.priority * a.rate).toBeCloseTo(24, 12);
      expect(a.rateAbove).toBeCloseTo(8, 12);
      // √((2/3 · 1.5)² + (1/3 · 6)²) = √5.
      expect(a.risk).toBeCloseTo(Math.sqrt(5), 12);
      expect(a.note).toBe(
        'K1: response entered by hand: 0.5 u per unit of spend (sd 0.1); K2: response entered by hand: 0.3 u per unit of spend (sd 0.2)',
      );
      // B-1 has K2 only: its own numbers, 0.1 · 30 = 3 at priority 1.
      expect(b.kpis.map((t) => t.kpi)).toEqual(['K2']);
      expect(b.rate).toBeCloseTo(3, 12);
      expect(b.priority).toBe(1);
    });

    it('a KPI with no estimate yet still weighs, so the sum stays Σ p_k·r_k', () => {
      const k3 = kpi({ id: 'K3', priority: 1, links: [{ line: 'A-1', kpi: 'K3' }] });
      const [a] = kpiReturns(lines, budgets, [k1, k3]);
      expect(a.kpis[1]).toMatchObject({ kpi: 'K3', rate: 0, risk: 0 });
      expect(a.priority * a.rate).toBeCloseTo(2 * 7.5, 12);
      expect(a.kpis[1].source).toBe('none');
      expect(a.note).toMatch(
        /^K1: response entered by hand: 0\.5 u per unit of spend \(sd 0\.1\); K3: 0 KPI period\(s\) so far/,
      );
    });

    it("one KPI gives exactly that KPI's numbers (as before several were allowed)", () => {
      const [, b] = kpiReturns(lines, budgets, [k1, k2]);
      const [term] = b.kpis;
      expect(b).toEqual({ line: 'B-1', kpis: [term], ...term, kpi: undefined, source: undefined });
      const one = {
        kpi: 'K',
        rate: 0.123456789,
        rateAbove: 0.1,
        risk: 0.0314159,
        priority: 7,
        source: 'entered' as const,
        note: 'n',
      };
      expect(combineTerms('X', [one])).toEqual({ line: 'X', kpis: [one], ...one, kpi: undefined, source: undefined });
    });

    it('several notes join as clauses, without their full stops', () => {
      const t = { rate: 1, rateAbove: 1, risk: 0, priority: 1, source: 'estimate' as const };
      const got = combineTerms('X', [
        { ...t, kpi: 'K1', note: 'linear chosen by AICc.' },
        { ...t, kpi: 'K2', note: 'entered by hand' },
      ]);
      expect(got.note).toBe('K1: linear chosen by AICc; K2: entered by hand');
      expect(sentence('one. two.  ')).toBe('one. two');
    });

    it('links are found in every KPI, once per KPI', () => {
      expect(linksOfLine([k1, k2], 'A-1').map((f) => f.kpi.id)).toEqual(['K1', 'K2']);
      expect(linksOfLine([k1, k2], 'B-1').map((f) => f.link.kpi)).toEqual(['K2']);
      expect(linksOfLine([k1, k2], 'C-1')).toEqual([]);
    });
  });
});
