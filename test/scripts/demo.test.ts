/**
 * `npm run demo`: the sample workbook written through exceljs and read back with it: the six
 * sheets, the tables, FPA formulas stored with the results the engines computed, subtotals as
 * formulas, names over the tables, frozen headers and print areas.
 */
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeDemo } from '../../scripts/demo';

let dir: string;
let book: ExcelJS.Workbook;
let written: Awaited<ReturnType<typeof writeDemo>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'openfpa-demo-'));
  written = await writeDemo(path.join(dir, 'nested', 'sample.xlsx'));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(written.out);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formulaCell = (ws: ExcelJS.Worksheet, row: number, header: string, headerRow = 4) => {
  const headers = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  return ws.getCell(row, headers.indexOf(header)).value as ExcelJS.CellFormulaValue;
};

describe('the demo workbook', () => {
  test('holds the six sheets; only the charts are left to the pane', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Plan',
      'Actuals',
      'Forecast',
      'Variance',
      'Dashboard',
      'Drivers',
    ]);
    expect(written.skipped).toEqual([
      'chart fpaChartLanding on Dashboard',
      'chart fpaChartMonths on Dashboard',
      'chart fpaChartFlags on Dashboard',
    ]);
  });

  test('plan and actual amounts are values; the line total a formula with its result', () => {
    const plan = book.getWorksheet('Plan')!;
    expect(plan.getCell('A5').value).toBe('S-EMEA/Salaries');
    const jan = formulaCell(plan, 5, '2023-01') as unknown as number;
    expect(typeof jan).toBe('number');
    const total = formulaCell(plan, 5, 'total');
    expect(total.formula).toBe('SUM(fpaPlan[[#This Row],[2023-01]:[2025-12]])');
    expect(typeof total.result).toBe('number');
    expect(Object.keys((plan as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      'fpaPlan',
      'fpaPlanRollup',
    ]);
  });

  test('the forecast months are FPA.FORECAST.ROLLING with the computed forecast stored', () => {
    const forecast = book.getWorksheet('Forecast')!;
    const cell = formulaCell(forecast, 5, '2025-07');
    expect(cell.formula).toMatch(/^INDEX\(FPA\.FORECAST\.ROLLING\(INDEX\(fpaActuals\[\[2023-01\]:\[2025-06\]\],/);
    expect(typeof cell.result).toBe('number');
    expect(cell.result as number).toBeGreaterThan(0);
    const landing = formulaCell(forecast, 5, 'FY landing');
    expect(landing.formula).toBe('fpaForecast[[#This Row],[YTD actual]]+fpaForecast[[#This Row],[rest of year]]');
  });

  test('the flags spill is stored with the planted anomalies first', () => {
    const variance = book.getWorksheet('Variance')!;
    let anchor: ExcelJS.Cell | null = null;
    variance.getRow(4).eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === 'object' && 'formula' in v && v.formula.startsWith('FPA.VARIANCE.FLAGS(')) anchor = c;
    });
    expect(anchor).not.toBeNull();
    const a = anchor as unknown as ExcelJS.Cell;
    const lines = [1, 2, 3, 4].map((k) => String(variance.getCell(Number(a.row) + k, Number(a.col)).value));
    expect(new Set(lines)).toEqual(
      new Set(['MKT-DIGITAL/Travel', 'RD-DATA/Software', 'S-APAC/Contractors', 'OPS-IT/Software']),
    );
  });

  test('roll-ups are SUMIFS formulas with results; the dashboard counts flags by severity', () => {
    const plan = book.getWorksheet('Plan')!;
    let sumifs = 0;
    plan.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue | null;
        if (
          v &&
          typeof v === 'object' &&
          'formula' in v &&
          v.formula.startsWith('SUMIFS(') &&
          typeof v.result === 'number'
        )
          sumifs++;
      }),
    );
    expect(sumifs).toBeGreaterThan(12 * 37); // 18 nodes (1 entity, 5 departments, 12 cost centres) × 37 columns, less blanks
    const dash = book.getWorksheet('Dashboard')!;
    const values: string[] = [];
    dash.eachRow((row) =>
      row.eachCell((c) => values.push(String((c.value as { formula?: string })?.formula ?? c.value))),
    );
    expect(values.some((v) => v.startsWith('COUNTIFS(fpa_FlagSeverity'))).toBe(true);
  });

  test('names refer to the table ranges; headers frozen; print areas set', () => {
    const names = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const amounts = names.find((n) => n.name === 'fpa_PlanAmounts')!;
    expect(amounts.ranges[0]).toMatch(/^'?Plan'?!\$H\$5:\$AQ\$52$/);
    const plan = book.getWorksheet('Plan')!;
    expect(plan.views[0]).toMatchObject({ state: 'frozen', xSplit: 6, ySplit: 4 });
    expect(plan.pageSetup.printArea).toBeTruthy();
  });

  test('the Drivers sheet stores FPA.SCENARIO.MC with its statistics', () => {
    const drivers = book.getWorksheet('Drivers')!;
    const mc = drivers.getCell('H4').value as ExcelJS.CellFormulaValue;
    expect(mc.formula).toBe('FPA.SCENARIO.MC(fpaDrivers[#All],A11,10000,1)');
    expect(mc.result).toBe('output');
    expect(drivers.getCell('H7').value).toBe('total');
    expect(drivers.getCell('I7').value as number).toBeGreaterThan(10_000_000);
  });
});
