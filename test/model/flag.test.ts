import { FLAG_KINDS, flagId } from '../../src/model/flag';

describe('flags', () => {
  test('a flag is known across scans by its line and period', () => {
    expect(flagId({ line: 'MKT-ADS', periodIndex: 3 })).toBe('flag:MKT-ADS@3');
    expect(flagId({ line: 'MKT-ADS', periodIndex: 3 })).not.toBe(flagId({ line: 'MKT-ADS', periodIndex: 4 }));
  });
  test('six kinds, each once', () => {
    expect(new Set(FLAG_KINDS).size).toBe(6);
    expect(FLAG_KINDS).toContain('run-rate');
  });
});
