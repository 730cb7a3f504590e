/**
 * Reads budget lines from a plan/actual block selected in the workbook. The accepted layout (one
 * header row, one line per row, columns in any order, headers case-insensitive):
 *
 * | id | cost centre | account | owner | budget | plan Jan | plan Feb | … | actual Jan | actual Feb | … |
 *
 * - `id`, `cost centre` (or "cost center"), `account`, `owner`: text (id required, others default "").
 * - `plan …` / `actual …`: one column per period, in period order; the period name is the header
 *   after the word. Blank actuals are periods not yet booked.
 * - `budget` (optional): the line's current budget, the cells Apply writes; without it the current
 *   budget is the sum of the plan and proposals cannot be applied.
 */
import type { BudgetLine } from '../../src/model/budget-line';
import { columnLetters, parseCell } from '../workbook/address';
import { splitAddress } from '../workbook/office-workbook';
import type { Cell, RangeValues } from '../workbook/types';
import { qualified } from '../workbook/address';

export interface ScannedSheet {
  /** The range the lines were read from. */
  source: string;
  periods: string[];
  lines: BudgetLine[];
  /** Current budget per line (the budget column, else the plan's sum). */
  budgets: number[];
  /** Sheet-qualified address of the budget cells (one column, one row per line), or null. */
  budgetAddress: string | null;
  /** Rows skipped, with why. */
  problems: string[];
}

const norm = (v: Cell): string =>
  String(v ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
const num = (v: Cell): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : null;

/**
 * @throws Error (a message for the user) when the header misses id, plan or actual columns.
 * @example scanBudgetSheet({ address: 'S!A1:D2', values: [['id', 'plan 1', 'actual 1', 'budget'], ['L1', 10, 12, 10]] }).lines[0].actual // [12]
 */
export function scanBudgetSheet(range: RangeValues): ScannedSheet {
  const [header, ...rows] = range.values;
  if (!header) throw new Error('The selection is empty: select the plan/actual table with its header row.');
  const names = header.map(norm);
  const find = (...wanted: string[]) => names.findIndex((n) => wanted.includes(n));
  const idCol = find('id', 'line', 'line id');
  const ccCol = find('cost centre', 'cost center', 'costcentre', 'costcenter', 'cc');
  const accountCol = find('account');
  const ownerCol = find('owner');
  const budgetCol = find('budget', 'current budget');
  const planCols = names.flatMap((n, i) => (/^plan\b/.test(n) ? [i] : []));
  const actualCols = names.flatMap((n, i) => (/^actual\b/.test(n) ? [i] : []));
  if (idCol < 0) throw new Error('No "id" column in the header row.');
  if (planCols.length === 0 || actualCols.length !== planCols.length) {
    throw new Error(
      `Expected as many "actual …" columns as "plan …" columns; found ${planCols.length} plan and ${actualCols.length} actual.`,
    );
  }
  const periods = planCols.map(
    (c, i) =>
      String(header[c] ?? '')
        .trim()
        .replace(/^plan\s*/i, '') || `P${i + 1}`,
  );
  const lines: BudgetLine[] = [];
  const budgets: number[] = [];
  const problems: string[] = [];
  const rowsUsed: number[] = [];
  rows.forEach((row, r) => {
    const id = String(row[idCol] ?? '').trim();
    if (id === '') return;
    const plan = planCols.map((c) => num(row[c]));
    const actual = actualCols.map((c) => num(row[c]));
    if (plan.every((v) => v === null)) {
      problems.push(`Row ${r + 2} (${id}) has no plan values.`);
      return;
    }
    const text = (c: number) => (c < 0 ? '' : String(row[c] ?? '').trim());
    lines.push({ id, costCentre: text(ccCol), account: text(accountCol), owner: text(ownerCol), plan, actual });
    const budget = budgetCol >= 0 ? num(row[budgetCol]) : null;
    budgets.push(budget ?? plan.reduce<number>((s, v) => s + (v ?? 0), 0));
    rowsUsed.push(r + 1);
  });
  let budgetAddress: string | null = null;
  const contiguous = rowsUsed.every((r, i) => i === 0 || r === rowsUsed[i - 1] + 1);
  if (budgetCol >= 0 && lines.length > 0 && contiguous) {
    const [sheet, local] = splitAddress(range.address);
    const start = parseCell(local.split(':')[0]);
    const column = columnLetters(start.column + budgetCol);
    const first = start.row + 1 + rowsUsed[0];
    const cells = `${column}${first}:${column}${first + lines.length - 1}`;
    budgetAddress = sheet ? qualified(sheet, cells) : cells;
  } else if (budgetCol >= 0 && !contiguous)
    problems.push('Budget rows are not contiguous, so proposals cannot be written back.');
  return { source: range.address, periods, lines, budgets, budgetAddress, problems };
}
