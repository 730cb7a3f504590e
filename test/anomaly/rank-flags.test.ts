import { rankFlags } from '../../src/anomaly/rank-flags';
import type { Flag } from '../../src/anomaly/types';

const flag = (line: string, periodIndex: number, severity: number, amount: number): Flag => ({
  line,
  periodIndex,
  throughIndex: periodIndex,
  kind: 'outlier',
  direction: 'over',
  severity,
  confidence: 1,
  pValue: 0,
  amount,
  variance: amount,
  variancePct: 0.1,
  persistent: false,
  ongoing: false,
  explanation: '',
  reasons: [],
});

describe('rankFlags', () => {
  it('orders by severity, then money at stake, then line and onset', () => {
    const ranked = rankFlags([
      flag('B', 1, 0.5, 10),
      flag('A', 2, 0.5, 10),
      flag('C', 0, 0.9, 1),
      flag('A', 1, 0.5, 50),
    ]);
    expect(ranked.map((f) => `${f.line}@${f.periodIndex}`)).toEqual(['C@0', 'A@1', 'A@2', 'B@1']);
  });
  it('does not change its input', () => {
    const input = [flag('B', 1, 0.1, 1), flag('A', 1, 0.9, 1)];
    rankFlags(input);
    expect(input[0].line).toBe('B');
  });
});
