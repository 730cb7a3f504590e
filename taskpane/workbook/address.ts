/** A1 address arithmetic for the workbook writers (the arithmetic itself lives in src/sheets/a1.ts). */

export { blockAddress, columnLetters, parseCell, qualified } from '../../src/sheets/a1';

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
