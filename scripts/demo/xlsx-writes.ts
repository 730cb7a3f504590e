/**
 * Template writes (src/sheets/template/writes.ts) executed on an exceljs workbook, for the demo
 * file: the same list the pane sends through Office.js. Formulas are stored with the results the
 * engines computed, so the file reads right before the add-in is installed. What exceljs cannot
 * write is said here: native charts (returned, for xlsx-charts.ts to add to the file exceljs wrote),
 * and dynamic-array spills, which are written as array formulas over the rows they fill.
 */
import ExcelJS from 'exceljs';
import { parseCell } from '../../src/sheets/a1';
import type { TemplateCell, TemplateChart, TemplateValue } from '../../src/sheets/template/plan';
import { isFormula } from '../../src/sheets/template/plan';
import type { SheetWrite } from '../../src/sheets/template/writes';

type Bounds = { top: number; left: number; bottom: number; right: number };

/** "B2:C3" → 1-based bounds, as exceljs counts. */
function bounds(local: string): Bounds {
  const [a, b = a] = local.split(':').map(parseCell);
  return { top: a.row + 1, left: a.column + 1, bottom: b.row + 1, right: b.column + 1 };
}

const STYLE_FONTS: Record<'title' | 'note' | 'caption', Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 14 },
  note: { italic: true, color: { argb: 'FF605E5C' } },
  caption: { bold: true },
};

/** A computed value as a cell result: errors such as "#N/A" as error values. */
function resultOf(value: TemplateValue | undefined): ExcelJS.CellFormulaValue['result'] {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && /^#[A-Z/0!?]+$/.test(value)) return { error: value as ExcelJS.CellErrorValue['error'] };
  return value;
}

function cellValue(cell: TemplateCell): ExcelJS.CellValue {
  if (isFormula(cell)) return { formula: cell.formula.replace(/^=/, ''), result: resultOf(cell.result) };
  return cell === '' ? null : cell;
}

/** Where each table is, for names that refer to its columns. */
interface TableAt {
  sheet: string;
  bounds: Bounds;
  headers: string[];
}

/** "T[c]" or "T[[a]:[b]]" → "'Sheet'!$A$5:$B$9" over the table's body; other references as they are. */
function resolveReference(refersTo: string, tables: Map<string, TableAt>): string {
  const m = /^([A-Za-z_][\w.]*)\[(?:\[([^\]]+)\]:\[([^\]]+)\]|([^\][]+))\]$/.exec(refersTo);
  if (!m || !tables.has(m[1])) return refersTo;
  const t = tables.get(m[1])!;
  const from = t.headers.indexOf(m[2] ?? m[4]);
  const to = t.headers.indexOf(m[3] ?? m[4]);
  const col = (k: number) => columnName(t.bounds.left + k);
  return `'${t.sheet.replace(/'/g, "''")}'!$${col(from)}$${t.bounds.top + 1}:$${col(to)}$${t.bounds.bottom}`;
}

const columnName = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * Writes `writes` into a new exceljs workbook; `skipped` counts what the file cannot hold, `charts`
 * are the charts to add to the written file (addCharts).
 */
export function xlsxFromWrites(writes: readonly SheetWrite[]): {
  workbook: ExcelJS.Workbook;
  skipped: string[];
  charts: { sheet: string; chart: TemplateChart }[];
} {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenFPA demo';
  const tables = new Map<string, TableAt>();
  const skipped: string[] = [];
  const charts: { sheet: string; chart: TemplateChart }[] = [];
  const sheet = (name: string) => workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
  for (const w of writes) {
    switch (w.op) {
      case 'sheet':
        sheet(w.sheet);
        break;
      case 'shrink':
      case 'move':
      case 'clear':
        break; // a new file has nothing to shrink, move or clear
      case 'cells': {
        const ws = sheet(w.sheet);
        const b = bounds(w.address);
        w.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            const target = ws.getCell(b.top + i, b.left + j);
            if (w.text) target.numFmt = '@';
            target.value = w.text && cell !== null && !isFormula(cell) ? String(cell) : cellValue(cell);
          }),
        );
        break;
      }
      case 'format': {
        const ws = sheet(w.sheet);
        const b = bounds(w.address);
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) ws.getCell(r, c).numFmt = w.numberFormat;
        break;
      }
      case 'style':
        sheet(w.sheet).getCell(w.address).font = STYLE_FONTS[w.style];
        break;
      case 'table': {
        const ws = sheet(w.sheet);
        const b = bounds(w.address);
        const headers: string[] = [];
        for (let c = b.left; c <= b.right; c++) headers.push(String(ws.getCell(b.top, c).value ?? ''));
        const rows: ExcelJS.CellValue[][] = [];
        for (let r = b.top + 1; r <= b.bottom; r++) {
          const row: ExcelJS.CellValue[] = [];
          for (let c = b.left; c <= b.right; c++) row.push(ws.getCell(r, c).value);
          rows.push(row);
        }
        ws.addTable({
          name: w.name,
          ref: w.address.split(':')[0],
          headerRow: true,
          style: { theme: 'TableStyleMedium2', showRowStripes: true },
          columns: headers.map((name) => ({ name, filterButton: true })),
          rows,
        });
        tables.set(w.name, { sheet: w.sheet, bounds: b, headers });
        break;
      }
      case 'widths':
        w.widths.forEach((width, c) => {
          if (width !== null) sheet(w.sheet).getColumn(c + 1).width = width;
        });
        break;
      case 'freeze':
        sheet(w.sheet).views = [{ state: 'frozen', xSplit: w.columns, ySplit: w.rows }];
        break;
      case 'printArea':
        sheet(w.sheet).pageSetup.printArea = w.address;
        break;
      case 'name': {
        const ref = resolveReference(w.refersTo, tables);
        if (ref.includes('!')) workbook.definedNames.add(ref, w.name);
        else skipped.push(`name ${w.name} (${w.refersTo})`);
        break;
      }
      case 'spill': {
        const ws = sheet(w.sheet);
        const at = parseCell(w.address);
        const result = w.result ?? [[null]];
        const width = Math.max(...result.map((r) => r.length));
        const range = `${w.address}:${columnName(at.column + width)}${at.row + result.length}`;
        const values = result.map((r) => Array.from({ length: width }, (_, k) => resultOf(r[k]) ?? ''));
        // exceljs takes a fourth argument, the share type, that its typings leave out.
        (ws.fillFormula as (r: string, f: string, v: unknown, share: 'array') => void).call(
          ws,
          range,
          w.formula.replace(/^=/, ''),
          values,
          'array',
        );
        break;
      }
      case 'chart':
        charts.push({ sheet: w.sheet, chart: w.chart });
        break;
    }
  }
  return { workbook, skipped, charts };
}
