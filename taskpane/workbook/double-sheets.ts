/**
 * The cells of the in-memory workbook: what the template writes do to a workbook (values, formulas,
 * spills, native tables, names, charts, formats, frozen panes, print areas), kept so tests and the
 * browser e2e can check the sheets hold formulas where they should and that a re-run left the
 * user's cells alone. No formula is computed: a formula cell shows the result it was written with,
 * or nothing.
 */
import { cellAddress, parseCell } from '../../src/sheets/a1';
import type { TemplateChart } from '../../src/sheets/template/plan';
import { isFormula } from '../../src/sheets/template/plan';
import type { SheetWrite } from '../../src/sheets/template/writes';
import type { WorkbookState } from '../../src/sheets/template/diff';
import type { WorkbookCells } from '../../src/scenario/workbook-model/sheet-source';
import type { Cell } from './types';

export interface DoubleCell {
  value: Cell;
  /** The formula ("=SUM(…)") when the cell holds one. */
  formula?: string;
}

export interface DoubleSheet {
  cells: Map<string, DoubleCell>;
  formats: Map<string, string>;
  styles: Map<string, string>;
  widths: (number | null)[];
  freeze: { rows: number; columns: number } | null;
  printArea: string | null;
}

export interface DoubleStore {
  sheets: Map<string, DoubleSheet>;
  /** Native tables: name → sheet and local address (header row first). */
  tables: Map<string, { sheet: string; address: string }>;
  names: Map<string, string>;
  charts: Map<string, TemplateChart & { sheet: string }>;
  /** Batches the writes were applied in (one per call), for tests of batching. */
  batches: number;
}

export const emptyStore = (): DoubleStore => ({
  sheets: new Map(),
  tables: new Map(),
  names: new Map(),
  charts: new Map(),
  batches: 0,
});

const key = (row: number, column: number) => `${row},${column}`;

export function emptySheet(): DoubleSheet {
  return { cells: new Map(), formats: new Map(), styles: new Map(), widths: [], freeze: null, printArea: null };
}

/** "B2:C3" → bounds, 0-based inclusive. */
export function bounds(local: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = local.split(':').map(parseCell);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

function sheetOf(store: DoubleStore, name: string): DoubleSheet {
  const sheet = store.sheets.get(name);
  if (!sheet) throw new Error(`There is no sheet "${name}".`);
  return sheet;
}

function move(store: DoubleStore, sheetName: string, from: string, to: string): void {
  const sheet = sheetOf(store, sheetName);
  const b = bounds(from);
  const t = parseCell(to);
  const dr = t.row - b.top;
  const dc = t.column - b.left;
  const inside = (tb: ReturnType<typeof bounds>) =>
    tb.top >= b.top && tb.bottom <= b.bottom && tb.left >= b.left && tb.right <= b.right;
  // As in Excel, a block cannot be moved onto (part of) a table that does not move with it.
  for (const [name, table] of store.tables) {
    const tb = bounds(table.address);
    if (table.sheet !== sheetName || inside(tb)) continue;
    const overlaps =
      tb.top <= b.bottom + dr && tb.bottom >= b.top + dr && tb.left <= b.right + dc && tb.right >= b.left + dc;
    if (overlaps) throw new Error(`Cannot move ${from} to ${to}: it would land on table ${name}.`);
  }
  const cut: [number, number, DoubleCell][] = [];
  for (const [k, cell] of [...sheet.cells]) {
    const [r, c] = k.split(',').map(Number);
    if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) {
      cut.push([r, c, cell]);
      sheet.cells.delete(k);
    }
  }
  // The destination is replaced, blanks included, as moveTo does.
  for (let r = b.top + dr; r <= b.bottom + dr; r++)
    for (let c = b.left + dc; c <= b.right + dc; c++) sheet.cells.delete(key(r, c));
  for (const [r, c, cell] of cut) sheet.cells.set(key(r + dr, c + dc), cell);
  for (const [name, table] of store.tables) {
    if (table.sheet !== sheetName) continue;
    const tb = bounds(table.address);
    if (inside(tb))
      store.tables.set(name, {
        sheet: sheetName,
        address: `${cellAddress(tb.top + dr, tb.left + dc)}:${cellAddress(tb.bottom + dr, tb.right + dc)}`,
      });
  }
}

function writeCells(sheet: DoubleSheet, local: string, cells: readonly (readonly unknown[])[], text: boolean): void {
  const { top, left } = bounds(local);
  cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      const k = key(top + i, left + j);
      if (cell !== null && typeof cell === 'object' && isFormula(cell as never)) {
        const f = cell as { formula: string; result?: Cell };
        sheet.cells.set(k, { value: f.result ?? null, formula: f.formula });
      } else if (cell === null || cell === undefined || cell === '') sheet.cells.delete(k);
      else sheet.cells.set(k, { value: text ? String(cell) : (cell as Cell) });
    }),
  );
}

