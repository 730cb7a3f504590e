/**
 * Actuals for a template, from a selected range or a CSV file, in one of two layouts found by the
 * header row (any case):
 *
 * - long: `cost centre | account | period | amount` (or `id | period | amount`), one amount a row,
 *   as ledgers export them (and as the team server's actuals import takes them);
 * - wide: `cost centre | account | 2025-01 | 2025-02 …` (or `id | months…`), the template's own shape.
 *
 * Every line must be one of the template's and every month one of its closed months (before the
 * first forecast month); a mismatch names the row or the column and nothing is loaded. The amounts
 * are merged over what the Actuals table holds: the file wins where it has a value.
 */
import { amountCell, optionalTextCell } from '../cells';
import { cellAt, SheetErrors } from '../errors';
import { headerRowIndex, rowsBelow } from '../headed-table';
import { isBlankValue } from '../sheet-value';
import type { SheetGrid, SheetValue } from '../sheet-value';
import { TemplateErrors } from './errors';
import { monthNumber } from './months';
import type { ResolvedTemplate } from './spec';
import { lineId } from './spec';

export const ACTUALS_TABLE = 'actuals';

/** Amounts per line id, one entry per template month (null = none in the file). */
export interface TemplateActuals {
  amounts: Map<string, (number | null)[]>;
  /** How many amounts the file gave. */
  count: number;
  /** The months the file covers, in template order. */
  months: string[];
}

const norm = (v: SheetValue): string => (isBlankValue(v) ? '' : String(v).trim().toLowerCase().replace(/\s+/g, ' '));
const CC = ['cost centre', 'cost center', 'costcentre', 'costcenter', 'cc'];

/**
 * Reads actuals against a template (see the layouts above).
 * @throws SHEET_BAD_HEADER without line columns; TEMPLATE_ACTUALS_MISMATCH for a line, month or
 *   column the template does not have; SHEET_DUPLICATE for an amount given twice; SHEET_BAD_CELL for
 *   an amount that is not a number.
 * @example readTemplateActuals([['id', '2025-01'], ['MKT/Travel', 120]], t).amounts.get('MKT/Travel')
 */
