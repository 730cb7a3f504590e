/**
 * `npm run demo`: the sample workbook written through exceljs and read back with it: the six
 * sheets, the tables, FPA formulas stored with the results the engines computed, subtotals as
 * formulas, names over the tables, frozen headers and print areas; and the Dashboard's native
 * charts, read back from the file's chart parts (exceljs reads the file but not its charts).
 */
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
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
  test('holds the six sheets; nothing is left out', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Plan',
      'Actuals',
      'Forecast',
      'Variance',
      'Dashboard',
      'Drivers',
    ]);
    expect(written.skipped).toEqual([]);
    expect(written.charts).toEqual(['fpaChartLanding', 'fpaChartMonths', 'fpaChartFlags']);
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

/** A chart series as fast-xml-parser reads it (namespace prefixes removed). */
interface ParsedSeries {
  tx: { v: string };
  cat: { strRef: { f: string } };
  val: { numRef: { f: string } };
}

describe('the demo workbook’s charts', () => {
  /** The file's parts the Dashboard's charts are made of, found as Excel finds them. */
  async function dashboardCharts() {
    const zip = await JSZip.loadAsync(readFileSync(written.out));
    const text = (name: string) => zip.file(name)!.async('string');
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });
    const rels = async (part: string) => {
      const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
      const list = parser.parse(await text(relsPath)).Relationships.Relationship;
      return [list].flat() as { Id: string; Type: string; Target: string }[];
    };
    const resolve = (from: string, target: string) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
    const workbook = parser.parse(await text('xl/workbook.xml')).workbook;
    const sheet = [workbook.sheets.sheet].flat().find((s: { name: string }) => s.name === 'Dashboard');
    const sheetPart = resolve(
      'xl/workbook.xml',
      (await rels('xl/workbook.xml')).find((r) => r.Id === sheet.id)!.Target,
    );
    const drawingId = parser.parse(await text(sheetPart)).worksheet.drawing.id;
    const drawingPart = resolve(sheetPart, (await rels(sheetPart)).find((r) => r.Id === drawingId)!.Target);
    const anchors = [parser.parse(await text(drawingPart)).wsDr.oneCellAnchor].flat();
    const drawingRels = await rels(drawingPart);
    const types = await text('[Content_Types].xml');
    return Promise.all(
      anchors.map(async (a) => {
        const chartPart = resolve(
          drawingPart,
          drawingRels.find((r) => r.Id === a.graphicFrame.graphic.graphicData.chart.id)!.Target,
        );
        expect(types).toContain(`PartName="/${chartPart}"`);
        const xml = await text(chartPart);
        expect(XMLValidator.validate(xml)).toBe(true);
        const plot = parser.parse(xml).chartSpace.chart.plotArea;
        const kind = plot.barChart ? `bar ${plot.barChart.barDir.val}` : plot.lineChart ? 'line' : 'other';
        const series = [(plot.barChart ?? plot.lineChart).ser].flat().map((s: ParsedSeries) => ({
          name: s.tx.v,
          categories: s.cat.strRef.f,
          values: s.val.numRef.f,
        }));
        return { name: a.graphicFrame.nvGraphicFramePr.cNvPr.name, at: [a.from.col, a.from.row], kind, series };
      }),
    );
  }

  test('the Dashboard holds its three native charts over the cells the pane charts', async () => {
    const charts = await dashboardCharts();
    expect(charts.map((c) => [c.name, c.kind, c.series.map((s) => s.name)])).toEqual([
      ['fpaChartLanding', 'bar col', ['FY plan', 'YTD actual', 'FY landing']],
      ['fpaChartMonths', 'line', ['plan', 'actual', 'forecast']],
      ['fpaChartFlags', 'bar bar', ['open flags']],
    ]);
    const dashboard = book.getWorksheet('Dashboard')!;
    for (const chart of charts)
      for (const s of chart.series) {
        // Each series reads the Dashboard's own cells: its header names it, its categories are a column of names.
        const [, col, first] = /^'Dashboard'!\$([A-Z]+)\$(\d+):/.exec(s.values)!;
        expect(String(dashboard.getCell(`${col}${Number(first) - 1}`).value)).toBe(s.name);
        expect(s.categories).toMatch(/^'Dashboard'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
        const [, catCol, catFirst] = /^'Dashboard'!\$([A-Z]+)\$(\d+):/.exec(s.categories)!;
        expect(typeof dashboard.getCell(`${catCol}${catFirst}`).value).toBe('string');
        expect(Number(first)).toBe(Number(catFirst));
      }
  });
});
