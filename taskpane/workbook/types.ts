/**
 * The workbook as the task pane's views see it. Office.js calls live only in office-workbook.ts;
 * views and tests get this interface (tests and the browser e2e pass the in-memory double).
 */
import type { Cell } from '../../src/model/cell';
import type { WorkbookState } from '../../src/sheets/template/diff';
import type { SheetWrite } from '../../src/sheets/template/writes';
import type { WorkbookCells } from '../../src/scenario/workbook-model/sheet-source';

export type { Cell };

export interface RangeValues {
  /** Sheet-qualified A1 address, e.g. "Drivers!A1:F4". */
  address: string;
  /**
   * The cells' values. A merged area's value is in every cell of the area (Excel gives it in the
   * top-left cell only; src/sheets/merged-areas.ts), so a cost centre merged over its lines reads on each;
   * a number stays in the top-left cell only (one amount).
   */
  values: Cell[][];
}

export interface ChartSpec {
  /** "column" draws a histogram from binned counts; "bar" draws a tornado (horizontal bars). */
  kind: 'column' | 'bar';
  title: string;
  /** Address on the same sheet of the data, first column categories, headers in the first row. */
  dataAddress: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface WriteOptions {
  /** Excel number format applied to numeric cells (not the header row). */
  numberFormat?: string;
  /** Name for a native Excel table over the range (headers in the first row). */
  tableName?: string;
}

export interface Workbook {
  /** Whether this is Excel or the in-memory double (shown to the user). */
  readonly label: string;
  /** The selected range's values. @throws Error when nothing is selected */
  readSelection(): Promise<RangeValues>;
  /** Values at an A1 address (sheet-qualified or on the active sheet), or an Excel table's range by table name. */
  readRange(address: string): Promise<RangeValues>;
  /**
   * Writes `values` into the range at `address` (sheet-qualified A1, same shape as the values);
   * used by the review's write-back. Returns the address written.
   */
  writeRange(address: string, values: Cell[][]): Promise<string>;
  /** Adds a sheet, suffixing " (2)", " (3)"… when the name is taken; returns the name used. */
  addSheet(name: string): Promise<string>;
  /** Writes `rows` with their top-left cell at `topLeft` ("A1") on `sheet`; returns the address written. */
  writeTable(sheet: string, topLeft: string, rows: Cell[][], options?: WriteOptions): Promise<string>;
  addChart(sheet: string, chart: ChartSpec): Promise<void>;
  /**
   * The workbook as the template's diff preview needs it: every sheet's name, the used cells of the
   * sheets in `sheets` (formulas as written), and every native table's sheet.
   */
  readWorkbookState(sheets: readonly string[]): Promise<WorkbookState>;
  /**
   * Every sheet's used cells from A1 (formula text and the value shown) and the defined names: what
   * "Use this workbook's model" translates (src/scenario/workbook-model).
   */
  readWorkbookCells(): Promise<WorkbookCells>;
  /** Executes template writes (src/sheets/template) in batched calls: one batch, one sync per sheet. */
  applyWrites(writes: readonly SheetWrite[]): Promise<void>;
  /** The spec of the budget template last written into this workbook (JSON), or null. */
  loadTemplateSpec(): Promise<string | null>;
  saveTemplateSpec(json: string): Promise<void>;
  /** The model copy stored in the document, or null. */
  loadDocumentCopy(): Promise<string | null>;
  saveDocumentCopy(json: string): Promise<void>;
}
