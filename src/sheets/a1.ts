/**
 * A1 address arithmetic, shared by the template layouts (src/sheets/template) and the workbook
 * writers (taskpane/workbook): column letters, cells, blocks, sheet-qualified addresses.
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B3" → { row: 2, column: 1 } (0-based). */
export function parseCell(a1: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`"${a1}" is not a cell address like B3.`);
  const column =
    m[1]
      .toUpperCase()
      .split('')
      .reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

/** The A1 address of a cell, 0-based. @example cellAddress(2, 1) // 'B3' */
export const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** The A1 address of a block of `rows` × `columns` starting at `topLeft`, e.g. ("A1", 2, 3) → "A1:C2". */
export function blockAddress(topLeft: string, rows: number, columns: number): string {
  const { row, column } = parseCell(topLeft);
  const start = `${columnLetters(column)}${row + 1}`;
  const end = `${columnLetters(column + Math.max(columns, 1) - 1)}${row + Math.max(rows, 1)}`;
  return start === end ? start : `${start}:${end}`;
}

/**
 * The name of a sheet as a formula writes it: quoted when it needs to be (anything but letters,
 * digits, _ and . after a letter, and names Excel would read as a cell: A1, R1C1).
 * @example sheetReference('My plan') // "'My plan'"
 */
export const sheetReference = (sheet: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^([A-Za-z]{1,3}\d+|R\d*C\d*)$/i.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;

/** Sheet-qualified address, quoting names that need it: ("My run", "A1") → "'My run'!A1". */
export const qualified = (sheet: string, address: string): string => `${sheetReference(sheet)}!${address}`;
