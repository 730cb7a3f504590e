/**
 * New budget workbook on the in-memory workbook: 5 cost centres × 24 months, actuals loaded from a
 * CSV, formulas (not values) in Forecast, Variance and every subtotal; a re-run with 2 more cost
 * centres keeps the amounts typed and the user's cells outside the generated ranges.
 */
import { csvGrid } from '../../../src/sheets/csv';
import { hierarchyFromList, monthSequence } from '../../../src/sheets/template';
import type { TemplateSpec } from '../../../src/sheets/template';
import { applyTemplate, loadActuals, previewTemplate } from '../../../taskpane/templates/budget-workbook';
import { blockOf } from '../../../taskpane/workbook/double-sheets';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import type { WorkbookDouble } from '../../../taskpane/workbook/workbook-double';

const spec = (centres: string[]): TemplateSpec => ({
  hierarchy: hierarchyFromList(centres),
  accounts: ['Travel', 'Software'],
  months: monthSequence('2025-01', 24),
  forecastFrom: '2025-07',
});
const FIVE = ['MKT', 'IT', 'HR', 'FIN', 'OPS'];

const cell = (wb: WorkbookDouble, sheet: string, a1: string) => blockOf(wb.store.sheets.get(sheet)!, a1, true)[0][0];
const table = (wb: WorkbookDouble, name: string) => wb.store.tables.get(name)!;

async function create(wb: WorkbookDouble, centres: string[]) {
  const preview = await previewTemplate(wb, spec(centres));
  expect(preview.conflicts).toEqual([]);
  await applyTemplate(wb, preview);
  return preview;
}

