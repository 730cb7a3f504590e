/**
 * Template writes and reads through Office.js, driven with office-addin-mock (test/taskpane/workbook/
 * excel-mock.ts): one look-up sync, then one sync per sheet; formats before cells; formulas as
 * formulas; tables created or resized; names replaced; roll-up subtotals and the dashboard's charts
 * with their series; frozen panes and print areas; and what happens when Excel refuses a write.
 */
import { buildTemplatePlan, hierarchyFromList, monthSequence, templateWrites } from '../../../src/sheets/template';
import type { TemplateSpec } from '../../../src/sheets/template';
import { applyTemplate, loadActuals, previewTemplate } from '../../../taskpane/templates/budget-workbook';
import {
  applyOfficeWrites,
  officeCell,
  readOfficeState,
  widthInPoints,
} from '../../../taskpane/workbook/office-template';
import { createOfficeWorkbook, TEMPLATE_SPEC_KEY } from '../../../taskpane/workbook/office-workbook';
import { excelMock, MockOfficeError } from '../workbook/excel-mock';
import type { Call } from '../workbook/excel-mock';

const spec: TemplateSpec = {
  hierarchy: hierarchyFromList(['MKT', 'IT']),
  accounts: ['Travel'],
  months: monthSequence('2025-01', 12),
  forecastFrom: '2025-07',
};
const plan = buildTemplatePlan(spec);

const formulasAt = (calls: Call[], where: string) =>
  calls.find((c) => c[0] === 'set formulas' && c[1] === where)?.[2] as unknown[][] | undefined;

