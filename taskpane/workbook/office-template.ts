/**
 * Template writes (src/sheets/template/writes.ts) executed through Office.js in one `Excel.run`:
 * one sync to learn which sheets, tables, names and charts exist, then the writes of each sheet
 * queued and sent in one sync per sheet. Number formats go on before the cells, so headers and
 * names such as "2025-01" or "4000" stay text.
 */
import { isFormula } from '../../src/sheets/template/plan';
import type { TemplateChart, TemplateCell } from '../../src/sheets/template/plan';
import type { WorkbookState } from '../../src/sheets/template/diff';
import type { SheetWrite } from '../../src/sheets/template/writes';
import { padToA1, readUsedRanges } from './used-ranges';
import type { ExcelRunner } from './excel-runner';

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line' } as const;

/** Excel's column width is in points; a character of the default font is about 5.6 points wide, plus padding. */
export const widthInPoints = (characters: number): number => Math.round(characters * 5.6 + 5);

/** A cell as Office.js `formulas` take it: a formula's text, a value, or "" for a blank (null would mean "leave"). */
export function officeCell(cell: TemplateCell | undefined): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (isFormula(cell)) return cell.formula;
  return cell;
}

/** Writes in sheet groups, in order; name writes (workbook-wide) go with the sheet they follow. */
function bySheet(writes: readonly SheetWrite[]): { sheet: string; writes: SheetWrite[] }[] {
  const groups: { sheet: string; writes: SheetWrite[] }[] = [];
  for (const w of writes) {
    const sheet = 'sheet' in w ? w.sheet : (groups[groups.length - 1]?.sheet ?? '');
    const last = groups[groups.length - 1];
    if (last && last.sheet === sheet) last.writes.push(w);
    else groups.push({ sheet, writes: [w] });
  }
  return groups;
}

/**
 * Order inside a sheet: the sheet, shrinks, moves and clears, number formats, then everything else
 * as listed.
 */
const PHASE: Record<SheetWrite['op'], number> = {
  sheet: 0,
  shrink: 1,
  move: 2,
  clear: 3,
  format: 4,
  cells: 5,
  spill: 5,
  style: 5,
  table: 6,
  widths: 7,
  freeze: 7,
  printArea: 7,
  name: 8,
  chart: 9,
};

/** Office.js applies a single (not array) number format to every cell of the range. */
function everyCell(range: Excel.Range, numberFormat: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = numberFormat;
}

function addChart(sheet: Excel.Worksheet, chart: TemplateChart): void {
  const [first, ...rest] = chart.series;
  const added = sheet.charts.add(
    CHART_TYPES[chart.kind] as Excel.ChartType,
    sheet.getRange(first.values),
    'Columns' as Excel.ChartSeriesBy,
  );
  added.name = chart.name;
  added.title.text = chart.title;
  const series = added.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(sheet.getRange(chart.categories));
  for (const s of rest) {
    const next = added.series.add(s.name);
    next.setValues(sheet.getRange(s.values));
    next.setXAxisValues(sheet.getRange(chart.categories));
  }
  added.setPosition(sheet.getRangeByIndexes(chart.row, chart.column, 1, 1));
  added.width = chart.width;
  added.height = chart.height;
}

function queue(context: Excel.RequestContext, w: SheetWrite, known: { tables: Set<string>; names: Set<string> }): void {
  const sheet = 'sheet' in w ? context.workbook.worksheets.getItem(w.sheet) : null;
  switch (w.op) {
    case 'sheet':
      return;
    case 'shrink':
      context.workbook.tables.getItem(w.name).resize(w.address);
      return;
    case 'move':
      sheet!.getRange(w.from).moveTo(sheet!.getRange(w.to));
      return;
    case 'clear':
      sheet!.getRange(w.address).clear('Contents' as Excel.ClearApplyTo);
      return;
    case 'format':
      everyCell(sheet!.getRange(w.address), w.numberFormat);
      return;
    case 'cells': {
      const range = sheet!.getRange(w.address);
      if (w.text) everyCell(range, '@');
      range.formulas = w.cells.map((row) => row.map(officeCell));
      return;
    }
    case 'spill':
      sheet!.getRange(w.address).formulas = [[w.formula]];
      return;
    case 'style': {
      const font = sheet!.getRange(w.address).format.font;
      if (w.style === 'title') {
        font.bold = true;
        font.size = 14;
      } else if (w.style === 'caption') font.bold = true;
      else {
        font.italic = true;
        font.color = '#605E5C';
      }
      return;
    }
    case 'table':
      if (known.tables.has(w.name)) context.workbook.tables.getItem(w.name).resize(w.address);
      else {
        sheet!.tables.add(w.address, true).name = w.name;
        known.tables.add(w.name);
      }
      return;
    case 'widths':
      w.widths.forEach((chars, c) => {
        if (chars !== null)
          sheet!.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = widthInPoints(chars);
      });
      return;
    case 'freeze':
      sheet!.freezePanes.unfreeze();
      sheet!.freezePanes.freezeAt(sheet!.getRangeByIndexes(0, 0, Math.max(w.rows, 1), Math.max(w.columns, 1)));
      return;
    case 'printArea':
      sheet!.pageLayout.setPrintArea(w.address);
      return;
    case 'name':
      if (known.names.has(w.name)) context.workbook.names.getItem(w.name).delete();
      context.workbook.names.add(w.name, `=${w.refersTo}`);
      known.names.add(w.name);
      return;
    case 'chart':
      sheet!.charts.getItemOrNullObject(w.chart.name).delete();
      addChart(sheet!, w.chart);
      return;
  }
}

/** Runs `writes` in one Excel.run: one sync to look, then one per sheet. */
export function applyOfficeWrites(run: ExcelRunner, writes: readonly SheetWrite[]): Promise<void> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    context.workbook.tables.load('items/name');
    context.workbook.names.load('items/name');
    await context.sync();
    const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const known = {
      tables: new Set(context.workbook.tables.items.map((t) => t.name)),
      names: new Set(context.workbook.names.items.map((n) => n.name)),
    };
    for (const group of bySheet(writes)) {
      if (!existing.has(group.sheet.toLowerCase()) && group.writes.some((w) => w.op === 'sheet')) {
        sheets.add(group.sheet);
        existing.add(group.sheet.toLowerCase());
      }
      const ordered = group.writes.map((w, i) => ({ w, i })).sort((a, b) => PHASE[a.w.op] - PHASE[b.w.op] || a.i - b.i);
      for (const { w } of ordered) queue(context, w, known);
      await context.sync();
    }
  });
}

/** Every sheet's name, the used cells (formulas as written) of `names`, every table's sheet. */
export function readOfficeState(run: ExcelRunner, names: readonly string[]): Promise<WorkbookState> {
  return run(async (context) => {
    const {
      sheets,
      used,
      loaded: tables,
    } = await readUsedRanges(context, {
      alsoLoad: (workbook) => {
        workbook.tables.load('items/name, items/worksheet/name');
        return workbook.tables;
      },
      pick: (all) => all.filter((s) => names.some((n) => n.toLowerCase() === s.name.toLowerCase())),
      fields: 'formulas',
      valuesOnly: true,
    });
    const state = new Map<string, { cells: unknown[][] }>(sheets.map((s) => [s.name, { cells: [] }]));
    for (const { name, range } of used) {
      if (range.isNullObject) continue;
      state.set(name, { cells: padToA1<unknown>(range.formulas, range.rowIndex, range.columnIndex, () => null) });
    }
    return { sheets: state, tables: new Map(tables.items.map((t) => [t.name, t.worksheet.name])) };
  });
}