describe('New budget workbook on the workbook double', () => {
  test('creates the five sheets with tables, formulas, names and charts in one batch', async () => {
    const wb = createWorkbookDouble();
    const preview = await create(wb, FIVE);
    expect(preview.changes[0]).toBe('Add sheet "Plan" (fpaPlan, fpaPlanRollup)');
    expect(wb.store.batches).toBe(1);
    expect(wb.sheets).toEqual(['Sheet1', 'Plan', 'Actuals', 'Forecast', 'Variance', 'Dashboard']);
    expect(table(wb, 'fpaPlan')).toEqual({ sheet: 'Plan', address: 'A4:AC14' }); // 10 lines, 24 months
    expect(wb.store.names.get('fpa_PlanAmounts')).toBe('fpaPlan[[2025-01]:[2026-12]]');
    expect(wb.store.charts.size).toBe(3);
    expect(wb.store.sheets.get('Plan')!.freeze).toEqual({ rows: 4, columns: 4 });
  });

  test('loads actuals from a CSV, and Forecast, Variance and subtotals hold formulas', async () => {
    const wb = createWorkbookDouble();
    await create(wb, FIVE);
    const csv = [
      'cost centre,account,period,amount',
      ...FIVE.flatMap((cc, i) => monthSequence('2025-01', 6).map((m, k) => `${cc},Travel,${m},${100 * (i + 1) + k}`)),
    ].join('\n');
    const loaded = await loadActuals(wb, csvGrid(csv).rows);
    expect(loaded).toEqual({ count: 30, months: monthSequence('2025-01', 6), address: "'Actuals'!F5:AC14" });
    // MKT/Travel is the first line: 2025-01 is column F
    expect(cell(wb, 'Actuals', 'F5')).toBe(100);
    expect(cell(wb, 'Actuals', 'K5')).toBe(105);
    expect(cell(wb, 'Actuals', 'F6')).toBeNull(); // MKT/Software: not in the file
    expect(cell(wb, 'Actuals', 'F7')).toBe(200);
    // Forecast: 2025-07 onwards are FPA.FORECAST.ROLLING formulas
    const forecast = wb.store.sheets.get('Forecast')!;
    const header = blockOf(forecast, 'A4:AF4')[0];
    const july = header.indexOf('2025-07');
    const row = blockOf(forecast, 'A5:AF5', true)[0];
    expect(String(row[july])).toMatch(/^=INDEX\(FPA\.FORECAST\.ROLLING\(/);
    // Variance: formulas and the flags beside
    const variance = wb.store.sheets.get('Variance')!;
    const vrow = blockOf(variance, 'F5:K5', true)[0];
    for (const v of vrow) expect(String(v)).toMatch(/^=/);
    expect([...variance.cells.values()].some((c) => c.formula?.startsWith('=FPA.VARIANCE.FLAGS('))).toBe(true);
    // Roll-up: every amount is a formula
    const rollup = table(wb, 'fpaPlanRollup');
    const rows = blockOf(wb.store.sheets.get('Plan')!, rollup.address, true).slice(1);
    expect(rows.map((r) => r[1])).toEqual([...FIVE, 'Total']);
    for (const r of rows) for (const v of r.slice(3)) expect(String(v)).toMatch(/^=(SUMIFS|SUM)\(/);
  });

  test('a re-run with two more cost centres keeps typed amounts and the user’s cells', async () => {
    const wb = createWorkbookDouble();
    await create(wb, FIVE);
    await loadActuals(wb, [
      ['id', '2025-01'],
      ['HR/Travel', 42],
    ]);
    await wb.writeRange('Plan!G5', [[1234]]); // MKT/Travel plan 2025-02 (E is the total, F 2025-01)
    await wb.writeRange('Plan!AG2', [['my note beside the table']]);
    await wb.writeRange('Dashboard!A60', [['my note under the dashboard']]);
    const preview = await previewTemplate(wb, spec([...FIVE, 'LEG', 'RND']));
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes).toContain('Plan: add 4 line(s) (LEG/Travel, LEG/Software, RND/Travel, RND/Software)');
    expect(preview.changes).toContain('Plan: move fpaPlanRollup from A16:AB23 to A20');
    await applyTemplate(wb, preview);
    expect(table(wb, 'fpaPlan').address).toBe('A4:AC18');
    expect(cell(wb, 'Plan', 'G5')).toBe(1234);
    expect(cell(wb, 'Plan', 'AG2')).toBe('my note beside the table');
    expect(cell(wb, 'Dashboard', 'A60')).toBe('my note under the dashboard');
    expect(cell(wb, 'Actuals', 'F9')).toBe(42); // HR/Travel is the 5th line
    expect(cell(wb, 'Plan', 'B17')).toBe('RND');
    const rollup = table(wb, 'fpaPlanRollup');
    expect(rollup.address).toBe('A21:AB29');
    expect(
      blockOf(wb.store.sheets.get('Plan')!, rollup.address)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual([...FIVE, 'LEG', 'RND', 'Total']);
  });

  test('a sheet of the user’s where the template would write: nothing written, another name offered', async () => {
    const wb = createWorkbookDouble();
    await wb.applyWrites([
      { op: 'sheet', sheet: 'Plan' },
      { op: 'cells', sheet: 'Plan', address: 'B6', cells: [['mine']] },
    ]);
    const preview = await previewTemplate(wb, spec(FIVE));
    expect(preview.conflicts.map((c) => c.fullMessage)).toEqual([
      'Sheet "Plan" already holds data at B6, where the template would write. Nothing was written. Use another name for it, such as "Plan (2)", or clear those cells.',
    ]);
    await expect(applyTemplate(wb, preview)).rejects.toThrow('already holds data');
    expect(wb.store.sheets.has('Actuals')).toBe(false);
    const renamed = await previewTemplate(wb, { ...spec(FIVE), sheets: { plan: 'Plan (2)' } });
    expect(renamed.conflicts).toEqual([]);
  });

  test('actuals that do not match name the row; nothing is written', async () => {
    const wb = createWorkbookDouble();
    await create(wb, FIVE);
    await expect(
      loadActuals(wb, [
        ['id', '2025-01'],
        ['MKT/Travel', 1],
        ['XXX/Travel', 2],
      ]),
    ).rejects.toThrow('actuals row 3: the line "XXX/Travel" is not in the template.');
    expect(cell(wb, 'Actuals', 'F5')).toBeNull();
    await expect(loadActuals(createWorkbookDouble(), [['id']])).rejects.toThrow('no budget template');
  });
});
