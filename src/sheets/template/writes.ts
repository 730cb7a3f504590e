/**
 * A template plan as the list of writes a workbook executes, in order: sheets, tables a re-run
 * shrinks, moves of tables a re-run displaces, cells it no longer uses cleared, texts, tables (header, body, native table, formats), spilled formulas, column
 * widths, frozen panes, print areas, names and charts. The pane runs them in batched Excel API calls
 * (taskpane/workbook), the demo writer through exceljs; both take the same list.
 */
import { cellAddress } from '../a1';
import type {
  Block,
  TemplateCell,
  TemplateChart,
  TemplatePlan,
  TemplateSheet,
  TemplateTable,
  TemplateValue,
} from './plan';
import { blockMinus, NUMBER_FORMATS, tableBlock } from './plan';

export type SheetWrite =
  | { op: 'sheet'; sheet: string }
  /** Moves the block `from` (cut and paste: formulas that refer to it follow) so its top-left is `to`. */
  | { op: 'move'; sheet: string; from: string; to: string }
  /**
   * Resizes an existing table to fewer rows (header where it is) before anything moves into the
   * rows it gives up: a table cannot be moved onto another table's rows.
   */
  | { op: 'shrink'; sheet: string; name: string; address: string }
  /** Clears the contents of `address` (cells a re-run no longer uses). */
  | { op: 'clear'; sheet: string; address: string }
  /** Values and formulas; `text` writes the cells as text (headers such as 2025-01 stay text). */
  | { op: 'cells'; sheet: string; address: string; cells: TemplateCell[][]; text?: boolean }
  | { op: 'format'; sheet: string; address: string; numberFormat: string }
  | { op: 'style'; sheet: string; address: string; style: 'title' | 'note' | 'caption' }
  /** Creates the native table over `address` (header in its first row), or resizes the existing one. */
  | { op: 'table'; sheet: string; name: string; address: string }
  /** Column widths in characters from column A; null leaves a column as it is. */
  | { op: 'widths'; sheet: string; widths: (number | null)[] }
  | { op: 'freeze'; sheet: string; rows: number; columns: number }
  | { op: 'printArea'; sheet: string; address: string }
  | { op: 'name'; name: string; refersTo: string }
  /** A formula whose result spills from `address`; `result` is its spilled values when known (demo). */
  | { op: 'spill'; sheet: string; address: string; formula: string; result?: TemplateValue[][] }
  /** Adds the chart, replacing one of the same name. */
  | { op: 'chart'; sheet: string; chart: TemplateChart };

