/**
 * Worksheets' used cells through Office.js, padded to A1 (row r, column c of a grid is the sheet's):
 * the one reading behind "Use this workbook's model" (office-cells.ts: formulas and values) and the
 * template's view of the workbook (office-template.ts: formulas as written).
 */

/** Queues each sheet's used range (null object when the sheet is empty) with `fields` and its position, for the caller's next sync. */
export function loadUsedRanges(sheets: readonly Excel.Worksheet[], fields: string, valuesOnly = false) {
  return sheets.map((s) => {
    const range = s.getUsedRangeOrNullObject(valuesOnly);
    range.load(`${fields}, rowIndex, columnIndex, isNullObject`);
    return { name: s.name, range };
  });
}

/** A used range's rows (its top-left cell at row `top`, column `left`) as from A1: empty rows above, `blank()` cells to the left. */
export function padToA1<T>(rows: readonly (readonly T[])[], top: number, left: number, blank: () => T): T[][] {
  return [
    ...Array.from({ length: top }, () => [] as T[]),
    ...rows.map((row) => [...Array.from({ length: left }, blank), ...row]),
  ];
}
