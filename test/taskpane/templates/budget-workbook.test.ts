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

  test('a re-run without two cost centres removes their rows, after confirming the amounts typed in them', async () => {
    const wb = createWorkbookDouble();
    await create(wb, FIVE);
    await wb.writeRange('Plan!G5', [[1234]]); // MKT/Travel 2025-02: kept
    await wb.writeRange('Plan!F9:G9', [[7, 8]]); // HR/Travel: dropped
    await wb.writeRange('Actuals!F11', [[9]]); // FIN/Travel: dropped
    await wb.writeRange('Plan!AG2', [['my note beside the table']]);
    const fewer = ['MKT', 'IT', 'OPS'];
    const preview = await previewTemplate(wb, spec(fewer));
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes).toContain('Plan: remove 4 line(s) (HR/Travel, HR/Software, FIN/Travel, FIN/Software)');
    expect(preview.losses).toEqual([
      'Plan: 2 amount(s) typed in 1 removed line(s) (HR/Travel) will be deleted',
      'Actuals: 1 amount(s) typed in 1 removed line(s) (FIN/Travel) will be deleted',
    ]);
    // Not confirmed: refused, nothing written.
    const batches = wb.store.batches;
    await expect(applyTemplate(wb, preview)).rejects.toThrow(
      'This run deletes what was typed: Plan: 2 amount(s) typed in 1 removed line(s) (HR/Travel) will be deleted; Actuals',
    );
    expect(wb.store.batches).toBe(batches);
    expect(cell(wb, 'Plan', 'F9')).toBe(7);

    await applyTemplate(wb, preview, { deleteTyped: true });
    expect(table(wb, 'fpaPlan').address).toBe('A4:AC10'); // 6 lines
    const plan = wb.store.sheets.get('Plan')!;
    expect(blockOf(plan, 'A5:A10').map((r) => r[0])).toEqual([
      'MKT/Travel',
      'MKT/Software',
      'IT/Travel',
      'IT/Software',
      'OPS/Travel',
      'OPS/Software',
    ]);
    expect(cell(wb, 'Plan', 'G5')).toBe(1234);
    expect(cell(wb, 'Plan', 'AG2')).toBe('my note beside the table');
    // The roll-up moved up under the lines and lists the three that are left; nothing stale below it.
    const rollup = table(wb, 'fpaPlanRollup');
    expect(rollup.address).toBe('A13:AB17');
    expect(
      blockOf(plan, rollup.address)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual([...fewer, 'Total']);
    const below = [...plan.cells.keys()].map((k) => k.split(',').map(Number)).filter(([r, c]) => r >= 17 && c < 29);
    expect(below).toEqual([]);
    // No HR or FIN anywhere in the template's sheets.
    for (const name of ['Plan', 'Actuals', 'Forecast', 'Variance', 'Dashboard']) {
      const left = [...wb.store.sheets.get(name)!.cells.values()].filter((c) =>
        /^(HR|FIN)(\/|$)/.test(String(c.value)),
      );
      expect([name, left]).toEqual([name, []]);
    }
    expect(cell(wb, 'Actuals', 'F5')).toBeNull();
  });

  test('the double, like Excel, refuses to move a block onto a table that stays, and replaces the destination', async () => {
    const wb = createWorkbookDouble();
    await wb.applyWrites([
      { op: 'sheet', sheet: 'S' },
      { op: 'cells', sheet: 'S', address: 'A1:A3', cells: [['h'], [1], [2]] },
      { op: 'table', sheet: 'S', name: 'T', address: 'A1:A3' },
      { op: 'cells', sheet: 'S', address: 'A6:B6', cells: [['x', null]] },
      { op: 'cells', sheet: 'S', address: 'B3', cells: [['old']] },
    ]);
    await expect(wb.applyWrites([{ op: 'move', sheet: 'S', from: 'A5:B6', to: 'A2' }])).rejects.toThrow(
      'it would land on table T',
    );
    await wb.applyWrites([{ op: 'move', sheet: 'S', from: 'A5:B6', to: 'A4' }]);
    expect(blockOf(wb.store.sheets.get('S')!, 'A4:B6')).toEqual([
      [null, null],
      ['x', null],
      [null, null],
    ]);
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
