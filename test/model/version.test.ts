import { repeatedLine, VERSION_KINDS } from '../../src/model/version';

describe('budget versions', () => {
  const line = (account: string, period: string) => ({ account, period, amount: 1 });
  test('one amount per account and period', () => {
    expect(repeatedLine([])).toBe(-1);
    expect(repeatedLine([line('6100', '2026-01'), line('6100', '2026-02'), line('6200', '2026-01')])).toBe(-1);
    expect(repeatedLine([line('6100', '2026-01'), line('6200', '2026-01'), line('6100', '2026-01')])).toBe(2);
  });
  test('account and period do not run into each other', () => {
    expect(repeatedLine([line('61', '002026-01'), line('6100', '2026-01')])).toBe(-1);
  });
  test('kinds', () => {
    expect(VERSION_KINDS).toEqual(['budget', 'forecast', 'scenario']);
  });
});
