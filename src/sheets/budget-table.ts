/**
 * The plan/actual table the task pane scans (Anomalies, Proposals) and the templates write: one
 * header row, then one budget line per row. Columns are found by their header, in any order and
 * any case:
 *
 * | id | cost centre | account | owner | budget | plan Jan | plan Feb | … | actual Jan | actual Feb | … |
 *
 * - `id` (also "line", "line id") is required; rows without an id are skipped (totals, notes).
 *   Ids must differ (exactly); a repeated id is a problem of the later row.
 * - `cost centre` ("cost center", "costcentre", "cc"), `account`, `owner`: optional text.
 * - `plan <period>` / `actual <period>`: one column each per period, as many actual as plan columns,
 *   or fewer when each names a plan period (in order): the periods without one are not booked yet;
 *   the period is the header after the word. When the two lists name the same periods in another
 *   order the table is refused rather than misaligned.
 * - Amounts are numbers or text numbers (cells.ts); a blank or #N/A is a missing value (an actual
 *   not yet booked); any other text or error is a problem of that row, which is then left out.
 *   A line needs at least one plan value.
 * - `budget` (optional): the line's current budget, the cells a proposal writes back; blank (or
 *   #N/A) means the plan's total.
 * - Blank rows above the header are skipped. Rows and columns in messages count inside the range.
 * - A blank header cell right of a plan or actual column, over a column that holds values, is refused
 *   (a header merged over the months, or on two rows, would otherwise read as one period). So are two
 *   or more plan (or actual) headers without a period: the same merged header as the pane reads it,
 *   its value in every cell of the merged area.
 */
import type { BudgetLine } from '../model/budget-line';
import { amountCell, cellAt, numberFromText, optionalTextCell } from './cells';
import { SheetErrors } from './errors';
import { headerRowIndex } from './headed-table';
import type { SheetGrid, SheetValue } from './sheet-value';
import { gridWidth, isBlankValue, isCellError } from './sheet-value';
import type { TableRead } from './table-read';
import { readEachRow } from './table-read';

export const BUDGET_TABLE = 'plan/actual table';

/** Header names of the line columns, each with the spellings read. */
export const BUDGET_COLUMNS = {
  id: ['id', 'line', 'line id'],
  costCentre: ['cost centre', 'cost center', 'costcentre', 'costcenter', 'cc'],
  account: ['account'],
  owner: ['owner'],
  budget: ['budget', 'current budget'],
} as const;

type Key = keyof typeof BUDGET_COLUMNS;

export interface BudgetTable extends TableRead<BudgetLine> {
  /** Period labels, from the plan headers ("Jan"), or P1, P2… where a header has none. */
  periods: string[];
  /** The lines (same as `items`). */
  lines: BudgetLine[];
  /** Each line's current budget: its budget cell, or the plan's total. */
  budgets: number[];
  /** 1-based column of the budget column inside the range, or null without one. */
  budgetColumn: number | null;
}

const norm = (v: SheetValue): string =>
  isBlankValue(v) || isCellError(v) ? '' : String(v).trim().toLowerCase().replace(/\s+/g, ' ');

interface Header {
  row: number;
  keys: Record<Key, number>;
  plan: number[];
  /** One per plan period; -1 where the sheet has no actual column for it yet. */
  actual: number[];
  /** The header cell as typed, for messages ("plan Mar"). */
  names: string[];
  periods: string[];
}

function label(header: string, word: string): string {
  return header.replace(new RegExp(`^${word}\\s*`, 'i'), '').trim();
}

/**
 * A header merged over several columns, or on two rows ("plan" above "Jan", "Feb", …), leaves the
 * header cells after a plan or actual column blank: their amounts would be dropped without a word.
 * @throws SHEET_BAD_HEADER naming the first such column that holds a value below the header
 */
function mergedHeader(
  grid: SheetGrid,
  row: number,
  names: readonly string[],
  periodic: ReadonlySet<number>,
  idColumn: number,
): void {
  const width = gridWidth(grid);
  // An amount on a line's row (a notes column without a header, or a total row's label, is not one).
  const amount = (r: ReadonlyArray<SheetValue>, c: number): boolean =>
    !isBlankValue(r[idColumn]) &&
    (typeof r[c] === 'number' || (typeof r[c] === 'string' && numberFromText(r[c]) !== undefined));
  let from = -1; // the plan or actual column a run of blank header cells follows
  for (let c = 0; c < width; c++) {
    if (periodic.has(c)) from = c;
    else if ((names[c] ?? '') !== '') from = -1;
    else if (from >= 0 && grid.some((r, i) => i > row && amount(r, c)))
      throw SheetErrors.badHeader(
        BUDGET_TABLE,
        `column ${c + 1} has no header but holds values, right of "${names[from]}" (column ${from + 1}); a header merged over several columns, or on two rows, is not read`,
        'Give every period its own header cell: "plan Jan", "plan Feb", …, "actual Jan", "actual Feb", ….',
      );
  }
}

