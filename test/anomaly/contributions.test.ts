import { lineContributions } from '../../src/anomaly/contributions';

const l = (id: string, cc: string, plan: (number | null)[], actual: (number | null)[]) => ({
  id,
  costCentre: cc,
  account: 'a',
  owner: 'o',
  plan,
  actual,
});

describe('lineContributions', () => {
  it('gives each line its share of the cost centre variance, summing to 1', () => {
    const [c] = lineContributions([l('a', 'C', [100], [130]), l('b', 'C', [100], [90])]);
    expect(c.variance).toBe(20);
    expect(c.lines).toEqual([
      { line: 'a', variance: 30, share: 1.5 },
      { line: 'b', variance: -10, share: -0.5 },
    ]);
    expect(c.lines.reduce((s, x) => s + (x.share as number), 0)).toBeCloseTo(1, 12);
  });
  it('groups by cost centre, skips blanks and restricts to chosen periods', () => {
    const out = lineContributions([l('a', 'C', [100, 100], [110, null]), l('b', 'D', [50, 50], [40, 70])], [1]);
    expect(out.find((c) => c.costCentre === 'C')?.variance).toBe(0);
    expect(out.find((c) => c.costCentre === 'C')?.lines[0].share).toBeNull();
    expect(out.find((c) => c.costCentre === 'D')?.variance).toBe(20);
  });
  it('returns nothing for no lines', () => {
    expect(lineContributions([])).toEqual([]);
  });
});
