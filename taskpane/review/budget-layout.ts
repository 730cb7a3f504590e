/**
 * Reads budget lines from a plan/actual block selected in the workbook. The layout and its rules
 * (columns by header, amounts, ids, the budget column) live in src/sheets/budget-table.ts and
 * docs/review.md; this file turns the selection into the reader's input, the reader's problems into
 * messages, and the budget column into the cells a proposal writes back.
 */
import type { BudgetLine } from '../../src/model/budget-line';
import { readBudgetTable } from '../../src/sheets/budget-table';
import { columnLetters, parseCell, qualified } from '../workbook/address';
import { splitAddress } from '../workbook/office-workbook';
import { toSheetGrid } from '../workbook/sheet-grid';
import type { RangeValues } from '../workbook/types';

export interface ScannedSheet {
  /** The range the lines were read from. */
  source: string;
  periods: string[];
  lines: BudgetLine[];
  /** Current budget per line (the budget column, else the plan's sum). */
  budgets: number[];
  /** Sheet-qualified address of the budget cells (one column, one row per line), or null. */
  budgetAddress: string | null;
  /** Rows left out, with why. */
  problems: string[];
}

/**
 * @throws FpaError (its message is for the user) when the header misses id, plan or actual columns.
 * @example scanBudgetSheet({ address: 'S!A1:D2', values: [['id', 'plan 1', 'actual 1', 'budget'], ['L1', 10, 12, 10]] }).lines[0].actual // [12]
 */
export function scanBudgetSheet(range: RangeValues): ScannedSheet {
  const table = readBudgetTable(toSheetGrid(range.values));
  const problems = table.problems.map((p) => p.message);
  const { rows, budgetColumn } = table;
  let budgetAddress: string | null = null;
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (budgetColumn !== null && rows.length > 0 && contiguous) {
    const [sheet, local] = splitAddress(range.address);
    const start = parseCell(local.split(':')[0]);
    const column = columnLetters(start.column + budgetColumn - 1);
    const first = start.row + rows[0];
    const cells = `${column}${first}:${column}${first + rows.length - 1}`;
    budgetAddress = sheet ? qualified(sheet, cells) : cells;
  } else if (budgetColumn !== null && !contiguous)
    problems.push('Budget rows are not contiguous, so proposals cannot be written back.');
  return {
    source: range.address,
    periods: table.periods,
    lines: table.lines,
    budgets: table.budgets,
    budgetAddress,
    problems,
  };
}
