import { detectFlags } from '../../src/anomaly/detect-flags';
import { severity } from '../../src/anomaly/merge-flags';
import { resolveThresholds } from '../../src/anomaly/resolve-thresholds';
import { FpaError } from '../../src/errors';
import { seasonalLine } from './helpers';

describe('detectFlags', () => {
  it('gives the JSDoc example', () => {
    const flags = detectFlags([
      {
        id: 'L1',
        costCentre: 'CC',
        account: 'A',
        owner: 'o',
        plan: [100, 100, 100, 100, 100, 100],
        actual: [101, 99, 100, 160, 101, 100],
      },
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ line: 'L1', periodIndex: 3, kind: 'outlier' });
    expect(flags[0].severity).toBeGreaterThan(0.5);
    expect(flags[0].severity).toBeLessThanOrEqual(1);
  });
  it('keeps one flag per line and period with every reason, ranked by severity', () => {
    const lines = [
      seasonalLine('A', 1, 0.02, (p) => (p === 30 ? 0.4 : 0)),
      seasonalLine('B', 2, 0.02, (p) => (p === 30 ? 0.12 : 0)),
    ];
    const flags = detectFlags(lines);
    const keys = flags.map((f) => `${f.line}@${f.periodIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    const a = flags.find((f) => f.line === 'A' && f.periodIndex === 30);
    expect(a?.reasons.length).toBeGreaterThanOrEqual(2);
    expect(a?.explanation).toMatch(/over plan/);
    for (let i = 1; i < flags.length; i += 1) expect(flags[i - 1].severity).toBeGreaterThanOrEqual(flags[i].severity);
  });
  it('corroborates with the rolling forecast band when the history allows', () => {
    const flags = detectFlags([seasonalLine('F', 3, 0.02, (p) => (p === 32 ? 0.5 : 0))]);
    expect(flags.find((f) => f.periodIndex === 32)?.explanation).toMatch(/rolling forecast's 95% range/);
  });
  it('returns nothing for no lines or lines without actuals', () => {
    expect(detectFlags([])).toEqual([]);
    expect(
      detectFlags([{ id: 'x', costCentre: 'c', account: 'a', owner: 'o', plan: [1, 2], actual: [null, null] }]),
    ).toEqual([]);
  });
  it('is deterministic and copes with huge magnitudes', () => {
    const big = seasonalLine('H', 4, 0.02, (p) => (p === 20 ? 0.3 : 0));
    big.plan = big.plan.map((v) => (v as number) * 1e290);
    big.actual = big.actual.map((v) => (v as number) * 1e290);
    const once = detectFlags([big]);
    expect(once.some((f) => f.periodIndex === 20)).toBe(true);
    expect(detectFlags([big])).toEqual(once);
  });
});

describe('thresholds', () => {
  it('apply per account, then per line', () => {
    const line = { id: 'L', account: 'Travel' };
    expect(
      resolveThresholds({ minPct: 0.1, byAccount: { Travel: { minPct: 0.2 } }, byLine: { L: { z: 4 } } }, line),
    ).toMatchObject({ minPct: 0.2, z: 4 });
  });
  it('reject a bad value with a catalogue error', () => {
    expect(() => resolveThresholds({ z: -1 }, { id: 'L', account: 'A' })).toThrow(FpaError);
    expect(() => resolveThresholds({ z: -1 }, { id: 'L', account: 'A' })).toThrow(/Threshold z must be/);
  });
  it('severity is 0.5 at both thresholds and grows towards 1', () => {
    expect(severity(3, 3, 1, 1)).toBe(0.5);
    expect(severity(9, 3, 4, 1)).toBeGreaterThan(0.9);
    expect(severity(90, 3, 40, 6)).toBe(1);
  });
});