/**
 * A header merged over the months reads, once the pane gives every cell of a merged area its value
 * (merged-areas.ts), as the same "plan" (or "actual") in each column: periods without a label.
 * @throws SHEET_BAD_HEADER naming the header and its columns when two or more carry it
 */
function unlabelledRepeat(names: readonly string[], word: string, columns: readonly number[]): void {
  const bare = columns.filter((c) => label(names[c], word) === '');
  if (bare.length < 2) return;
  const listed = bare.map((c) => c + 1);
  throw SheetErrors.badHeader(
    BUDGET_TABLE,
    `the header names "${names[bare[0]]}" without a period in columns ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}; a header merged over several columns, or on two rows, is not read`,
    `Give every period its own header cell: "${word} Jan", "${word} Feb", ….`,
  );
}

/**
 * Fewer actual than plan columns (a sheet that adds an actual column as each month closes): each actual
 * column goes to the plan period of the same label, -1 where a period has none yet; null when the labels
 * do not pair up that way (blank, unknown, repeated or out of order).
 * @example actualsByPeriod(['id', 'plan jan', 'plan feb', 'actual jan'], [1, 2], [3]) // [3, -1]
 */
function actualsByPeriod(normal: readonly string[], plan: number[], actual: number[]): number[] | null {
  const periods = plan.map((c) => label(normal[c], 'plan'));
  if (periods.some((p) => p === '') || new Set(periods).size !== periods.length) return null;
  const out = plan.map(() => -1);
  let last = -1;
  for (const c of actual) {
    const at = periods.indexOf(label(normal[c], 'actual'));
    if (at <= last) return null;
    out[at] = c;
    last = at;
  }
  return out;
}

function readHeader(grid: SheetGrid): Header {
  const row = headerRowIndex(grid, BUDGET_TABLE, {
    problem: 'the selection is empty',
    hint: 'Select the plan/actual table with its header row.',
  });
  const cells = grid[row];
  const names = cells.map((v) => (isBlankValue(v) || isCellError(v) ? '' : String(v).trim()));
  const normal = cells.map(norm);
  const keys = {} as Record<Key, number>;
  for (const key of Object.keys(BUDGET_COLUMNS) as Key[]) {
    const found = normal.flatMap((n, c) => ((BUDGET_COLUMNS[key] as readonly string[]).includes(n) ? [c] : []));
    if (found.length > 1)
      throw SheetErrors.badHeader(
        BUDGET_TABLE,
        `the header names "${BUDGET_COLUMNS[key][0]}" twice (columns ${found.map((c) => c + 1).join(' and ')})`,
        'Rename or remove one of them; a header cell merged over two columns names both.',
      );
    keys[key] = found.length ? found[0] : -1;
  }
  if (keys.id < 0)
    throw SheetErrors.badHeader(
      BUDGET_TABLE,
      'No "id" column in the header row',
      'Add an "id" column naming each line, and select the table with its header row.',
    );
  const plan = normal.flatMap((n, c) => (/^plan\b/.test(n) ? [c] : []));
  const given = normal.flatMap((n, c) => (/^actual\b/.test(n) ? [c] : []));
  for (const [word, columns] of [
    ['plan', plan],
    ['actual', given],
  ] as const)
    unlabelledRepeat(names, word, columns);
  const actual =
    given.length > 0 && given.length < plan.length ? (actualsByPeriod(normal, plan, given) ?? given) : given;
  if (plan.length === 0 || actual.length !== plan.length)
    throw SheetErrors.badHeader(
      BUDGET_TABLE,
      `Expected as many "actual …" columns as "plan …" columns; found ${plan.length} plan and ${actual.length} actual`,
      'Give each period a "plan <period>" and an "actual <period>" column.',
    );
  mergedHeader(grid, row, names, new Set([...plan, ...given]), keys.id);
  const periods = plan.map((c) => label(names[c], 'plan'));
  const actualPeriods = actual.map((c) => (c < 0 ? '' : label(names[c], 'actual')));
  const sameSet = [...periods].sort().join('\u0000') === [...actualPeriods].sort().join('\u0000');
  if (sameSet && periods.some((p, i) => p.toLowerCase() !== actualPeriods[i].toLowerCase()))
    throw SheetErrors.badHeader(
      BUDGET_TABLE,
      `the actual columns (${actualPeriods.join(', ')}) are not in the order of the plan columns (${periods.join(', ')})`,
      'Put the "actual …" columns in the same period order as the "plan …" columns.',
    );
  return { row, keys, plan, actual, names, periods: periods.map((p, i) => p || `P${i + 1}`) };
}

