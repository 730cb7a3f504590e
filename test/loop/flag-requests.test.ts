import { flagPool, isSevereAndPersistent, PROPOSAL_MIN_SEVERITY } from '../../src/loop/flag-requests';
import type { Flag } from '../../src/model/flag';
import { loopFlag } from './fixtures';

/** A persistent, ongoing underspend of severity 0.7 (the loop's flag with this test's defaults). */
const flag = (over: Partial<Flag>): Flag =>
  loopFlag({ kind: 'underspend', direction: 'under', severity: 0.7, variance: -9000, ...over });

describe('isSevereAndPersistent', () => {
  it('needs persistent, ongoing and at least the medium severity band', () => {
    expect(PROPOSAL_MIN_SEVERITY).toBe(0.5);
    expect(isSevereAndPersistent(flag({}))).toBe(true);
    expect(isSevereAndPersistent(flag({ severity: 0.5 }))).toBe(true);
    expect(isSevereAndPersistent(flag({ severity: 0.49 }))).toBe(false);
    expect(isSevereAndPersistent(flag({ persistent: false }))).toBe(false);
    expect(isSevereAndPersistent(flag({ ongoing: false }))).toBe(false);
    expect(isSevereAndPersistent(flag({ severity: 0.3 }), 0.25)).toBe(true);
  });
});

describe('flagPool', () => {
  const budgets = new Map([
    ['A', 100000],
    ['B', 50000],
    ['C', 8000],
  ]);

  it('under-plan flags release their projected year-end variance; over-plan flags request theirs', () => {
    const pool = flagPool(
      [
        flag({ line: 'A', kind: 'opportunity', projection: { variance: -15000, share: 0.15, annualPlan: 100000 } }),
        flag({ line: 'B', kind: 'run-rate', direction: 'over', variance: 4000 }),
      ],
      budgets,
    );
    expect(pool.released).toBe(15000);
    expect(pool.requested).toBe(4000);
    expect(pool.requests).toEqual([
      expect.objectContaining({ line: 'A', change: -15000, kind: 'opportunity' }),
      expect.objectContaining({ line: 'B', change: 4000, kind: 'run-rate' }),
    ]);
  });

  it('skips one-offs, finished issues, mild flags and lines without a budget; caps a release at the budget', () => {
    const pool = flagPool(
      [
        flag({ line: 'A', kind: 'outlier', persistent: false, ongoing: false }),
        flag({ line: 'A', ongoing: false }),
        flag({ line: 'B', severity: 0.2 }),
        flag({ line: 'Z' }),
        flag({ line: 'C', variance: -20000 }),
      ],
      budgets,
    );
    expect(pool.requests.map((r) => [r.line, r.change])).toEqual([['C', -8000]]);
    expect(pool.released).toBe(8000);
  });

  it('keeps the most severe qualifying flag of a line', () => {
    const pool = flagPool(
      [
        flag({ line: 'A', severity: 0.6, variance: -1000 }),
        flag({ line: 'A', severity: 0.9, kind: 'overspend', direction: 'over', variance: 3000 }),
      ],
      budgets,
    );
    expect(pool.requests).toEqual([expect.objectContaining({ line: 'A', change: 3000, severity: 0.9 })]);
  });

  it('is empty for no flags', () => {
    expect(flagPool([], budgets)).toEqual({ requests: [], released: 0, requested: 0 });
  });
});
