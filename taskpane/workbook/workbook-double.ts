/**
 * An in-memory workbook: the test double for component tests and for the pane outside Office
 * (`?workbook=double`). It records every write so tests (and the e2e test, through
 * `window.__openfpaWorkbook`) can check what the pane sent.
 */
import { blockAddress, parseCell, qualified, rectangular } from './address';
import type { Cell, ChartSpec, RangeValues, Workbook, WriteOptions } from './types';
import type { DoubleStore } from './double-sheets';
import { applyToStore, blockOf, emptyStore, storeCells, storeState, usedAddress } from './double-sheets';

export interface WrittenTable {
  sheet: string;
  address: string;
  rows: Cell[][];
  options: WriteOptions;
}

export interface WorkbookDouble extends Workbook {
  sheets: string[];
  tables: WrittenTable[];
  charts: (ChartSpec & { sheet: string })[];
  documentCopy: string | null;
  /** What readSelection returns. */
  selection: RangeValues | null;
  /** Named ranges/tables readRange can return; writeRange stores its values here too. */
  ranges: Record<string, Cell[][]>;
  /** Every writeRange call, in order. */
  writes: { address: string; values: Cell[][] }[];
  /** The sheets the template writes made, cell by cell (see double-sheets.ts). */
  store: DoubleStore;
  templateSpec: string | null;
}

/** Copies `values` written at `address` into `selection` when the block lies inside it (same sheet). */
function overlay(selection: RangeValues, address: string, values: Cell[][]): void {
  const [sheetA, localA] = splitSheet(selection.address);
  const [sheetB, localB] = splitSheet(address);
  if (sheetA !== sheetB) return;
  const a = parseCell(localA.split(':')[0]);
  const b = parseCell(localB.split(':')[0]);
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const r = selection.values[b.row - a.row + i];
      if (r && b.column - a.column + j >= 0 && b.column - a.column + j < r.length) r[b.column - a.column + j] = v;
    }),
  );
}

/** The values of the block at `address` when it lies inside `selection` (same sheet), else null. */
function within(selection: RangeValues, address: string): Cell[][] | null {
  const [sheetA, localA] = splitSheet(selection.address);
  const [sheetB, localB] = splitSheet(address);
  if (sheetA !== sheetB) return null;
  const a = parseCell(localA.split(':')[0]);
  const [from, to = from] = localB.split(':').map(parseCell);
  const out: Cell[][] = [];
  for (let r = from.row; r <= to.row; r++) {
    const row = selection.values[r - a.row];
    if (!row) return null;
    const cells: Cell[] = [];
    for (let c = from.column; c <= to.column; c++) {
      if (c - a.column < 0 || c - a.column >= row.length) return null;
      cells.push(row[c - a.column]);
    }
    out.push(cells);
  }
  return out;
}

function splitSheet(address: string): [string, string] {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? ['', address] : [address.slice(0, bang), address.slice(bang + 1)];
}

/** A table by name, a sheet-qualified block, or a whole sheet ("Plan!") of the template store; null when not there. */
function fromStore(store: DoubleStore, address: string): RangeValues | null {
  const table = store.tables.get(address);
  if (table)
    return {
      address: `${table.sheet}!${table.address}`,
      values: blockOf(store.sheets.get(table.sheet)!, table.address),
    };
  const [sheet, local] = splitSheet(address);
  const name = sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const stored = store.sheets.get(name);
  if (!stored) return null;
  const block = local === '' ? usedAddress(stored) : local;
  return { address: `${sheet}!${block}`, values: blockOf(stored, block) };
}

export function createWorkbookDouble(
  initial: Partial<Pick<WorkbookDouble, 'selection' | 'ranges' | 'sheets' | 'documentCopy'>> = {},
): WorkbookDouble {
  const double: WorkbookDouble = {
    label: 'Test workbook (in memory)',
    sheets: initial.sheets ?? ['Sheet1'],
    tables: [],
    charts: [],
    documentCopy: initial.documentCopy ?? null,
    selection: initial.selection ?? null,
    ranges: initial.ranges ?? {},
    writes: [],
    store: emptyStore(),
    templateSpec: null,
    async readSelection() {
      // Every view reads the selection (drivers, the plan/actual table, KPI rows, hierarchy): say it plainly.
      if (!double.selection) throw new Error('Nothing is selected in the test workbook: select the table first.');
      return double.selection;
    },
    async readRange(address) {
      const stored = fromStore(double.store, address);
      if (stored) return stored;
      const values = double.ranges[address] ?? (double.selection ? within(double.selection, address) : null);
      if (!values)
        throw new Error(
          `Nothing found at "${address}" in the test workbook: select the range that holds the values, or type its address.`,
        );
      return { address, values };
    },
    async writeRange(address, values) {
      const [sheet, local] = splitSheet(address);
      const name = sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      if (double.store.sheets.has(name)) {
        applyToStore(double.store, [{ op: 'cells', sheet: name, address: local, cells: values }]);
        double.writes.push({ address, values: values.map((r) => [...r]) });
        return address;
      }
      double.ranges[address] = values.map((r) => [...r]);
      if (double.selection) overlay(double.selection, address, values);
      double.writes.push({ address, values: values.map((r) => [...r]) });
      return address;
    },
    async addSheet(name) {
      let candidate = name;
      for (let i = 2; double.sheets.some((s) => s.toLowerCase() === candidate.toLowerCase()); i++)
        candidate = `${name.slice(0, 26)} (${i})`;
      double.sheets.push(candidate);
      return candidate;
    },
    async writeTable(sheet, topLeft, rows, options = {}) {
      if (!double.sheets.includes(sheet)) throw new Error(`There is no sheet "${sheet}".`);
      const grid = rectangular(rows);
      const address = qualified(sheet, blockAddress(topLeft, grid.length, grid[0]?.length ?? 1));
      double.tables.push({ sheet, address, rows: grid, options });
      return address;
    },
    async addChart(sheet, chart) {
      double.charts.push({ ...chart, sheet });
    },
    async readWorkbookState(sheets) {
      return storeState(double.store, sheets, double.sheets);
    },
    async readWorkbookCells() {
      return storeCells(double.store, double.sheets);
    },
    async applyWrites(writes) {
      applyToStore(double.store, writes);
      for (const name of double.store.sheets.keys()) if (!double.sheets.includes(name)) double.sheets.push(name);
    },
    async loadTemplateSpec() {
      return double.templateSpec;
    },
    async saveTemplateSpec(json) {
      double.templateSpec = json;
    },
    async loadDocumentCopy() {
      return double.documentCopy;
    },
    async saveDocumentCopy(json) {
      double.documentCopy = json;
    },
  };
  return double;
}
