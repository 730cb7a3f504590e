/**
 * The plan/actual layout of FPA.VARIANCE.FLAGS: a plan block and an actual block of the same shape,
 * one row per budget line and one column per period (a single column is one line down the rows),
 * and optional labels, one per line.
 *
 * Amounts follow the same rule as the pane's plan/actual table (budget-table.ts): a number or a text
 * number; a blank or #N/A is a missing value (an actual not booked yet); other text, TRUE/FALSE and
 * other errors are refused, naming the cell. Labels default to "line 1", "line 2", … and must differ.
 * Period labels (readPeriodLabels), one per column of the blocks, name the periods in the flags.
 */
import type { BudgetLine } from '../model/budget-line';
import { Errors } from '../errors';
import { amountCell, cellAt, optionalTextCell } from './cells';
import { SheetErrors } from './errors';
import { datedPeriods } from './period-dates';
import type { SheetGrid } from './sheet-value';
import { gridWidth } from './sheet-value';

export interface PlanActualBlocks {
  plan: SheetGrid;
  actual: SheetGrid;
  /** One label per line, in any shape (read row by row); null or undefined for the defaults. */
  labels?: SheetGrid | null;
}

/** Lines × periods of amounts, with each cell named where it sits in the range. */
function readBlock(grid: SheetGrid, field: string): (number | null)[][] {
  const width = gridWidth(grid);
  if (grid.length === 0 || width === 0) throw Errors.empty(field);
  const amount = (r: number, c: number) => amountCell(grid[r][c], () => cellAt(field, r + 1, c + 1));
  if (width === 1 && grid.length > 1) return [grid.map((_, r) => amount(r, 0))];
  return grid.map((_, r) => Array.from({ length: width }, (_, c) => amount(r, c)));
}

function readLabels(grid: SheetGrid | null | undefined, count: number): string[] {
  if (grid === null || grid === undefined) return Array.from({ length: count }, (_, i) => `line ${i + 1}`);
  const cells = grid.flatMap((row, r) => row.map((value, c) => ({ value, at: cellAt('labels', r + 1, c + 1) })));
  if (cells.length !== count) throw Errors.badShape('labels', `${count} label(s), one per line`, `${cells.length}`);
  return cells.map(({ value, at }, i) => optionalTextCell(value, at, false) || `line ${i + 1}`);
}

/**
 * Reads the plan and actual blocks into budget lines (id = label; cost centre, account and owner
 * empty).
 * @throws INPUT_EMPTY for an empty block; SHEET_BAD_CELL / SHEET_ERROR_CELL naming the cell
 *   ("plan row 2, column 5"); INPUT_BAD_SHAPE when actual or labels do not match plan;
 *   SHEET_DUPLICATE for a repeated label.
 * @example readPlanActualBlocks({ plan: [[100, 100]], actual: [[90, null]] })[0].actual // [90, null]
 */
export function readPlanActualBlocks(input: PlanActualBlocks): BudgetLine[] {
  const plan = readBlock(input.plan, 'plan');
  const actual = readBlock(input.actual, 'actual');
  const periods = plan[0].length;
  if (actual.length !== plan.length || actual[0].length !== periods)
    throw Errors.badShape(
      'actual',
      `the same shape as plan (${plan.length} × ${periods})`,
      `${actual.length} × ${actual[0].length}`,
    );
  const names = readLabels(input.labels, plan.length);
  const first = new Map<string, number>();
  names.forEach((name, i) => {
    const seen = first.get(name);
    if (seen !== undefined) throw SheetErrors.duplicate(`labels entry ${i + 1}`, name, `entry ${seen + 1}`, 'line');
    first.set(name, i);
  });
  return plan.map((row, i) => ({ id: names[i], costCentre: '', account: '', owner: '', plan: row, actual: actual[i] }));
}

/**
 * The period labels of the blocks, one per period (in any shape, read row by row), as text: a number
 * reads as its text ("2026"), a blank cell as "period n". A row of dates (a header formatted "Jan-26"
 * arrives as date serials) reads as "Jan 2026", "Q1 2026" or "2026-W05" by its spacing (datedPeriods).
 * Null or undefined: no labels.
 * @throws INPUT_BAD_SHAPE when the count differs from `periods`; SHEET_ERROR_CELL for an error cell.
 * @example readPeriodLabels([['Jan', 'Feb', null]], 3) // ["Jan", "Feb", "period 3"]
 * @example readPeriodLabels([[46023, 46054]], 2) // ["Jan 2026", "Feb 2026"]
 */
export function readPeriodLabels(grid: SheetGrid | null | undefined, periods: number): string[] | undefined {
  if (grid === null || grid === undefined) return undefined;
  const cells = grid.flatMap((row, r) => row.map((value, c) => ({ value, at: cellAt('periods', r + 1, c + 1) })));
  if (cells.length !== periods)
    throw Errors.badShape('periods', `${periods} label(s), one per period`, `${cells.length}`);
  const dated = datedPeriods(cells.map(({ value }) => value));
  if (dated) return dated.labels;
  return cells.map(({ value, at }, i) => optionalTextCell(value, at) || `period ${i + 1}`);
}
