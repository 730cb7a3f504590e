import { isFpaError } from '../../src/errors';
import {
  findVersion,
  isVersionId,
  repeatedLine,
  versionLabel,
  VERSION_KINDS,
  type BudgetVersion,
} from '../../src/model/version';

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

describe('finding a version by name', () => {
  let n = 0;
  const v = (name: string, fiscalYear = 2026, kind: BudgetVersion['kind'] = 'budget'): BudgetVersion => ({
    id: `00000000-0000-4000-8000-00000000000${++n}`,
    costCentre: 'CC1',
    fiscalYear,
    kind,
    name,
  });
  const v1 = v('v1');
  const v2 = v('v2');
  const v2next = v('v2', 2027);
  const v2forecast = v('v2', 2026, 'forecast');
  const plan = v('Plan B');
  const all = [v1, v2, v2next, v2forecast, plan];

  const failure = (wanted: string, versions: BudgetVersion[] = all) => {
    try {
      findVersion(versions, wanted, 'CC1');
    } catch (error) {
      if (isFpaError(error)) return error;
    }
    throw new Error(`"${wanted}" was found`);
  };

  test('by its name, whatever the case and spaces', () => {
    expect(findVersion(all, 'v1', 'CC1')).toBe(v1);
    expect(findVersion(all, '  V1 ', 'CC1')).toBe(v1);
    expect(findVersion(all, 'plan b', 'CC1')).toBe(plan);
  });

  test('a name several years or kinds use needs them before it', () => {
    const ambiguous = failure('v2');
    expect(ambiguous.code).toBe('MODEL_VERSION_AMBIGUOUS');
    expect(ambiguous.kind).toBe('input');
    expect(ambiguous.message).toBe('"v2" names 3 versions: 2026 budget v2, 2027 budget v2, 2026 forecast v2.');
    expect(failure('2026 v2').code).toBe('MODEL_VERSION_AMBIGUOUS');
    expect(findVersion(all, '2027 v2', 'CC1')).toBe(v2next);
    expect(findVersion(all, 'forecast v2', 'CC1')).toBe(v2forecast);
    expect(findVersion(all, '2026 budget v2', 'CC1')).toBe(v2);
    expect(findVersion(all, versionLabel(v2forecast), 'CC1')).toBe(v2forecast);
  });

  test('an unknown name is missing (#N/A), listing what there is', () => {
    const missing = failure('v9');
    expect(missing.code).toBe('MODEL_VERSION_NOT_FOUND');
    expect(missing.kind).toBe('missing');
    expect(missing.fullMessage).toContain('There is no budget version "v9" in cost centre CC1.');
    expect(missing.fullMessage).toContain('2026 budget v1, 2026 budget v2');
    expect(failure('2025 v1').code).toBe('MODEL_VERSION_NOT_FOUND');
    expect(failure('scenario v1').code).toBe('MODEL_VERSION_NOT_FOUND');
    expect(failure('v1', []).fullMessage).toContain('None is stored there yet');
  });

  test('qualifiers never swallow a name that has spaces', () => {
    const odd = v('budget 2026');
    expect(findVersion([...all, odd], 'budget 2026', 'CC1')).toBe(odd);
  });

  test('ids are UUIDs', () => {
    expect(isVersionId(v1.id)).toBe(true);
    expect(isVersionId(` ${v1.id.toUpperCase()} `)).toBe(true);
    expect(isVersionId('v1')).toBe(false);
    expect(isVersionId('')).toBe(false);
    expect(isVersionId(`${v1.id}0`)).toBe(false);
  });
});
