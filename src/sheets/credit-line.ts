/**
 * The credit_line argument of FPA.CASH.OPTIMIZE: limit, rate, [fee], [repay by] as a row or column
 * of numbers, or as name/value pairs (a two-column range whose first cell is text, or one text
 * "limit=1000; rate=0.01"). Numbers follow the one text-number rule of cells.ts.
 */
import type { CreditLine } from '../cash/types';
import { CashErrors } from '../cash/errors';
import { Errors } from '../errors';
import type { Cell } from '../model/cell';
import { readNameValues } from '../name-values';
import type { NumberRule, TableReadOptions } from './cells';
import { cellAt, readNumber } from './cells';
import { SheetErrors } from './errors';
import type { SheetGrid, SheetValue } from './sheet-value';
import { isBlankValue, isCellError } from './sheet-value';

const NAMES = ['limit', 'rate', 'fee', 'repay_by'] as const;

function field(value: Cell, label: string, name: string, rule: NumberRule): number {
  const read = readNumber(value, rule);
  if (read.ok) return read.value;
  // The credit line's fields are named values, not table cells: "credit_line rate must be a number".
  throw CashErrors.invalid(
    `${label} ${name}`,
    read.kind === 'rule' ? read.problem : `must be a number; got ${read.got}`,
  );
}

/** The grid with blanks as null, refusing error cells where they are. */
function plainCells(grid: SheetGrid, label: string): Cell[][] {
  return grid.map((row, r) =>
    row.map((value: SheetValue, c): Cell => {
      if (isCellError(value)) throw SheetErrors.errorCell(cellAt(label, r + 1, c + 1), value.error);
      return isBlankValue(value) ? null : (value as Cell);
    }),
  );
}

export interface CreditLineReadOptions extends TableReadOptions {
  /**
   * What the messages call the credit line: the argument's name in a cell function, the box's label
   * in the pane ("Credit line rate must be a number", not the argument the user never sees).
   * @default 'credit_line'
   */
  label?: string;
}

/**
 * Reads the credit line; undefined for an omitted (null) or blank argument.
 * @throws CASH_INVALID_PLAN naming the field ("credit_line limit must be at least 0; got -1");
 *   SHEET_ERROR_CELL for an error cell; INPUT_BAD_SHAPE for more than 4 values.
 * @example readCreditLine([['limit', 1000], ['rate', 0.01]]) // { limit: 1000, rate: 0.01 }
 */
export function readCreditLine(
  grid: SheetGrid | null,
  { numbers, label = 'credit_line' }: CreditLineReadOptions = {},
): CreditLine | undefined {
  if (grid === null || grid.length === 0) return undefined;
  const cells = plainCells(grid, label);
  let values: Cell[];
  const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : null;
  if ((cells[0].length === 2 && typeof cells[0][0] === 'string') || (typeof only === 'string' && only.includes('='))) {
    const pairs = readNameValues(cells, label, NAMES);
    values = NAMES.map((n) => pairs.get(n) ?? null);
  } else {
    values = cells.length === 1 ? cells[0] : cells.map((row) => row[0]);
    if (values.every((v) => v === null)) return undefined;
    if (values.length > 4)
      throw Errors.badShape(label, 'up to 4 values: limit, rate, fee, repay by', `${values.length} values`);
  }
  const line: CreditLine = {
    limit: field(values[0] ?? null, label, 'limit', { min: 0, numbers }),
    rate: field(values[1] ?? null, label, 'rate', { numbers }),
  };
  if (values[2] !== null && values[2] !== undefined) line.fee = field(values[2], label, 'fee', { min: 0, numbers });
  if (values[3] !== null && values[3] !== undefined)
    line.repayBy = field(values[3], label, 'repay by', { integer: true, min: 1, numbers });
  return line;
}
