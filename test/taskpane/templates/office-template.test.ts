/**
 * Template writes through Office.js, driven with office-addin-mock: one look-up sync, then one sync
 * per sheet; formats before cells; formulas as formulas; tables created or resized; names replaced;
 * charts with their series; frozen panes and print areas.
 */
import { buildTemplatePlan, hierarchyFromList, monthSequence, templateWrites } from '../../../src/sheets/template';
import {
  applyOfficeWrites,
  officeCell,
  readOfficeState,
  widthInPoints,
} from '../../../taskpane/workbook/office-template';

type Call = [string, ...unknown[]];

function mockExcel(existing: { sheets: string[]; tables?: string[]; names?: string[] }) {
  const calls: Call[] = [];
  let syncs = 0;
  const range = (sheet: string, address: string) => {
    const r: Record<string, unknown> = {
      address: `${sheet}!${address}`,
      format: new Proxy({ font: {} } as Record<string, unknown>, {
        set(target, prop, value) {
          calls.push([`set format.${String(prop)}`, sheet, address, value]);
          target[prop as string] = value;
          return true;
        },
      }),
      moveTo: (to: { address: string }) => calls.push(['moveTo', sheet, address, to.address]),
      clear: (what: string) => calls.push(['clear', sheet, address, what]),
      getEntireColumn: () => r,
    };
    return new Proxy(r, {
      set(target, prop, value) {
        calls.push([`set ${String(prop)}`, sheet, address, value]);
        target[prop as string] = value;
        return true;
      },
    });
  };
  const chart = (sheet: string) => {
    const series = (name: string) => ({
      name,
      setValues: (r: { address: string }) => calls.push(['series.values', sheet, name, r.address]),
      setXAxisValues: (r: { address: string }) => calls.push(['series.x', sheet, name, r.address]),
    });
    return {
      title: {},
      series: { getItemAt: () => series('first'), add: (name: string) => series(name) },
      setPosition: (r: { address: string }) => calls.push(['chart.position', sheet, r.address]),
    };
  };
  const sheet = (name: string) => ({
    name,
    getRange: (address: string) => range(name, address),
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => range(name, `R${r}C${c}x${rows}x${cols}`),
    tables: { add: (address: string) => (calls.push(['table.add', name, address]), { name: '' }) },
    charts: {
      add: (type: string, source: { address: string }) => (
        calls.push(['chart.add', name, type, source.address]),
        chart(name)
      ),
      getItemOrNullObject: (chartName: string) => ({ delete: () => calls.push(['chart.delete', name, chartName]) }),
    },
    freezePanes: {
      unfreeze: () => undefined,
      freezeAt: (r: { address: string }) => calls.push(['freezeAt', name, r.address]),
    },
    pageLayout: { setPrintArea: (a: string) => calls.push(['printArea', name, a]) },
  });
  const context = {
    workbook: {
      worksheets: {
        items: existing.sheets.map((name) => ({ name })),
        load: () => undefined,
        getItem: (name: string) => sheet(name),
        add: (name: string) => calls.push(['sheet.add', name]),
      },
      tables: {
        items: (existing.tables ?? []).map((name) => ({ name })),
        load: () => undefined,
        getItem: (name: string) => ({ resize: (a: string) => calls.push(['table.resize', name, a]) }),
      },
      names: {
        items: (existing.names ?? []).map((name) => ({ name })),
        load: () => undefined,
        getItem: (name: string) => ({ delete: () => calls.push(['name.delete', name]) }),
        add: (name: string, formula: string) => calls.push(['name.add', name, formula]),
      },
    },
    sync: async () => {
      syncs++;
    },
  };
  const run = async <T>(batch: (c: Excel.RequestContext) => Promise<T>) =>
    batch(context as unknown as Excel.RequestContext);
  return { calls, run, syncs: () => syncs };
}

const plan = buildTemplatePlan({
  hierarchy: hierarchyFromList(['MKT', 'IT']),
  accounts: ['Travel'],
  months: monthSequence('2025-01', 12),
  forecastFrom: '2025-07',
});