export function readTemplateActuals(grid: SheetGrid, t: ResolvedTemplate): TemplateActuals {
  const headerRow = headerRowIndex(grid, ACTUALS_TABLE, {
    problem: 'the file or selection is empty',
    hint: 'Give a header row, then the amounts.',
  });
  const header = grid[headerRow].map(norm);
  const id = header.indexOf('id');
  const cc = header.findIndex((h) => CC.includes(h));
  const account = header.indexOf('account');
  if (id < 0 && (cc < 0 || account < 0))
    throw SheetErrors.badHeader(
      ACTUALS_TABLE,
      'no "id" column and no "cost centre" and "account" columns',
      'Head the columns cost centre | account | period | amount, or cost centre | account | 2025-01 | 2025-02 ….',
    );
  const known = new Map(t.lines.map((l) => [l.id.toLowerCase(), l.id]));
  const monthIndex = new Map(t.months.map((m, i) => [m, i]));
  const amounts = new Map<string, (number | null)[]>();
  const covered = new Set<number>();
  let count = 0;
  const rows = rowsBelow(grid, headerRow);
  const lineOf = (cells: readonly SheetValue[], row: number): string => {
    const text = (c: number) => optionalTextCell(cells[c], () => cellAt(ACTUALS_TABLE, row, c + 1, header[c]));
    const key = id >= 0 ? text(id) : lineId(text(cc), text(account));
    const line = known.get(key.toLowerCase());
    if (!line)
      throw TemplateErrors.actualsMismatch(
        `${ACTUALS_TABLE} row ${row}`,
        `the line "${key}" is not in the template`,
        'Add its cost centre or account to the template first (re-run New budget workbook), or remove the row.',
        key,
      );
    return line;
  };
  const month = (label: string, at: string): number => {
    const m = monthIndex.get(label);
    if (m === undefined)
      throw TemplateErrors.actualsMismatch(
        at,
        monthNumber(label) === null
          ? `"${label}" is not a month written YYYY-MM`
          : `the month ${label} is not in the template (${t.months[0]} to ${t.months[t.months.length - 1]})`,
        'Give months of the template as YYYY-MM.',
      );
    if (m >= t.forecastIndex)
      throw TemplateErrors.actualsMismatch(
        at,
        `${label} is not before the first forecast month ${t.months[t.forecastIndex]}`,
        'Move the first forecast month past the last month with actuals (re-run New budget workbook), then load again.',
      );
    return m;
  };
  const put = (line: string, m: number, value: number | null, at: string) => {
    if (value === null) return;
    const row = amounts.get(line) ?? t.months.map(() => null);
    if (row[m] !== null) throw SheetErrors.duplicate(at, `${line} ${t.months[m]}`, 'an earlier row', 'line and month');
    row[m] = value;
    amounts.set(line, row);
    covered.add(m);
    count++;
  };
  const period = header.findIndex((h) => h === 'period' || h === 'month');
  const amount = header.indexOf('amount');
  if (period >= 0 && amount >= 0) {
    for (const { cells, row } of rows) {
      const at = `${ACTUALS_TABLE} row ${row}`;
      const line = lineOf(cells, row);
      const label = optionalTextCell(cells[period], () => cellAt(ACTUALS_TABLE, row, period + 1, 'period'));
      const m = month(label, at);
      put(
        line,
        m,
        amountCell(cells[amount], () => cellAt(ACTUALS_TABLE, row, amount + 1, 'amount')),
        at,
      );
    }
  } else {
    const keys = new Set([id, cc, account, header.indexOf('owner')]);
    const monthColumns = header.flatMap((h, c) => (keys.has(c) || h === '' || t.levels.includes(h) ? [] : [c]));
    if (monthColumns.length === 0)
      throw TemplateErrors.actualsMismatch(
        `${ACTUALS_TABLE} header`,
        'there is no period and amount column and no month column',
        'Add a column per month (2025-01, 2025-02, …), or period and amount columns.',
      );
    const at = monthColumns.map((c) => month(header[c], `${ACTUALS_TABLE} column ${c + 1} ("${header[c]}")`));
    for (const { cells, row } of rows) {
      const line = lineOf(cells, row);
      monthColumns.forEach((c, k) =>
        put(
          line,
          at[k],
          amountCell(cells[c], () => cellAt(ACTUALS_TABLE, row, c + 1, header[c])),
          `${ACTUALS_TABLE} row ${row}`,
        ),
      );
    }
  }
  if (count === 0) throw TemplateErrors.actualsMismatch(ACTUALS_TABLE, 'no amounts', 'Give at least one amount.');
  return { amounts, count, months: t.months.filter((_, m) => covered.has(m)) };
}

/**
 * The amounts a Plan or Actuals table holds now (header row first, as read from the sheet), by line
 * id and template month: what a re-run keeps. Lines or months the template no longer has are left
 * out; a text typed in an amount cell is kept as it is.
 */
export function readAmountsTable(grid: SheetGrid, months: readonly string[]): Map<string, (number | string | null)[]> {
  const out = new Map<string, (number | string | null)[]>();
  if (grid.length === 0) return out;
  const header = grid[0].map((v) => (isBlankValue(v) ? '' : String(v).trim()));
  const id = header.findIndex((h) => h.toLowerCase() === 'id');
  if (id < 0) return out;
  const columns = months.map((m) => header.indexOf(m));
  for (const row of grid.slice(1)) {
    const key = row[id];
    if (typeof key !== 'string' || key.trim() === '') continue;
    out.set(
      key.trim(),
      columns.map((c) => {
        const v = c < 0 ? null : row[c];
        return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' ? v : null;
      }),
    );
  }
  return out;
}

/** The amounts of `current` with `loaded` merged in: the file's amount where it has one. */
export function mergeActuals(
  current: ReadonlyMap<string, ReadonlyArray<number | string | null>>,
  loaded: TemplateActuals,
  t: ResolvedTemplate,
): Map<string, (number | string | null)[]> {
  const out = new Map<string, (number | string | null)[]>();
  for (const line of t.lines) {
    const was = current.get(line.id);
    const file = loaded.amounts.get(line.id);
    out.set(
      line.id,
      t.months.map((_, m) => file?.[m] ?? was?.[m] ?? null),
    );
  }
  return out;
}
