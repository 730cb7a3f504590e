/**
 * The Office.js implementation of `Workbook`. Every call is one `Excel.run` batch. The runner and the
 * document settings are injectable so adapter tests can drive this file with office-addin-mock.
 */
import { fillMergedAreas, outsideTopLefts, splitAreas } from '../../src/sheets/merged-areas';
import { gridWidth } from '../../src/sheets/sheet-value';
import { blockAddress, qualified, rectangular, safeSheetName } from './address';
import { literalValues } from './literal-text';
import { readOfficeCells } from './office-cells';
import { applyOfficeWrites, readOfficeState } from './office-template';
import type { Cell, RangeValues, Workbook } from './types';
import type { ExcelRunner } from './excel-runner';

/** The part of Office.Settings used to keep the model copy in the document. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

/** Document settings key of the model copy. */
export const DOCUMENT_COPY_KEY = 'openfpa.store';
/** Document settings key of the last budget template's spec. */
export const TEMPLATE_SPEC_KEY = 'openfpa.template';

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered' } as const;

/**
 * Office's error for an address that reads nothing, in the words of the address typed: Excel says only
 * "The requested resource doesn't exist." (ItemNotFound: no sheet or table of that name) or "The
 * argument is invalid or missing or has an incorrect format." (InvalidArgument: not an address), with
 * no word of which box of the form is wrong. Other errors pass as they are.
 */
export function unreadableAddress(address: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ItemNotFound')
    return new Error(
      `Nothing found at "${address}": this workbook has no sheet or table of that name. Check the spelling, e.g. Cash!B2:M2.`,
    );
  if (code === 'InvalidArgument' || code === 'InvalidReference')
    return new Error(`"${address}" is not a range address: type one such as Cash!B2:M2, or a table's name.`);
  return error;
}

/** "'My run'!A1:B2" → ["My run", "A1:B2"]; "A1:B2" → [null, "A1:B2"]. */
export function splitAddress(address: string): [string | null, string] {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return [null, address];
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, address.slice(bang + 1)];
}

function stringSetting(s: DocumentSettings, key: string): string | null {
  const value = s.get(key);
  return typeof value === 'string' ? value : null;
}

function saveSetting(s: DocumentSettings, key: string, json: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    s.set(key, json);
    s.saveAsync((result) => (String(result.status) === 'failed' ? reject(new Error(result.error.message)) : resolve()));
  });
}

/**
 * Whether Excel can list a range's merged areas (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13).
 * The manifest asks for 1.13, so this holds wherever the add-in loads; where it would not, ranges are
 * read without filling merged areas.
 */
export const mergedAreasSupported = (): boolean =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.13') === true;

/**
 * The one place the pane reads a range's values (the selection, an address, a table): each merged
 * area's value in every cell of the area (src/sheets/merged-areas.ts), where Excel gives it in the
 * top-left cell only. The merged areas load in the same sync as the values; one more sync only when
 * an area starts outside the range (its top-left value is read then).
 */
async function readValues(context: Excel.RequestContext, range: Excel.Range, merged: boolean): Promise<RangeValues> {
  range.load('address, values');
  const areas = merged ? range.getMergedAreasOrNullObject() : null;
  areas?.load('address, isNullObject');
  await context.sync();
  const values = range.values as Cell[][];
  if (!areas || areas.isNullObject) return { address: range.address, values };
  const list = splitAreas(areas.address);
  const [, origin] = splitAddress(range.address);
  const corners = outsideTopLefts(list, origin, values.length, gridWidth(values));
  const outside = new Map<string, Cell>();
  if (corners.length) {
    const cells = corners.map((cell) => [cell, range.worksheet.getRange(cell).load('values')] as const);
    await context.sync();
    for (const [cell, r] of cells) outside.set(cell, r.values[0][0] as Cell);
  }
  return { address: range.address, values: fillMergedAreas(values, list, origin, outside) };
}

const A1 = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

export function createOfficeWorkbook(
  run: ExcelRunner = (batch) => Excel.run(batch),
  settings: () => DocumentSettings = () => Office.context.document.settings,
  merged: () => boolean = mergedAreasSupported,
): Workbook {
  return {
    label: 'Excel',
    readSelection: () => run((context) => readValues(context, context.workbook.getSelectedRange(), merged())),
    readRange: (address) =>
      run((context) => {
        const [sheet, local] = splitAddress(address);
        let range: Excel.Range;
        if (sheet) range = context.workbook.worksheets.getItem(sheet).getRange(local);
        else if (A1.test(local)) range = context.workbook.worksheets.getActiveWorksheet().getRange(local);
        else range = context.workbook.tables.getItem(local).getRange();
        return readValues(context, range, merged());
      }).catch((error: unknown) => {
        throw unreadableAddress(address, error);
      }),
    writeRange: (address, values) =>
      run(async (context) => {
        const [sheet, local] = splitAddress(address);
        const sheets = context.workbook.worksheets;
        const range = (sheet ? sheets.getItem(sheet) : sheets.getActiveWorksheet()).getRange(local);
        // Text stays text: "=…" from a reason or a name must not become a formula (literal-text.ts).
        range.values = literalValues(values);
        await context.sync();
        return address;
      }),
    addSheet: (wanted) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        const base = safeSheetName(wanted);
        let name = base;
        for (let i = 2; ; i++) {
          const existing = sheets.getItemOrNullObject(name);
          existing.load('isNullObject');
          await context.sync();
          if (existing.isNullObject) break;
          name = `${base.slice(0, 26)} (${i})`;
        }
        sheets.add(name);
        await context.sync();
        return name;
      }),
    writeTable: (sheetName, topLeft, rows, options = {}) =>
      run(async (context) => {
        const grid = rectangular(rows);
        const local = blockAddress(topLeft, grid.length, grid[0].length);
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const range = sheet.getRange(local);
        range.values = literalValues(grid);
        if (options.numberFormat && grid.length > 1) {
          const body = sheet
            .getRange(blockAddress(topLeft, grid.length, grid[0].length))
            .getOffsetRange(1, 0)
            .getResizedRange(-1, 0);
          body.numberFormat = grid
            .slice(1)
            .map((r) => r.map((v) => (typeof v === 'number' ? options.numberFormat! : 'General')));
        }
        if (options.tableName) sheet.tables.add(local, true).name = options.tableName;
        range.format.autofitColumns();
        await context.sync();
        return qualified(sheetName, local);
      }),
    addChart: (sheetName, spec) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const [, local] = splitAddress(spec.dataAddress);
        const chart = sheet.charts.add(
          CHART_TYPES[spec.kind] as Excel.ChartType,
          sheet.getRange(local),
          'Columns' as Excel.ChartSeriesBy,
        );
        chart.title.text = spec.title;
        chart.legend.visible = false;
        chart.setPosition(spec.anchor);
        await context.sync();
      }),
    readWorkbookState: (names) => readOfficeState(run, names),
    readWorkbookCells: () => readOfficeCells(run),
    applyWrites: (writes) => applyOfficeWrites(run, writes),
    loadTemplateSpec: async () => stringSetting(settings(), TEMPLATE_SPEC_KEY),
    saveTemplateSpec: (json) => saveSetting(settings(), TEMPLATE_SPEC_KEY, json),
    loadDocumentCopy: async () => stringSetting(settings(), DOCUMENT_COPY_KEY),
    saveDocumentCopy: (json) => saveSetting(settings(), DOCUMENT_COPY_KEY, json),
  };
}