describe('applyOfficeWrites', () => {
  test('one sync to look, one per sheet; sheets added once', async () => {
    const { calls, run, syncs } = mockExcel({ sheets: ['Sheet1', 'Plan'] });
    await applyOfficeWrites(run, templateWrites(plan));
    expect(syncs()).toBe(1 + 5);
    expect(calls.filter((c) => c[0] === 'sheet.add').map((c) => c[1])).toEqual([
      'Actuals',
      'Forecast',
      'Variance',
      'Dashboard',
    ]);
  });

  test('number formats go on before the cells; formulas are written as formulas', async () => {
    const { calls, run } = mockExcel({ sheets: [] });
    await applyOfficeWrites(run, templateWrites(plan));
    const plans = calls.filter((c) => c[1] === 'Plan');
    const firstFormulas = plans.findIndex((c) => c[0] === 'set formulas');
    const lastBodyFormat = plans.map((c) => (c[0] === 'set numberFormat' && c[3] !== '@' ? 1 : 0)).lastIndexOf(1);
    expect(lastBodyFormat).toBeLessThan(firstFormulas);
    // A header is set to text just before it is written, so "2025-01" stays text.
    const header = plans.findIndex((c) => c[0] === 'set formulas' && c[2] === 'A4:Q4');
    expect(plans[header - 1]).toEqual(['set numberFormat', 'Plan', 'A4:Q4', '@']);
    expect(plans).toContainEqual(['set numberFormat', 'Plan', 'E5:E6', '#,##0;[Red]-#,##0']);
    const body = plans.find((c) => c[0] === 'set formulas' && c[2] === 'A5:Q6')!;
    expect((body[3] as unknown[][])[0].slice(0, 6)).toEqual([
      'MKT/Travel',
      'MKT',
      'Travel',
      '',
      '=SUM(fpaPlan[[#This Row],[2025-01]:[2025-12]])',
      '', // a blank amount is written as "", not left as it was
    ]);
    expect(calls).toContainEqual(['table.add', 'Plan', 'A4:Q6']);
    expect(calls).toContainEqual(['freezeAt', 'Plan', 'Plan!R0C0x4x4']);
    expect(calls).toContainEqual(['printArea', 'Plan', 'A1:Q12']);
    expect(calls).toContainEqual(['set format.columnWidth', 'Plan', 'R0C0x1x1', widthInPoints(24)]);
    expect(calls).toContainEqual(['name.add', 'fpa_PlanAmounts', '=fpaPlan[[2025-01]:[2025-12]]']);
    const spill = calls.find(
      (c) =>
        c[0] === 'set formulas' &&
        c[1] === 'Variance' &&
        String((c[3] as string[][])[0][0]).startsWith('=FPA.VARIANCE.FLAGS'),
    );
    expect(spill).toBeDefined();
  });

  test('existing tables are resized and existing names replaced', async () => {
    const { calls, run } = mockExcel({ sheets: ['Plan'], tables: ['fpaPlan'], names: ['fpa_PlanAmounts'] });
    await applyOfficeWrites(run, templateWrites(plan));
    expect(calls).toContainEqual(['table.resize', 'fpaPlan', 'A4:Q6']);
    expect(calls).not.toContainEqual(['table.add', 'Plan', 'A4:Q6']);
    expect(calls.findIndex((c) => c[0] === 'name.delete' && c[1] === 'fpa_PlanAmounts')).toBeLessThan(
      calls.findIndex((c) => c[0] === 'name.add' && c[1] === 'fpa_PlanAmounts'),
    );
  });

  test('charts: replaced by name, first series from the add, the others added, categories on each', async () => {
    const { calls, run } = mockExcel({ sheets: [] });
    await applyOfficeWrites(run, templateWrites(plan));
    const dash = calls.filter((c) => c[1] === 'Dashboard' && String(c[0]).startsWith('chart'));
    expect(dash.filter((c) => c[0] === 'chart.delete').map((c) => c[2])).toEqual([
      'fpaChartLanding',
      'fpaChartMonths',
      'fpaChartFlags',
    ]);
    expect(dash.filter((c) => c[0] === 'chart.add').map((c) => c[2])).toEqual([
      'ColumnClustered',
      'Line',
      'BarClustered',
    ]);
    const series = calls.filter((c) => c[0] === 'series.values' && c[1] === 'Dashboard').map((c) => c[2]);
    expect(series).toEqual(['YTD actual', 'FY landing', 'actual', 'forecast']);
  });

  test('moves on a re-run are sent before the cells', async () => {
    const more = buildTemplatePlan({
      hierarchy: hierarchyFromList(['MKT', 'IT', 'HR']),
      accounts: ['Travel'],
      months: monthSequence('2025-01', 12),
      forecastFrom: '2025-07',
    });
    const { calls, run } = mockExcel({ sheets: ['Plan'], tables: ['fpaPlan', 'fpaPlanRollup'] });
    await applyOfficeWrites(run, templateWrites(more, plan));
    const plans = calls.filter((c) => c[1] === 'Plan');
    expect(plans[0]).toEqual(['moveTo', 'Plan', 'A8:P12', 'Plan!A9']);
  });
});

describe('officeCell and readOfficeState', () => {
  test('cells as Office.js formulas take them', () => {
    expect([null, 3, 'x', true, { formula: '=1+1', result: 2 }].map((c) => officeCell(c))).toEqual([
      '',
      3,
      'x',
      true,
      '=1+1',
    ]);
  });
  test('the used range is padded to A1; every sheet is named; tables by sheet', async () => {
    const used = { isNullObject: false, rowIndex: 2, columnIndex: 1, formulas: [['x', '=A1']], load: () => undefined };
    // office-addin-mock cannot load "items/name" paths of collections: a plain object stands in.
    const context = {
      workbook: {
        worksheets: {
          load: () => undefined,
          items: [
            { name: 'Plan', getUsedRangeOrNullObject: () => used },
            { name: 'Other', getUsedRangeOrNullObject: () => used },
          ],
        },
        tables: { load: () => undefined, items: [{ name: 'fpaPlan', worksheet: { name: 'Plan' } }] },
      },
      sync: async () => undefined,
    };
    const state = await readOfficeState(async (b) => b(context as unknown as Excel.RequestContext), ['plan']);
    expect(state.sheets.get('Plan')!.cells).toEqual([[], [], [null, 'x', '=A1']]);
    expect(state.sheets.get('Other')!.cells).toEqual([]);
    expect(state.tables.get('fpaPlan')).toBe('Plan');
  });
});
