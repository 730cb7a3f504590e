/**
 * A budget version as cells: the account × period grid FPA.BUDGET.VERSION spills, and the sheet
 * the Versions view writes (a title row naming the version, then the grid). The title row is how a
 * later write knows which version the sheet holds, so it can check nobody edited the cells since.
 */
import type { VersionLine } from '../model/budget-line';
import type { Cell } from '../model/cell';
import type { BudgetVersion } from '../model/version';
import { cellAddress } from './a1';
import { SheetErrors } from './errors';
import { gridWidth } from './sheet-value';
import { staleCells, type ExpectedCell } from './stale-cells';
import type { NumberStyle } from '../format/format-number';

/** The first cell of a version sheet's title row. */
export const VERSION_SHEET_MARK = 'OpenFPA version';

export interface VersionGrid {
  /** Accounts in ascending order (text order: "4000" < "6100"). */
  accounts: string[];
  /** Periods (YYYY-MM) in ascending order. */
  periods: string[];
  /** amounts[a][p]: the amount of account a in period p; null where the version has no line. */
  amounts: (number | null)[][];
}

/**
 * The version's lines as an account × period grid.
 * @example versionGrid([{ account: '6100', period: '2026-02', amount: 5 }, { account: '4000', period: '2026-01', amount: 7 }])
 * // { accounts: ['4000', '6100'], periods: ['2026-01', '2026-02'], amounts: [[7, null], [null, 5]] }
 */
export function versionGrid(lines: readonly VersionLine[]): VersionGrid {
  const accounts = [...new Set(lines.map((l) => l.account))].sort();
  const periods = [...new Set(lines.map((l) => l.period))].sort();
  const row = new Map(accounts.map((a, i) => [a, i]));
  const column = new Map(periods.map((p, j) => [p, j]));
  const amounts = accounts.map(() => periods.map((): number | null => null));
  for (const l of lines) amounts[row.get(l.account)!][column.get(l.period)!] = l.amount;
  return { accounts, periods, amounts };
}

/** The grid as cells: a header row (account, then each period), then one row per account (blank = no line). */
export function versionGridCells(grid: VersionGrid): Cell[][] {
  return [['account', ...grid.periods], ...grid.accounts.map((a, i) => [a, ...grid.amounts[i].map((v) => v ?? '')])];
}

type NamedVersion = Pick<BudgetVersion, 'id' | 'name' | 'kind' | 'fiscalYear' | 'costCentre'>;

/**
 * The whole sheet: the title row (mark, name, kind, fiscal year, cost centre, id; all text), then
 * the grid; rectangular. Everything but the amounts is text, and is written as text.
 */
export function versionSheetCells(version: NamedVersion, lines: readonly VersionLine[]): Cell[][] {
  const title: Cell[] = [
    VERSION_SHEET_MARK,
    version.name,
    version.kind,
    String(version.fiscalYear),
    version.costCentre,
    version.id,
  ];
  const grid = versionGridCells(versionGrid(lines));
  const width = Math.max(title.length, grid[0].length);
  const pad = (row: Cell[]): Cell[] => [...row, ...Array<Cell>(width - row.length).fill('')];
  return [pad(title), ...grid.map(pad)];
}

/** The sheet's name for a cost centre's version (31 characters at most, no characters Excel refuses). */
export const versionSheetName = (costCentre: string): string =>
  `Budget ${costCentre}`.replace(/[:\\/?*[\]']/g, ' ').slice(0, 31);

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** What a sheet holds: nothing, a version written by OpenFPA (its id and name), or something else. */
export function versionOnSheet(
  cells: ReadonlyArray<ReadonlyArray<unknown>>,
): { kind: 'empty' } | { kind: 'version'; id: string; name: string } | { kind: 'other' } {
  if (cells.every((row) => row.every(blank))) return { kind: 'empty' };
  const title = cells[0] ?? [];
  if (title[0] === VERSION_SHEET_MARK && typeof title[5] === 'string' && title[5] !== '')
    return { kind: 'version', id: title[5], name: String(title[1] ?? '') };
  return { kind: 'other' };
}

const asCell = (v: unknown): Cell =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;

/**
 * The cells of a sheet that differ from the version sheet written there (`written`), one phrase
 * each ("6100 2026-01 (C3) was 1,000, now 1,200"; cells beyond the written block must be blank).
 * Empty when nobody changed the sheet since. `style` writes the amounts (the pane's; default en-US).
 */
export function versionSheetChanges(
  written: readonly (readonly Cell[])[],
  now: ReadonlyArray<ReadonlyArray<unknown>>,
  style: NumberStyle = {},
): string[] {
  const rows = Math.max(written.length, now.length);
  const columns = Math.max(gridWidth(written), gridWidth(now));
  const expected: ExpectedCell[] = [];
  const found: Cell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const address = cellAddress(r, c);
      const inBody = r >= 2 && c >= 1 && r < written.length && c < (written[1]?.length ?? 0);
      expected.push({
        label: inBody ? `${written[r][0]} ${written[1][c]} (${address})` : address,
        value: written[r]?.[c] ?? null,
      });
      found.push(asCell(now[r]?.[c]));
    }
  return staleCells(expected, found, style);
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The lines a version sheet holds now (its grid, read back after the user edited amounts or added
 * an account row or a period column): one line per non-blank amount. Blank rows and columns are
 * skipped.
 * @throws SHEET_BAD_CELL (located) for a period header that is not YYYY-MM, an amount that is not
 *   a number, or an amount without its account
 * @example versionSheetLines([[VERSION_SHEET_MARK], ['account', '2026-01'], ['6100', 5]])
 * // [{ account: '6100', period: '2026-01', amount: 5 }]
 */
export function versionSheetLines(cells: ReadonlyArray<ReadonlyArray<unknown>>): VersionLine[] {
  const header = cells[1] ?? [];
  const periods = header.map((v, c) => {
    if (c === 0 || blank(v)) return null;
    const text = String(v).trim();
    if (!PERIOD.test(text))
      throw SheetErrors.badCell(
        cellAddress(1, c),
        `"${text}" is not a month`,
        'Write the period as YYYY-MM, e.g. 2026-03.',
      );
    return text;
  });
  const lines: VersionLine[] = [];
  for (let r = 2; r < cells.length; r++) {
    const row = cells[r];
    const account = blank(row[0]) ? '' : String(row[0]).trim();
    for (let c = 1; c < row.length; c++) {
      const amount = row[c];
      if (blank(amount)) continue;
      const at = cellAddress(r, c);
      if (typeof amount !== 'number' || !Number.isFinite(amount))
        throw SheetErrors.badCell(at, `${JSON.stringify(amount)} is not an amount`, 'Type the amount as a number.');
      const period = periods[c];
      if (!account || !period)
        throw SheetErrors.badCell(
          at,
          'holds an amount without its account or period',
          'Fill in the account in column A and the period in row 2.',
        );
      lines.push({ account, period, amount });
    }
  }
  return lines;
}
