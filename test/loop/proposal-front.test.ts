import { frontSentence, hasReturns, proposalFront } from '../../src/loop/proposal-front';
import type { Allocation, AllocationRequest } from '../../src/allocation/types';
import { numberFormatter } from '../../src/format';
import { paretoCandidates } from '../../src/allocation/reallocate';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { kinked, line } from '../allocation/helpers';

/** An allocation of these budgets, its return and risk worked by hand. */
const allocation = (
  request: AllocationRequest,
  proposed: number[],
  weightedReturn: number,
  risk: number,
): Allocation => ({
  lines: request.lines.map((l, i) => ({
    id: l.id,
    costCentre: l.costCentre,
    current: l.current,
    proposed: proposed[i],
    change: proposed[i] - l.current,
  })),
  weightedReturn,
  risk,
  disruption: proposed.reduce((s, p, i) => s + Math.abs(p - request.lines[i].current), 0),
});

// A returns 2/unit up to its 100, 1 above; B 0.5/unit. Total S = 200, so the current budgets return
// 2·100 + 0.5·100 = 250.
const linked: AllocationRequest = {
  lines: [
    line('A', 100, { returns: kinked(100, 2, 1), risk: 0.1 }),
    line('B', 100, { returns: [{ upTo: Infinity, rate: 0.5 }], risk: 0.2 }),
  ],
};
// A = 150, B = 50: 2·100 + 1·50 + 0.5·50 = 275, risk 0.1·150 + 0.2·50 = 25.
const bold = allocation(linked, [150, 50], 275, 25);
// The same returns with B the riskier line per unit moved away from: two candidates trade.
const safeRequest: AllocationRequest = {
  lines: [
    { ...linked.lines[0], risk: 0.2 },
    { ...linked.lines[1], risk: 0.1 },
  ],
};

describe('proposalFront', () => {
  it('puts return and risk in points of KPI attainment: the gain over the current budgets and the risk, over S', () => {
    const front = proposalFront([bold], linked);
    expect(front.kind).toBe('single');
    // 50 moves from B to A.
    expect(front.points).toEqual([{ gain: 25 / 200, risk: 25 / 200, moved: 50 }]);
    expect(front.best).toBe(0);
  });

  it('finds the highest gain among several candidates', () => {
    // Safe request: A = 150, B = 50 is risk 0.2·150 + 0.1·50 = 35; A = 120, B = 80 returns 2·100 + 20 +
    // 40 = 260 at risk 24 + 8 = 32.
    const front = proposalFront(
      [allocation(safeRequest, [120, 80], 260, 32), allocation(safeRequest, [150, 50], 275, 35)],
      safeRequest,
    );
    expect(front.kind).toBe('front');
    expect(front.best).toBe(1);
    const gains = front.points.map((p) => p.gain);
    const risks = front.points.map((p) => p.risk);
    [10 / 200, 25 / 200].forEach((g, i) => expect(gains[i]).toBeCloseTo(g, 12));
    [32 / 200, 35 / 200].forEach((r, i) => expect(risks[i]).toBeCloseTo(r, 12));
  });

  it('holds its candidates: points[i] measures candidates[i], in the order given, whatever is done to the list after', () => {
    // Safe request: the first moves 20 (A +20, B −20), the second 50; the second has the higher gain.
    const low = allocation(safeRequest, [120, 80], 260, 32);
    const high = allocation(safeRequest, [150, 50], 275, 35);
    for (const [order, moved] of [
      [
        [low, high],
        [20, 50],
      ],
      [
        [high, low],
        [50, 20],
      ],
    ] as const) {
      const list = [...order];
      const front = proposalFront(list, safeRequest);
      list.reverse();
      expect(front.candidates).toEqual(order);
      expect(front.points.map((p) => p.moved)).toEqual(moved);
      expect(front.candidates[front.best]).toBe(high);
    }
  });

  it('counts money moved once: what the lines gain or give, whichever is more (a pool is placed, not moved twice)', () => {
    // A pool of 10: A +30, B −20.
    const front = proposalFront([allocation({ ...linked, pool: 10 }, [130, 80], 0, 0)], { ...linked, pool: 10 });
    expect(front.points[0].moved).toBe(30);
  });

  it('has no front when no line returns anything (no KPI linked)', () => {
    const unlinked: AllocationRequest = {
      lines: [line('A', 100), line('B', 100, { returns: [{ upTo: Infinity, rate: 0 }] })],
    };
    expect(hasReturns(unlinked)).toBe(false);
    expect(hasReturns(linked)).toBe(true);
    // A zero priority weighs its return out.
    expect(hasReturns({ lines: linked.lines.map((l) => ({ ...l, priority: 0 })) })).toBe(false);
    const front = proposalFront([allocation(unlinked, [80, 120], 0, 0)], unlinked);
    expect(front.kind).toBe('no-return');
    expect(front.points).toEqual([{ gain: 0, risk: 0, moved: 20 }]);
  });
});

