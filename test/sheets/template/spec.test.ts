import { lineId, resolveTemplate } from '../../../src/sheets/template/spec';
import { monthSequence } from '../../../src/sheets/template/months';
import { refusal, smallSpec } from './helpers';

describe('resolveTemplate', () => {
  test('lines are cost centres in hierarchy order × accounts; the fiscal year holds the first forecast month', () => {
    const t = resolveTemplate(smallSpec());
    expect(t.lines.map((l) => l.id)).toEqual([
      'S1/Travel',
      'S1/Salaries',
      'S2/Travel',
      'S2/Salaries',
      'O1/Travel',
      'O1/Salaries',
    ]);
    expect(t.lines[4]).toEqual({
      id: 'O1/Travel',
      path: ['ACME', 'Ops'],
      costCentre: 'O1',
      account: 'Travel',
      owner: 'cy',
    });
    expect(t.forecastIndex).toBe(6);
    expect(t.year).toEqual({ from: 0, to: 11 });
    expect(t.sheets).toEqual({
      plan: 'Plan',
      actuals: 'Actuals',
      forecast: 'Forecast',
      variance: 'Variance',
      dashboard: 'Dashboard',
    });
    expect(resolveTemplate(smallSpec({ forecastFrom: '2026-03' })).year).toEqual({ from: 12, to: 23 });
    expect(resolveTemplate(smallSpec({ months: monthSequence('2025-01', 16), forecastFrom: '2026-02' })).year).toEqual({
      from: 12,
      to: 15,
    });
  });
  test('line ids', () => {
    expect(lineId('MKT', 'Travel')).toBe('MKT/Travel');
  });
  test('the first forecast month must be inside and leave 3 months of history', () => {
    expect(refusal(() => resolveTemplate(smallSpec({ forecastFrom: '2027-01' }))).message).toContain(
      'is not one of the months',
    );
    expect(refusal(() => resolveTemplate(smallSpec({ forecastFrom: '2025-03' }))).message).toContain('2 month(s)');
  });
  test('accounts: duplicates, blanks, none, and the line-id separator', () => {
    expect(refusal(() => resolveTemplate(smallSpec({ accounts: ['Travel', 'travel'] }))).message).toBe(
      'account 2: the name "travel" is used twice (first in account 1).',
    );
    expect(refusal(() => resolveTemplate(smallSpec({ accounts: ['Travel', ' '] }))).message).toContain('account 2');
    expect(refusal(() => resolveTemplate(smallSpec({ accounts: [] }))).code).toBe('TEMPLATE_BAD_SPEC');
    expect(refusal(() => resolveTemplate(smallSpec({ accounts: ['A/B'] }))).code).toBe('TEMPLATE_BAD_NAME');
  });
  test('sheet names Excel refuses, or given twice, are refused', () => {
    expect(refusal(() => resolveTemplate(smallSpec({ sheets: { plan: 'Plan?' } }))).message).toContain(
      'plan sheet name',
    );
    expect(refusal(() => resolveTemplate(smallSpec({ sheets: { plan: 'x'.repeat(32) } }))).code).toBe(
      'TEMPLATE_BAD_SPEC',
    );
    expect(refusal(() => resolveTemplate(smallSpec({ sheets: { actuals: 'plan' } }))).code).toBe('SHEET_DUPLICATE');
    expect(resolveTemplate(smallSpec({ sheets: { plan: ' Budget 2025 ' } })).sheets.plan).toBe('Budget 2025');
  });
  test('non-consecutive months are refused before anything else', () => {
    const months = [...monthSequence('2025-01', 6), '2025-08'];
    expect(refusal(() => resolveTemplate(smallSpec({ months }))).message).toContain('month 7');
  });
});
