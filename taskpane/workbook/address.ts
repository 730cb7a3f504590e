/** A1 address arithmetic for the workbook writers. */

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

/** The A1 address of a block of `rows` × `columns` starting at `topLeft`, e.g. ("A1", 2, 3) → "A1:C2". */
export function blockAddress(topLeft: string, rows: number, columns: number): string {
  const { row, column } = parseCell(topLeft);
  const start = `${columnLetters(column)}${row + 1}`;
  const end = `${columnLetters(column + Math.max(columns, 1) - 1)}${row + Math.max(rows, 1)}`;
  return start === end ? start : `${start}:${end}`;
}

/** Sheet-qualified address, quoting names that need it: ("My run", "A1") → "'My run'!A1". */
export function qualified(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Pads ragged rows with null so Excel accepts the grid. */
export function rectangular<T>(rows: (T | null)[][]): (T | null)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)]));
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Scenario' : cleaned;
}