describe('applyOfficeWrites on office-addin-mock', () => {
  test('one sync to look, one per sheet; only missing sheets are added', async () => {
    const excel = excelMock({ sheets: [{ name: 'Sheet1' }, { name: 'Plan' }] });
    await applyOfficeWrites(excel.run, templateWrites(plan));
    expect(excel.syncs()).toBe(1 + 5);
    expect(excel.calls.filter((c) => c[0] === 'worksheets.add').map((c) => c[1])).toEqual([
      'Actuals',
      'Forecast',
      'Variance',
      'Dashboard',
    ]);
  });

  test('number formats go on before the cells; headers as text; formulas are written as formulas', async () => {
    const { calls, run } = excelMock({ sheets: [] });
    await applyOfficeWrites(run, templateWrites(plan));
    const plans = calls.filter((c) => String(c[1]).startsWith('Plan!'));
    const firstFormulas = plans.findIndex((c) => c[0] === 'set formulas');
    const lastBodyFormat = plans.map((c) => (c[0] === 'set numberFormat' && c[2] !== '@' ? 1 : 0)).lastIndexOf(1);
    expect(lastBodyFormat).toBeLessThan(firstFormulas);
    const header = plans.findIndex((c) => c[0] === 'set formulas' && c[1] === 'Plan!A4:Q4');
    expect(plans[header - 1]).toEqual(['set numberFormat', 'Plan!A4:Q4', '@']);
    expect(plans).toContainEqual(['set numberFormat', 'Plan!E5:E6', '#,##0;[Red]-#,##0']);
    expect(formulasAt(calls, 'Plan!A5:Q6')![0].slice(0, 6)).toEqual([
      'MKT/Travel',
      'MKT',
      'Travel',
      '',
      '=SUM(fpaPlan[[#This Row],[2025-01]:[2025-12]])',
      '', // a blank amount is written as "", not left as it was
    ]);
    expect(calls).toContainEqual(['tables.add', 'Plan', 'A4:Q6', true]);
    expect(calls).toContainEqual(['set table.name', 'Plan!A4:Q6', 'fpaPlan']);
    expect(calls).toContainEqual(['freezePanes.freezeAt', 'Plan', 'Plan!R0C0:4x4']);
    expect(calls).toContainEqual(['pageLayout.setPrintArea', 'Plan', 'A1:Q12']);
    expect(calls).toContainEqual(['set format.columnWidth', 'Plan!column of R0C0:1x1', widthInPoints(24)]);
    expect(calls).toContainEqual(['names.add', 'fpa_PlanAmounts', '=fpaPlan[[2025-01]:[2025-12]]']);
    expect(calls).toContainEqual(['set font.bold', 'Plan!A1', true]);
    expect(calls).toContainEqual(['set font.size', 'Plan!A1', 14]);
  });

  test('roll-up subtotals and the Forecast, Variance cells go out as formulas, not values', async () => {
    const { calls, run } = excelMock({ sheets: [] });
    await applyOfficeWrites(run, templateWrites(plan));
    const rollup = plan.sheets[0].tables[1];
    const at = `Plan!A${rollup.row + 2}:${String.fromCharCode(65 + rollup.columns.length - 1)}${rollup.row + 1 + rollup.rows.length}`;
    const written = formulasAt(calls, at)!;
    expect(written).toHaveLength(rollup.rows.length);
    const amounts = written.flatMap((r) => r.slice(r.length - 13));
    expect(amounts.every((v) => typeof v === 'string' && /^=(SUMIFS|SUM)\(/.test(v))).toBe(true);
    // Forecast: 2025-07 … 2025-12 of each line are its actuals' rolling forecast, as formulas.
    const forecast = formulasAt(calls, 'Forecast!A5:S6')!;
    for (const row of forecast)
      expect(row.slice(-6).every((v) => String(v).startsWith('=INDEX(FPA.FORECAST.ROLLING(INDEX(fpaActuals'))).toBe(
        true,
      );
    const flags = calls.find(
      (c) =>
        c[0] === 'set formulas' &&
        String(c[1]).startsWith('Variance!') &&
        String((c[2] as string[][])[0][0]).startsWith('=FPA.VARIANCE.FLAGS('),
    );
    expect(flags).toBeDefined();
  });

  test('the dashboard: charts replaced by name, first series from the add, the others added, categories on each', async () => {
    const { calls, run } = excelMock({ sheets: [] });
    await applyOfficeWrites(run, templateWrites(plan));
    const dash = calls.filter((c) => c[1] === 'Dashboard');
    expect(dash.filter((c) => c[0] === 'chart.delete').map((c) => c[2])).toEqual([
      'fpaChartLanding',
      'fpaChartMonths',
      'fpaChartFlags',
    ]);
    expect(dash.filter((c) => c[0] === 'charts.add').map((c) => [c[2], c[4]])).toEqual([
      ['ColumnClustered', 'Columns'],
      ['Line', 'Columns'],
      ['BarClustered', 'Columns'],
    ]);
    const series = calls.filter((c) => c[0] === 'series.setValues' && c[1] === 'Dashboard').map((c) => c[2]);
    expect(series).toEqual(['YTD actual', 'FY landing', 'actual', 'forecast']);
    const named = calls.filter((c) => c[0] === 'set chart.name' && c[1] === 'Dashboard').map((c) => c[2]);
    expect(named).toEqual(['fpaChartLanding', 'fpaChartMonths', 'fpaChartFlags']);
    expect(calls.filter((c) => c[0] === 'set title.text' && c[1] === 'Dashboard')).toHaveLength(3);
    // Every series gets the chart's categories.
    expect(calls.filter((c) => c[0] === 'series.setXAxisValues' && c[1] === 'Dashboard')).toHaveLength(7);
  });

  test('existing tables are resized and existing names replaced', async () => {
    const { calls, run } = excelMock({
      sheets: [{ name: 'Plan' }],
      tables: [{ name: 'fpaPlan', sheet: 'Plan' }],
      names: ['fpa_PlanAmounts'],
    });
    await applyOfficeWrites(run, templateWrites(plan));
    expect(calls).toContainEqual(['table.resize', 'fpaPlan', 'A4:Q6']);
    expect(calls).not.toContainEqual(['tables.add', 'Plan', 'A4:Q6', true]);
    expect(calls.findIndex((c) => c[0] === 'name.delete' && c[1] === 'fpa_PlanAmounts')).toBeLessThan(
      calls.findIndex((c) => c[0] === 'names.add' && c[1] === 'fpa_PlanAmounts'),
    );
  });

  test('moves on a re-run are sent before the cells', async () => {
    const more = buildTemplatePlan({ ...spec, hierarchy: hierarchyFromList(['MKT', 'IT', 'HR']) });
    const { calls, run } = excelMock({
      sheets: [{ name: 'Plan' }],
      tables: [
        { name: 'fpaPlan', sheet: 'Plan' },
        { name: 'fpaPlanRollup', sheet: 'Plan' },
      ],
    });
    await applyOfficeWrites(run, templateWrites(more, plan));
    const plans = calls.filter((c) => c[1] === 'Plan' || String(c[1]).startsWith('Plan!'));
    expect(plans[0]).toEqual(['moveTo', 'Plan', 'A8:P12', 'Plan!A9']);
  });

  test('a re-run without a cost centre: tables shrunk, then the roll-up moved up, then stale cells cleared', async () => {
    const fewer = buildTemplatePlan({ ...spec, hierarchy: hierarchyFromList(['MKT']) });
    const { calls, run } = excelMock({
      sheets: [{ name: 'Plan' }],
      tables: [
        { name: 'fpaPlan', sheet: 'Plan' },
        { name: 'fpaPlanRollup', sheet: 'Plan' },
      ],
    });
    await applyOfficeWrites(
      run,
      templateWrites(fewer, plan).filter((w) => 'sheet' in w && w.sheet === 'Plan'),
    );
    const reshape = calls.filter((c) => ['table.resize', 'moveTo', 'clear'].includes(c[0])).slice(0, 5);
    expect(reshape).toEqual([
      ['table.resize', 'fpaPlan', 'A4:Q5'],
      ['table.resize', 'fpaPlanRollup', 'A9:P11'],
      ['moveTo', 'Plan', 'A8:P12', 'Plan!A7'],
      ['clear', 'Plan', 'A6:Q6', 'Contents'],
      ['clear', 'Plan', 'A11:P12', 'Contents'],
    ]);
  });

  test('Excel refusing a write: the error comes back, and nothing after that sheet is sent', async () => {
    const refused = new MockOfficeError('InvalidArgument', 'A table cannot overlap another table.');
    const excel = excelMock({ sheets: [], failSync: { at: 3, error: refused } });
    await expect(applyOfficeWrites(excel.run, templateWrites(plan))).rejects.toBe(refused);
    // Sync 1 looked, sync 2 wrote Plan, sync 3 (Actuals) failed: Forecast is never added.
    expect(excel.calls.filter((c) => c[0] === 'worksheets.add').map((c) => c[1])).toEqual(['Plan', 'Actuals']);
  });
});

describe('the Office workbook: template through createOfficeWorkbook', () => {
  const settings = () => {
    const saved = new Map<string, unknown>();
    return {
      saved,
      settings: () => ({
        get: (k: string) => saved.get(k) ?? null,
        set: (k: string, v: unknown) => void saved.set(k, v),
        saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) =>
          cb?.({ status: 'succeeded' } as unknown as Office.AsyncResult<void>),
      }),
    };
  };

  test('preview reads the state in one batch; apply writes and then keeps the spec in the document', async () => {
    const excel = excelMock({ sheets: [{ name: 'Sheet1', used: { row: 0, column: 0, formulas: [['note']] } }] });
    const s = settings();
    const workbook = createOfficeWorkbook(excel.run, s.settings);
    const preview = await previewTemplate(workbook, spec);
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes[0]).toBe('Add sheet "Plan" (fpaPlan, fpaPlanRollup)');
    await applyTemplate(workbook, preview);
    expect(JSON.parse(String(s.saved.get(TEMPLATE_SPEC_KEY))).accounts).toEqual(['Travel']);
  });

  test('a sheet of the user’s in the way is reported from the used range; when Excel refuses, no spec is kept', async () => {
    const excel = excelMock({
      sheets: [{ name: 'Plan', used: { row: 4, column: 1, formulas: [['my own note']] } }],
      failSync: { at: 6, error: new MockOfficeError('ItemNotFound', 'The requested worksheet does not exist.') },
    });
    const s = settings();
    const workbook = createOfficeWorkbook(excel.run, s.settings);
    const blocked = await previewTemplate(workbook, spec);
    expect(blocked.conflicts.map((c) => c.code)).toEqual(['TEMPLATE_SHEET_IN_USE']);
    expect(blocked.conflicts[0].message).toContain('B5');
    const other = await previewTemplate(workbook, { ...spec, sheets: { plan: 'Plan (2)' } });
    expect(other.conflicts).toEqual([]);
    await expect(applyTemplate(workbook, other)).rejects.toThrow('does not exist');
    expect(s.saved.has(TEMPLATE_SPEC_KEY)).toBe(false);
  });
});

