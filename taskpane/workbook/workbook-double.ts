/**
 * An in-memory workbook: the test double for component tests and for the pane outside Office
 * (`?workbook=double`). It records every write so tests (and the e2e test, through
 * `window.__openfpaWorkbook`) can check what the pane sent.
 */
import { blockAddress, qualified, rectangular } from './address';
import type { Cell, ChartSpec, RangeValues, Workbook, WriteOptions } from './types';

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
  /** Named ranges/tables readRange can return. */
  ranges: Record<string, Cell[][]>;
}

export function createWorkbookDouble(initial: Partial<Pick<WorkbookDouble, 'selection' | 'ranges' | 'sheets' | 'documentCopy'>> = {}): WorkbookDouble {
  const double: WorkbookDouble = {
    label: 'Test workbook (in memory)',
    sheets: initial.sheets ?? ['Sheet1'],
    tables: [],
    charts: [],
    documentCopy: initial.documentCopy ?? null,
    selection: initial.selection ?? null,
    ranges: initial.ranges ?? {},
    async readSelection() {
      if (!double.selection) throw new Error('Select the driver table first.');
      return double.selection;
    },
    async readRange(address) {
      const values = double.ranges[address];
      if (!values) throw new Error(`Nothing found at "${address}".`);
      return { address, values };
    },
    async addSheet(name) {
      let candidate = name;
      for (let i = 2; double.sheets.some((s) => s.toLowerCase() === candidate.toLowerCase()); i++) candidate = `${name.slice(0, 26)} (${i})`;
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
    async loadDocumentCopy() {
      return double.documentCopy;
    },
    async saveDocumentCopy(json) {
      double.documentCopy = json;
    },
  };
  return double;
}
