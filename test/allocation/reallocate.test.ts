/**
 * The reallocation LP through the real glpk.js solver. Run with the solver's jest config until the
 * main config carries the glpk.js transform: npx jest -c test/solver/jest.cash.config.cjs test/allocation
 */
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { moneyMoved, paretoCandidates, reallocate } from '../../src/allocation/reallocate';
import { lineRange } from '../../src/allocation/line-bounds';
import type { AllocationRequest } from '../../src/allocation/types';
import { FpaError } from '../../src/errors';
import { kinked, line } from './helpers';

describe('reallocate', () => {
  it('solves a hand-worked case optimally', async () => {
    // A returns 2/unit up to 150 then 0.5; B returns 1/unit; C locked. Total of A+B = 200.
    // Best: A = 150 (2·150 = 300), B = 50 (50); anything more to A earns 0.5 < 1 on B.
    // Moves: A +50, B −50 → disruption 100, penalty 0.01·100 = 1. Return 350.
    const request: AllocationRequest = {
      lines: [
        line('A', 100, { returns: kinked(150, 2, 0.5) }),
        line('B', 100, { returns: [{ upTo: Infinity, rate: 1 }] }),
        line('C', 70, { locked: true, returns: [{ upTo: Infinity, rate: 5 }] }),
      ],
    };
    const a = await reallocate(glpkNodeSolver, request);
    expect(a.lines.map((l) => l.proposed)).toEqual([150, 50, 70]);
    expect(a.weightedReturn).toBeCloseTo(300 + 50 + 350, 6);
    expect(a.disruption).toBe(100);
  });

  it('respects every bound: min, max, max change %, locks and the total', async () => {
    const lines = Array.from({ length: 8 }, (_, i) =>
      line(`L${i}`, 100 + 10 * i, {
        min: 60,
        max: 170,
        maxChangePct: 0.3,
        locked: i === 3,
        returns: kinked(120, 1 + (i % 4), 0.5 * (i % 3)),
        priority: 1 + (i % 2),
      }),
    );
    const a = await reallocate(glpkNodeSolver, { lines, pool: 25 });
    const total = lines.reduce((s, l) => s + l.current, 0) + 25;
    expect(a.lines.reduce((s, l) => s + l.proposed, 0)).toBeCloseTo(total, 6);
    a.lines.forEach((l, i) => {
      const r = lineRange(lines[i]);
      expect(l.proposed).toBeGreaterThanOrEqual(r.lower - 1e-6);
      expect(l.proposed).toBeLessThanOrEqual(r.upper + 1e-6);
    });
    expect(a.lines[3].change).toBe(0);
  });

  it('names the conflicting lines when the bounds cannot hold', async () => {
    const request = { lines: [line('A', 100, { min: 150 }), line('B', 100, { locked: true })] };
    const error = await reallocate(glpkNodeSolver, request).catch((e: FpaError) => e);
    expect(error).toBeInstanceOf(FpaError);
    expect((error as FpaError).fullMessage).toMatch(/minimum budgets add up to 250.*Relax the bounds of A, B/);
    const capped = await reallocate(glpkNodeSolver, { lines: [line('A', 100, { max: 90 })] }).catch((e: FpaError) => e);
    expect((capped as FpaError).fullMessage).toMatch(/maximum budgets add up to 90.*Relax the bounds of A\b/);
    await expect(reallocate(glpkNodeSolver, { lines: [line('A', 100, { min: 120, max: 110 })] })).rejects.toThrow(
      FpaError,
    );
  });

  it('writes the amounts of those messages in the request’s number style (the pane’s), en-US by default', async () => {
    const lines = [line('A', 12000, { min: 15000 }), line('B', 10000, { locked: true })];
    const message = async (numbers?: { locale: string; minus: 'true' }) =>
      ((await reallocate(glpkNodeSolver, { lines, numbers }).catch((e: FpaError) => e)) as FpaError).message;
    expect(await message()).toMatch(/the minimum budgets add up to 25,000, more than the 22,000 available/);
    expect(await message({ locale: 'de-DE', minus: 'true' })).toMatch(
      /the minimum budgets add up to 25\.000, more than the 22\.000 available/,
    );
    const empty = { lines: [line('A', 12000, { min: 15000, max: 13000 })], numbers: { locale: 'fr-FR' } };
    expect(((await reallocate(glpkNodeSolver, empty).catch((e: FpaError) => e)) as FpaError).message).toMatch(
      /at least 15\u202f000 but at most 13\u202f000/,
    );
  });

  it('refuses increasing return rates (not diminishing)', async () => {
    await expect(
      reallocate(glpkNodeSolver, {
        lines: [
          line('A', 100, {
            returns: [
              { upTo: 50, rate: 1 },
              { upTo: 100, rate: 2 },
            ],
          }),
        ],
      }),
    ).rejects.toThrow(/must not increase/);
  });
});

describe('paretoCandidates', () => {
  it('gives 3 to 7 distinct, non-dominated candidates from best return to least risk', async () => {
    const lines = [
      line('Growth', 100, { returns: [{ upTo: Infinity, rate: 3 }], risk: 3, maxChangePct: 1 }),
      line('Core', 100, { returns: [{ upTo: Infinity, rate: 2 }], risk: 1, maxChangePct: 1 }),
      line('Safe', 100, { returns: [{ upTo: Infinity, rate: 1 }], risk: 0.2, maxChangePct: 1 }),
    ];
    const c = await paretoCandidates(glpkNodeSolver, { lines }, 5);
    expect(c.length).toBeGreaterThanOrEqual(3);
    expect(c.length).toBeLessThanOrEqual(7);
    for (let i = 1; i < c.length; i += 1) {
      expect(c[i].risk).toBeLessThan(c[i - 1].risk);
      expect(c[i].weightedReturn).toBeLessThan(c[i - 1].weightedReturn);
    }
    for (const a of c)
      for (const b of c) if (a !== b) expect(b.weightedReturn >= a.weightedReturn && b.risk <= a.risk).toBe(false);
    // No words here: the numbers have no unit (src/loop/proposal-front.ts writes the sentence).
    expect(c.every((a) => !('tradeOff' in a))).toBe(true);
  });

  it('gives one candidate when risk does not vary', async () => {
    const c = await paretoCandidates(glpkNodeSolver, {
      lines: [line('A', 100, { returns: [{ upTo: Infinity, rate: 1 }] }), line('B', 100)],
    });
    expect(c).toHaveLength(1);
  });
});

describe('moneyMoved', () => {
  it('counts each move once: what the lines gain or give, whichever is more', () => {
    // B gives 50 to A: moved 50, while disruption (Σ|change|) is 100.
    expect(moneyMoved([{ change: 50 }, { change: -50 }])).toBe(50);
    // A pool of 10 placed: A +30, B −20.
    expect(moneyMoved([{ change: 30 }, { change: -20 }])).toBe(30);
    // Cuts into the pool: A −25, B +5.
    expect(moneyMoved([{ change: -25 }, { change: 5 }])).toBe(25);
    expect(moneyMoved([{ change: 0 }])).toBe(0);
  });
});