describe('Load actuals through createOfficeWorkbook', () => {
  test('reads the Actuals table by name and writes the months in one range, in the table’s row order', async () => {
    const actuals = plan.sheets[1].tables[0];
    const header = actuals.columns.map((c) => c.header);
    const rows = actuals.rows.map((r) => r.map((c) => (typeof c === 'object' && c !== null ? 0 : (c ?? ''))));
    const excel = excelMock({
      sheets: [{ name: 'Actuals' }],
      tables: [{ name: 'fpaActuals', sheet: 'Actuals', address: 'A4:Q6', values: [header, ...rows] }],
    });
    const workbook = createOfficeWorkbook(excel.run, () => ({
      get: (k: string) => (k === TEMPLATE_SPEC_KEY ? JSON.stringify(spec) : null),
      set: () => undefined,
      saveAsync: () => undefined,
    }));
    const loaded = await loadActuals(workbook, [
      ['cost centre', 'account', 'period', 'amount'],
      ['IT', 'Travel', '2025-02', 7],
    ]);
    expect(loaded.address).toBe("'Actuals'!F5:Q6");
    const written = excel.calls.find((c) => c[0] === 'set values')!;
    expect(written[1]).toBe('Actuals!F5:Q6');
    expect(written[2]).toEqual([Array(12).fill(''), ['', 7, ...Array(10).fill('')]]);
  });
});

