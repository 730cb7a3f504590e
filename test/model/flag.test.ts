import { FLAG_KINDS, SEVERITY_BANDS, flagDirection, flagId, severityBand } from '../../src/model/flag';

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

describe('severity bands', () => {
  test('the first band whose lower edge the severity reaches, most severe first', () => {
    expect(SEVERITY_BANDS.map((b) => b.band)).toEqual(['high', 'medium', 'low']);
    expect([1, 0.75, 0.7499, 0.5, 0.49, 0, -0.1].map(severityBand)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      'low',
    ]);
  });
});
