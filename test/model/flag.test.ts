import { FLAG_KINDS, flagDirection, flagId } from '../../src/model/flag';

describe('flags', () => {
  test('a flag is known across scans by its line and period', () => {
    expect(flagId({ line: 'MKT-ADS', periodIndex: 3 })).toBe('flag:MKT-ADS@3');
    expect(flagId({ line: 'MKT-ADS', periodIndex: 3 })).not.toBe(flagId({ line: 'MKT-ADS', periodIndex: 4 }));
  });
  test('the side of plan: opportunities and underspend under, run-rate and overspend over, others by sign', () => {
    expect(flagDirection('opportunity', 50)).toBe('under');
    expect(flagDirection('underspend', 50)).toBe('under');
    expect(flagDirection('run-rate', -50)).toBe('over');
    expect(flagDirection('overspend', -50)).toBe('over');
    expect(flagDirection('shift', -1)).toBe('under');
    expect(flagDirection('outlier', 1)).toBe('over');
  });
  test('six kinds, each once', () => {
    expect(new Set(FLAG_KINDS).size).toBe(6);
    expect(FLAG_KINDS).toContain('run-rate');
  });
});