describe('officeCell and readOfficeState on office-addin-mock', () => {
  test('cells as Office.js formulas take them', () => {
    expect([null, 3, 'x', true, { formula: '=1+1', result: 2 }].map((c) => officeCell(c))).toEqual([
      '',
      3,
      'x',
      true,
      '=1+1',
    ]);
  });

  test('the used range is padded to A1; every sheet is named; empty sheets are empty; tables by sheet', async () => {
    const { run, syncs } = excelMock({
      sheets: [
        { name: 'Plan', used: { row: 2, column: 1, formulas: [['x', '=A1']] } },
        { name: 'Other', used: { row: 0, column: 0, formulas: [['y']] } },
        { name: 'Empty', used: null },
      ],
      tables: [{ name: 'fpaPlan', sheet: 'Plan' }],
    });
    const state = await readOfficeState(run, ['plan', 'empty']);
    expect(syncs()).toBe(2);
    expect(state.sheets.get('Plan')!.cells).toEqual([[], [], [null, 'x', '=A1']]);
    expect(state.sheets.get('Other')!.cells).toEqual([]); // not asked for: named, not read
    expect(state.sheets.get('Empty')!.cells).toEqual([]);
    expect(state.tables.get('fpaPlan')).toBe('Plan');
  });

  test('office-addin-mock catches a read without load: the mock gives its error text, not the value', async () => {
    const { run } = excelMock({ sheets: [{ name: 'Plan' }] });
    const [before, after] = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const early = sheets.items as unknown; // no sync yet
      await context.sync();
      return [early, sheets.items.map((s) => s.name)];
    });
    expect(before).toBe('Error, context.sync() was not called');
    expect(after).toEqual(['Plan']);
  });
});
