/**
 * Worksheets' used cells through Office.js, padded to A1 (row r, column c of a grid is the sheet's):
 * the one reading behind "Use this workbook's model" (office-cells.ts: formulas and values) and the
 * template's view of the workbook (office-template.ts: formulas as written).
 */

/** What to read besides the sheets' names, and which used cells. */
export interface UsedRangesRead<T> {
  /** Queues what else the read needs from the workbook (its names, its tables) for the first sync. */
  alsoLoad: (workbook: Excel.Workbook) => T;
  /** The sheets whose used ranges are read. @default every sheet */
  pick?: (sheets: Excel.Worksheet[]) => Excel.Worksheet[];
  /** The range properties to load (rowIndex, columnIndex and isNullObject come too). */
  fields: string;
  /** Used range by values only (formats ignored). @default false */
  valuesOnly?: boolean;
}

/**
 * Two syncs: every sheet's name (and what `alsoLoad` queues), then the used range of each sheet
 * `pick` keeps (a null object when the sheet is empty) with `fields` and its position.
 */
export async function readUsedRanges<T>(context: Excel.RequestContext, read: UsedRangesRead<T>) {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const loaded = read.alsoLoad(context.workbook);
  await context.sync();
  const used = (read.pick ?? ((all) => all))(sheets.items).map((s) => {
    const range = s.getUsedRangeOrNullObject(read.valuesOnly ?? false);
    range.load(`${read.fields}, rowIndex, columnIndex, isNullObject`);
    return { name: s.name, range };
  });
  await context.sync();
  return { sheets: sheets.items, used, loaded };
}

/** A used range's rows (its top-left cell at row `top`, column `left`) as from A1: empty rows above, `blank()` cells to the left. */
export function padToA1<T>(rows: readonly (readonly T[])[], top: number, left: number, blank: () => T): T[][] {
  return [
    ...Array.from({ length: top }, () => [] as T[]),
    ...rows.map((row) => [...Array.from({ length: left }, blank), ...row]),
  ];
}
