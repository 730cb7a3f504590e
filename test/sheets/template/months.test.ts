import {
  addMonths,
  monthLabel,
  monthNumber,
  monthSequence,
  parseMonths,
  readMonths,
} from '../../../src/sheets/template/months';
import { refusal } from './helpers';

describe('template months', () => {
  test('month numbers and labels round-trip across year ends', () => {
    expect(monthNumber('2025-02')).toBe(2025 * 12 + 1);
    expect(monthLabel(monthNumber('2025-12')! + 1)).toBe('2026-01');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthNumber('2025-13')).toBeNull();
    expect(monthNumber('2025-1')).toBeNull();
  });
  test('a sequence of consecutive months', () => {
    expect(monthSequence('2025-11', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthSequence('2024-01', 36)).toHaveLength(36);
    expect(refusal(() => monthSequence('2025-11', 0)).code).toBe('TEMPLATE_BAD_MONTHS');
    expect(refusal(() => monthSequence('Nov 2025', 3)).message).toContain('first month');
  });
  test('a list with a gap, a repeat or a step back names the month that breaks it', () => {
    expect(readMonths(['2025-12', '2026-01'])).toEqual(['2025-12', '2026-01']);
    const gap = refusal(() => readMonths(['2025-01', '2025-02', '2025-04']));
    expect(gap.code).toBe('TEMPLATE_BAD_MONTHS');
    expect(gap.message).toBe('month 3: "2025-04" follows "2025-02"; expected "2025-03" (months must be consecutive).');
    expect(refusal(() => readMonths(['2025-01', '2025-01'])).message).toContain('month 2');
    expect(refusal(() => readMonths(['2025-02', '2025-01'])).message).toContain('month 2');
    expect(refusal(() => readMonths([])).code).toBe('TEMPLATE_BAD_MONTHS');
    expect(refusal(() => readMonths(['2025-01', 'x'], (i) => `header column ${i + 7}`)).message).toContain(
      'header column 8',
    );
  });
  test('months typed in a form: a range or a list', () => {
    expect(parseMonths('2025-11 to 2026-01')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(parseMonths('2025-11..2025-12')).toEqual(['2025-11', '2025-12']);
    expect(parseMonths('2025-01, 2025-02;2025-03')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(refusal(() => parseMonths('2026-01 to 2025-01')).message).toContain('comes before');
    expect(refusal(() => parseMonths('2025-01, 2025-03')).code).toBe('TEMPLATE_BAD_MONTHS');
  });
});