/**
 * Reads the plan/actual table. Row problems (an amount that is not a number, a repeated id, a line
 * without plan) are returned located, and those rows left out; the others are read.
 * @throws SHEET_BAD_HEADER when the range is empty, the header has no id column, a column twice,
 *   "plan" (or "actual") without a period twice, or plan and actual columns that do not pair up.
 * @example readBudgetTable([['id', 'plan 1', 'actual 1', 'budget'], ['L1', 10, 12, 10]]).lines[0].actual // [12]
 */
export function readBudgetTable(grid: SheetGrid): BudgetTable {
  const header = readHeader(grid);
  const { keys } = header;
  const at = (row: number, c: number): string => cellAt(BUDGET_TABLE, row, c + 1, header.names[c]);
  const rows = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r];
    const id = cells[keys.id];
    if (isBlankValue(id) || (typeof id === 'string' && id.trim() === '')) continue;
    rows.push({ cells, row: r + 1 });
  }
  const firstRow = new Map<string, number>();
  const budgets: number[] = [];
  const read = readEachRow(rows, ({ cells, row }) => {
    const text = (key: Key): string =>
      keys[key] < 0 ? '' : optionalTextCell(cells[keys[key]], () => at(row, keys[key]));
    const id = text('id');
    const plan = header.plan.map((c) => amountCell(cells[c], () => at(row, c)));
    const actual = header.actual.map((c) => (c < 0 ? null : amountCell(cells[c], () => at(row, c))));
    const line: BudgetLine = {
      id,
      costCentre: text('costCentre'),
      account: text('account'),
      owner: text('owner'),
      plan,
      actual,
    };
    if (plan.every((v) => v === null))
      throw SheetErrors.badCell(
        `${BUDGET_TABLE} row ${row} (${id})`,
        'has no plan values',
        'Enter its plan, or leave the line out.',
      );
    const budget = keys.budget < 0 ? null : amountCell(cells[keys.budget], () => at(row, keys.budget));
    const first = firstRow.get(id);
    if (first !== undefined) throw SheetErrors.duplicate(`${BUDGET_TABLE} row ${row}`, id, `row ${first}`, 'line');
    firstRow.set(id, row);
    budgets.push(budget ?? plan.reduce<number>((s, v) => s + (v ?? 0), 0));
    return line;
  });
  return {
    ...read,
    periods: header.periods,
    lines: read.items,
    budgets,
    budgetColumn: keys.budget < 0 ? null : keys.budget + 1,
  };
}

/**
 * The plan/actual table's values for lines (header first), the layout `readBudgetTable` reads back:
 * id, cost centre, account, owner, [budget], plan <period>…, actual <period>…; a missing amount is a
 * blank. With `budgets`, a budget column holds each line's current budget.
 * @example budgetTableValues(['Jan'], [{ id: 'L1', costCentre: 'MKT', account: 'Ads', owner: 'mia', plan: [10], actual: [null] }])
 *   // [['id', 'cost centre', 'account', 'owner', 'plan Jan', 'actual Jan'], ['L1', 'MKT', 'Ads', 'mia', 10, null]]
 */
export function budgetTableValues(
  periods: readonly string[],
  lines: readonly BudgetLine[],
  budgets?: readonly number[],
): (string | number | null)[][] {
  const amounts = (values: ReadonlyArray<number | null>) => periods.map((_, t) => values[t] ?? null);
  const header = [
    BUDGET_COLUMNS.id[0],
    BUDGET_COLUMNS.costCentre[0],
    BUDGET_COLUMNS.account[0],
    BUDGET_COLUMNS.owner[0],
    ...(budgets ? [BUDGET_COLUMNS.budget[0]] : []),
    ...periods.map((p) => `plan ${p}`),
    ...periods.map((p) => `actual ${p}`),
  ];
  return [
    header,
    ...lines.map((l, i) => [
      l.id,
      l.costCentre,
      l.account,
      l.owner,
      ...(budgets ? [budgets[i] ?? null] : []),
      ...amounts(l.plan),
      ...amounts(l.actual),
    ]),
  ];
}