export const blockAddress = (b: Block): string =>
  b.top === b.bottom && b.left === b.right
    ? cellAddress(b.top, b.left)
    : `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;

function tableWrites(sheet: string, table: TemplateTable): SheetWrite[] {
  const { row, column } = table;
  const width = table.columns.length;
  const bottom = row + Math.max(table.rows.length, 1);
  const out: SheetWrite[] = [];
  if (table.caption)
    out.push(
      { op: 'cells', sheet, address: cellAddress(row - 1, column), cells: [[table.caption]] },
      { op: 'style', sheet, address: cellAddress(row - 1, column), style: 'caption' },
    );
  const header = { top: row, left: column, bottom: row, right: column + width - 1 };
  out.push({
    op: 'cells',
    sheet,
    address: blockAddress(header),
    cells: [table.columns.map((c) => c.header)],
    text: true,
  });
  if (table.rows.length > 0)
    out.push({
      op: 'cells',
      sheet,
      address: blockAddress({ top: row + 1, left: column, bottom, right: column + width - 1 }),
      cells: table.rows,
    });
  out.push({ op: 'table', sheet, name: table.name, address: blockAddress({ ...header, bottom }) });
  table.columns.forEach((c, k) => {
    if (c.format === 'general') return;
    out.push({
      op: 'format',
      sheet,
      address: blockAddress({ top: row + 1, left: column + k, bottom, right: column + k }),
      numberFormat: NUMBER_FORMATS[c.format],
    });
  });
  return out;
}

/** Widths per sheet column: the widest a table or spill asks for. */
function sheetWidths(sheet: TemplateSheet): (number | null)[] {
  const widths: (number | null)[] = [];
  const ask = (column: number, width: number) => {
    while (widths.length <= column) widths.push(null);
    widths[column] = Math.max(widths[column] ?? 0, width);
  };
  for (const t of sheet.tables) t.columns.forEach((c, k) => ask(t.column + k, c.width));
  for (const s of sheet.spills) s.widths.forEach((w, k) => ask(s.column + k, w));
  return widths;
}

/** Where each table of the previous plan of this sheet was, by name. */
function previousTables(previous: TemplateSheet | undefined): Map<string, TemplateTable> {
  return new Map((previous?.tables ?? []).map((t) => [t.name, t]));
}

/** The blocks a sheet's texts and tables cover (spill reserves are Excel's to fill). */
const writtenBlocks = (sheet: TemplateSheet): Block[] => [
  ...sheet.texts.map((t) => ({ top: t.row, left: t.column, bottom: t.row, right: t.column })),
  ...sheet.tables.map(tableBlock),
];

/**
 * Tables that lose rows are shrunk in place first; then tables that move are moved, those going
 * up top-most first and those going down bottom-most first, so none lands on another.
 */
function reshapeWrites(name: string, sheet: TemplateSheet, old: Map<string, TemplateTable>): SheetWrite[] {
  const out: SheetWrite[] = [];
  for (const t of sheet.tables) {
    const before = old.get(t.name);
    if (!before || t.rows.length >= before.rows.length) continue;
    const header = { top: before.row, left: before.column, right: before.column + before.columns.length - 1 };
    out.push({
      op: 'shrink',
      sheet: name,
      name: t.name,
      address: blockAddress({ ...header, bottom: before.row + Math.max(t.rows.length, 1) }),
    });
  }
  const moving = sheet.tables.filter(
    (t) => old.has(t.name) && (old.get(t.name)!.row !== t.row || old.get(t.name)!.column !== t.column),
  );
  const up = moving
    .filter((t) => t.row < old.get(t.name)!.row)
    .sort((a, b) => old.get(a.name)!.row - old.get(b.name)!.row);
  const down = moving
    .filter((t) => t.row >= old.get(t.name)!.row)
    .sort((a, b) => old.get(b.name)!.row - old.get(a.name)!.row);
  for (const t of [...up, ...down]) {
    const from = tableBlock(old.get(t.name)!);
    const to = tableBlock(t);
    out.push({ op: 'move', sheet: name, from: blockAddress(from), to: cellAddress(to.top, to.left) });
  }
  return out;
}

/**
 * The writes that lay out `plan`. With the plan that was written before: tables that lose rows
 * (cost centres dropped) are shrunk, tables that must move (a roll-up under a table that grew or
 * shrank) are moved so what refers to them follows, the cells the template wrote before and no
 * longer uses are cleared, and a spilled formula whose anchor moved has its old anchor cleared.
 */
export function templateWrites(plan: TemplatePlan, previous: TemplatePlan | null = null): SheetWrite[] {
  const out: SheetWrite[] = [];
  for (const sheet of plan.sheets) {
    const name = sheet.name;
    const before = previous?.sheets.find((s) => s.role === sheet.role && s.name === name);
    out.push({ op: 'sheet', sheet: name });
    out.push(...reshapeWrites(name, sheet, previousTables(before)));
    if (before) {
      const now = writtenBlocks(sheet);
      for (const b of writtenBlocks(before).flatMap((block) => blockMinus(block, now)))
        out.push({ op: 'clear', sheet: name, address: blockAddress(b) });
    }
    for (const s of before?.spills ?? [])
      if (!sheet.spills.some((n) => n.row === s.row && n.column === s.column))
        out.push({ op: 'clear', sheet: name, address: cellAddress(s.row, s.column) });
    for (const text of sheet.texts) {
      const address = cellAddress(text.row, text.column);
      out.push(
        { op: 'cells', sheet: name, address, cells: [[text.text]] },
        { op: 'style', sheet: name, address, style: text.style },
      );
    }
    for (const table of sheet.tables) out.push(...tableWrites(name, table));
    for (const spill of sheet.spills) {
      out.push({
        op: 'spill',
        sheet: name,
        address: cellAddress(spill.row, spill.column),
        formula: spill.formula,
        ...(spill.result ? { result: spill.result } : {}),
      });
      spill.formats.forEach((format, k) => {
        if (format === 'general') return;
        const block = {
          top: spill.row + 1,
          left: spill.column + k,
          bottom: spill.row + spill.reserve.rows - 1,
          right: spill.column + k,
        };
        out.push({ op: 'format', sheet: name, address: blockAddress(block), numberFormat: NUMBER_FORMATS[format] });
      });
    }
    out.push({ op: 'widths', sheet: name, widths: sheetWidths(sheet) });
    if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
      out.push({ op: 'freeze', sheet: name, rows: sheet.freeze.rows, columns: sheet.freeze.columns });
    const blocks = sheet.tables.map(tableBlock);
    const area = {
      top: 0,
      left: 0,
      bottom: Math.max(...blocks.map((b) => b.bottom)),
      right: Math.max(...blocks.map((b) => b.right)),
    };
    out.push({ op: 'printArea', sheet: name, address: blockAddress(area) });
    for (const n of sheet.names) out.push({ op: 'name', name: n.name, refersTo: n.refersTo });
    for (const chart of sheet.charts) out.push({ op: 'chart', sheet: name, chart });
  }
  return out;
}