describe('frontSentence', () => {
  const en = numberFormatter({ locale: 'en-US' });
  it('names the unit of return and risk, and the money moved', () => {
    const front = proposalFront(
      [allocation(safeRequest, [120, 80], 260, 32), allocation(safeRequest, [150, 50], 275, 35)],
      safeRequest,
    );
    expect(frontSentence(front, 1, en)).toBe(
      'Highest return: +12.5 pts of KPI attainment, risk 17.5 pts, moving 50.00.',
    );
    expect(frontSentence(front, 0, en)).toBe(
      'Gives up 7.5 pts of KPI attainment for 1.5 pts less risk (+5.0 pts, risk 16.0 pts), moving 20.00.',
    );
  });

  it('writes the numbers in the user’s locale', () => {
    const front = proposalFront([bold], linked);
    expect(frontSentence(front, 0, numberFormatter({ locale: 'de-DE', currency: 'EUR' }))).toBe(
      'Highest return: +12,5 pts of KPI attainment, risk 12,5 pts, moving 50,00\u00a0€.',
    );
  });

  it('says that flags alone move the budgets when no line has a return, and never shows 0.00 of return', () => {
    const unlinked: AllocationRequest = { lines: [line('A', 100), line('B', 100)] };
    const moved = proposalFront([allocation(unlinked, [80, 120], 0, 0)], unlinked);
    expect(frontSentence(moved, 0, en)).toBe(
      'Moves 20.00 between lines to meet the flags; no line has a KPI return to weigh.',
    );
    const still = proposalFront([allocation(unlinked, [100, 100], 0, 0)], unlinked);
    expect(frontSentence(still, 0, en)).toMatch(/^Moves nothing/);
  });
});

describe('a solved allocation in words', () => {
  it('writes the exact sentences for a known front: points of KPI attainment, money moved once', async () => {
    // Two lines of 10,000 (S = 20,000), ±20%: A returns 0.3 per unit at risk 0.2, B 0.1 at risk 0.05.
    // Today: 0.3·10,000 + 0.1·10,000 = 4,000. Three candidates (risk = 0.15·A + 1,000 on A + B = 20,000):
    // - A = 12,000: return 4,400 (+400 = +2.0 pts), risk 2,800 (14.0 pts), 2,000 moved B → A;
    // - risk ≤ 2,500 (halfway): A = 10,000, today's budgets, return 4,000 (0.0 pts), risk 2,500 (12.5 pts);
    // - least risk, A = 8,000: return 3,600 (−2.0 pts), risk 2,200 (11.0 pts), 2,000 moved A → B.
    const request: AllocationRequest = {
      lines: [
        line('A', 10_000, { returns: [{ upTo: Infinity, rate: 0.3 }], risk: 0.2, maxChangePct: 0.2 }),
        line('B', 10_000, { returns: [{ upTo: Infinity, rate: 0.1 }], risk: 0.05, maxChangePct: 0.2 }),
      ],
    };
    const en = numberFormatter({ locale: 'en-US' });
    const candidates = await paretoCandidates(glpkNodeSolver, request, 3);
    expect(candidates.map((c) => c.lines.map((l) => l.proposed))).toEqual([
      [12_000, 8_000],
      [10_000, 10_000],
      [8_000, 12_000],
    ]);
    const front = proposalFront(candidates, request);
    expect(front.kind).toBe('front');
    expect(candidates.map((_, i) => frontSentence(front, i, en))).toEqual([
      // The allocation's own text was "Highest return 4,400 at risk 2,800, moving 4,000.": no unit, each move twice.
      'Highest return: +2.0 pts of KPI attainment, risk 14.0 pts, moving 2,000.',
      'Gives up 2.0 pts of KPI attainment for 1.5 pts less risk (0.0 pts, risk 12.5 pts), moving nothing.',
      'Gives up 4.0 pts of KPI attainment for 3.0 pts less risk (-2.0 pts, risk 11.0 pts), moving 2,000.',
    ]);
  });
});