/** Applies template writes to the store, as Office.js would. */
export function applyToStore(store: DoubleStore, writes: readonly SheetWrite[]): void {
  store.batches++;
  for (const w of writes) {
    switch (w.op) {
      case 'sheet':
        if (!store.sheets.has(w.sheet)) store.sheets.set(w.sheet, emptySheet());
        break;
      case 'move':
        move(store, w.sheet, w.from, w.to);
        break;
      case 'clear': {
        const b = bounds(w.address);
        const sheet = sheetOf(store, w.sheet);
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) sheet.cells.delete(key(r, c));
        break;
      }
      case 'cells':
        writeCells(sheetOf(store, w.sheet), w.address, w.cells, w.text === true);
        break;
      case 'spill': {
        const sheet = sheetOf(store, w.sheet);
        const at = parseCell(w.address);
        (w.result ?? []).forEach((row, i) =>
          row.forEach((v, j) => {
            if (i + j > 0 && v !== null) sheet.cells.set(key(at.row + i, at.column + j), { value: v });
          }),
        );
        sheet.cells.set(key(at.row, at.column), { value: w.result?.[0]?.[0] ?? null, formula: w.formula });
        break;
      }
      case 'format':
        sheetOf(store, w.sheet).formats.set(w.address, w.numberFormat);
        break;
      case 'style':
        sheetOf(store, w.sheet).styles.set(w.address, w.style);
        break;
      case 'shrink':
        store.tables.set(w.name, { sheet: w.sheet, address: w.address });
        break;
      case 'table': {
        const other = store.tables.get(w.name);
        if (other && other.sheet !== w.sheet) throw new Error(`A table named ${w.name} is on sheet "${other.sheet}".`);
        store.tables.set(w.name, { sheet: w.sheet, address: w.address });
        break;
      }
      case 'widths':
        sheetOf(store, w.sheet).widths = [...w.widths];
        break;
      case 'freeze':
        sheetOf(store, w.sheet).freeze = { rows: w.rows, columns: w.columns };
        break;
      case 'printArea':
        sheetOf(store, w.sheet).printArea = w.address;
        break;
      case 'name':
        store.names.set(w.name, w.refersTo);
        break;
      case 'chart':
        store.charts.set(w.chart.name, { ...w.chart, sheet: w.sheet });
        break;
    }
  }
}

/** The values (or, with `formulas`, formulas where there are) of a block of a sheet. */
export function blockOf(sheet: DoubleSheet, local: string, formulas = false): Cell[][] {
  const b = bounds(local);
  const out: Cell[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: Cell[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const cell = sheet.cells.get(key(r, c));
      row.push(cell ? (formulas && cell.formula ? cell.formula : cell.value) : null);
    }
    out.push(row);
  }
  return out;
}

/** The used block of a sheet from A1 ("A1" when empty). */
export function usedAddress(sheet: DoubleSheet): string {
  let bottom = 0;
  let right = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return `A1:${cellAddress(bottom, right)}`;
}

/**
 * What the template's diff preview reads: every sheet (`others` are sheets outside the store,
 * read as empty), the cells of those in `names` (formulas count as used), and every table.
 */
export function storeState(
  store: DoubleStore,
  names: readonly string[],
  others: readonly string[] = [],
): WorkbookState {
  const sheets = new Map<string, { cells: Cell[][] }>(others.map((n) => [n, { cells: [] }]));
  for (const [name, sheet] of store.sheets)
    sheets.set(name, { cells: names.includes(name) ? blockOf(sheet, usedAddress(sheet), true) : [] });
  return { sheets, tables: new Map([...store.tables].map(([n, t]) => [n, t.sheet])) };
}

/** Every sheet's cells from A1 (formula and the value it was written with) and the names; `others` read as empty. */
export function storeCells(store: DoubleStore, others: readonly string[] = []): WorkbookCells {
  const sheets: WorkbookCells['sheets'] = Object.fromEntries(others.map((n) => [n, []]));
  for (const [name, sheet] of store.sheets) {
    const grid: { formula: string | null; value: Cell }[][] = [];
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(',').map(Number);
      while (grid.length <= r) grid.push([]);
      const row = grid[r];
      while (row.length <= c) row.push({ formula: null, value: null });
      row[c] = { formula: cell.formula ?? null, value: cell.value };
    }
    (sheets as Record<string, typeof grid>)[name] = grid;
  }
  return { sheets, names: Object.fromEntries(store.names) };
}
