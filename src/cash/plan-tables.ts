/**
 * Reading the cash tables a user types into a sheet (instruments, credit line, levers) from
 * normalised grids of cells (blank = null; the Excel adapter has already rejected error cells). Errors name the row and column at fault, counted inside the range selected.
 */
import { Errors } from '../errors';
import { CashErrors } from './errors';
import type { CreditLine, Instrument } from './types';
import type { Lever } from './wc-levers';
import type { Cell } from '../model/cell';
import { blankRow, readNameValues } from '../name-values';

export const INSTRUMENT_COLUMNS = ['name', 'term', 'rate', 'min', 'max', 'lot', 'from', 'to'] as const;
export const LEVER_COLUMNS = ['lever', 'current', 'target', 'daily amount', 'cost per day'] as const;

/** A table with an optional header row (a first row of text only) and blank rows skipped. */
function tableRows(grid: Cell[][]): { rows: Cell[][]; first: number } {
  const header =
    grid[0].every((c) => c === null || typeof c === 'string') &&
    grid[0].some((c) => typeof c === 'string') &&
    grid.length > 1 &&
    grid[0].slice(1).some((c) => typeof c === 'string');
  return { rows: header ? grid.slice(1) : grid, first: header ? 2 : 1 };
}

function numberAt(cell: Cell, where: string, rule: { integer?: boolean; min?: number; above?: number }): number {
  const value = typeof cell === 'string' && cell.trim() !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell;
  if (typeof value !== 'number')
    throw CashErrors.invalid(where, `must be a number; got ${cell === null ? 'a blank' : JSON.stringify(cell)}`);
  if (rule.integer && !Number.isInteger(value)) throw CashErrors.invalid(where, `must be a whole number; got ${value}`);
  if (rule.min !== undefined && value < rule.min)
    throw CashErrors.invalid(where, `must be at least ${rule.min}; got ${value}`);
  if (rule.above !== undefined && value <= rule.above)
    throw CashErrors.invalid(where, `must be above ${rule.above}; got ${value}`);
  return value;
}

/**
 * Instruments: one row each, columns name, term, rate, [min], [max], [lot], [from], [to].
 * @throws FpaError CASH_INVALID_PLAN naming "instruments row R, column C (name)".
 */
export function readInstruments(grid: Cell[][]): Instrument[] {
  const { rows, first } = tableRows(grid);
  const out: Instrument[] = [];
  rows.forEach((row, i) => {
    if (blankRow(row)) return;
    const at = (c: number): string => `instruments row ${first + i}, column ${c + 1} (${INSTRUMENT_COLUMNS[c]})`;
    if (row.length < 3)
      throw Errors.badShape('instruments', 'at least 3 columns: name, term, rate', `${row.length} columns`);
    if (row.length > INSTRUMENT_COLUMNS.length)
      throw Errors.badShape(
        'instruments',
        `at most ${INSTRUMENT_COLUMNS.length} columns (${INSTRUMENT_COLUMNS.join(', ')})`,
        `${row.length} columns`,
      );
    if (row[0] === null || String(row[0]).trim() === '') throw CashErrors.invalid(at(0), 'must name the instrument');
    const ins: Instrument = {
      name: String(row[0]).trim(),
      term: numberAt(row[1], at(1), { integer: true, min: 1 }),
      rate: numberAt(row[2], at(2), { above: -1 }),
    };
    if (row[3] !== null && row[3] !== undefined) ins.min = numberAt(row[3], at(3), { min: 0 });
    if (row[4] !== null && row[4] !== undefined) ins.max = numberAt(row[4], at(4), { min: ins.min ?? 0 });
    if (row[5] !== null && row[5] !== undefined) ins.lot = numberAt(row[5], at(5), { above: 0 });
    if (row[6] !== null && row[6] !== undefined) ins.from = numberAt(row[6], at(6), { integer: true, min: 1 });
    if (row[7] !== null && row[7] !== undefined)
      ins.to = numberAt(row[7], at(7), { integer: true, min: ins.from ?? 1 });
    if (out.some((o) => o.name === ins.name)) throw CashErrors.duplicateInstrument(ins.name, first + i);
    out.push(ins);
  });
  return out;
}

/**
 * Credit line: limit, rate, [fee], [repay by] as a row or column of numbers, or as name/value pairs.
 * Returns undefined for an omitted or blank argument.
 */
export function readCreditLine(grid: Cell[][] | null): CreditLine | undefined {
  if (grid === null) return undefined;
  const names = ['limit', 'rate', 'fee', 'repay_by'] as const;
  let values: Cell[];
  if (grid[0].length === 2 && typeof grid[0][0] === 'string') {
    const pairs = readNameValues(grid, 'credit_line', names);
    values = names.map((n) => pairs.get(n) ?? null);
  } else {
    values = grid.length === 1 ? grid[0] : grid.map((row) => row[0]);
    if (values.every((v) => v === null)) return undefined;
    if (values.length > 4)
      throw Errors.badShape('credit_line', 'up to 4 values: limit, rate, fee, repay by', `${values.length} values`);
  }
  const line: CreditLine = {
    limit: numberAt(values[0] ?? null, 'credit_line limit', { min: 0 }),
    rate: numberAt(values[1] ?? null, 'credit_line rate', {}),
  };
  if (values[2] !== null && values[2] !== undefined) line.fee = numberAt(values[2], 'credit_line fee', { min: 0 });
  if (values[3] !== null && values[3] !== undefined)
    line.repayBy = numberAt(values[3], 'credit_line repay by', { integer: true, min: 1 });
  return line;
}

/** Levers: one row each, columns lever, current, target, daily amount, cost per day. */
export function readLevers(grid: Cell[][]): Lever[] {
  const { rows, first } = tableRows(grid);
  const out: Lever[] = [];
  rows.forEach((row, i) => {
    if (blankRow(row)) return;
    if (row.length !== LEVER_COLUMNS.length)
      throw Errors.badShape(
        'levers',
        `${LEVER_COLUMNS.length} columns (${LEVER_COLUMNS.join(', ')})`,
        `${row.length} columns`,
      );
    const at = (c: number): string => `levers row ${first + i}, column ${c + 1} (${LEVER_COLUMNS[c]})`;
    if (row[0] === null) throw CashErrors.invalid(at(0), 'must name the lever');
    out.push({
      name: String(row[0]),
      current: numberAt(row[1], at(1), { min: 0 }),
      target: numberAt(row[2], at(2), { min: 0 }),
      dailyBase: numberAt(row[3], at(3), { min: 0 }),
      costPerDay: numberAt(row[4], at(4), { min: 0 }),
    });
  });
  if (out.length === 0) throw Errors.empty('levers');
  return out;
}
