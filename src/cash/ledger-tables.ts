/**
 * Reading the ledgers of FPA.CASH.FORECAST from normalised grids (blank = null; the adapter rejected
 * error cells): open invoices, bills, payment history and other flows, each with an optional header
 * row. Errors name the row as counted inside the selected range ("bills row 4").
 */
import { Errors } from '../errors';
import { countOf } from '../format/count-of';
import type { Cell } from '../model/cell';
import { blankRow } from '../name-values';
import { CashErrors } from './errors';
import type { Bill, ClosedInvoice, OpenInvoice } from './ledgers';
import type { OtherFlow } from './other-flows';

/** Rows after an optional header (a first row of text only), with their row numbers; blank rows skipped. */
function bodyRows(grid: Cell[][]): { row: Cell[]; at: number }[] {
  const header =
    grid.length > 1 && grid[0].every((c) => c === null || typeof c === 'string') && grid[0].some((c) => c !== null);
  const first = header ? 1 : 0;
  const out: { row: Cell[]; at: number }[] = [];
  for (let r = first; r < grid.length; r++) if (!blankRow(grid[r])) out.push({ row: grid[r], at: r + 1 });
  return out;
}

function columns(grid: Cell[][], field: string, names: string): void {
  if (grid[0].length < 3) throw Errors.badShape(field, `3 columns (${names})`, countOf(grid[0].length, 'column'));
}

const label = (c: Cell): string => (c === null ? '' : String(c));
/** Numbers stay numbers; anything else is handed on as is for the ledger checks to name. */
const value = (c: Cell): number => c as number;

/** A ledger of amounts due: party (customer or supplier), amount, due date. */
function readDue<P extends 'customer' | 'supplier'>(grid: Cell[][], table: string, party: P) {
  columns(grid, table, `${party}, amount, due date`);
  const body = bodyRows(grid);
  const entries = body.map(({ row }) => ({ [party]: label(row[0]), amount: value(row[1]), due: value(row[2]) }));
  return {
    entries: entries as Array<Record<P, string> & { amount: number; due: number }>,
    rows: body.map((b) => b.at),
  };
}

/** Open invoices: customer, amount, due date. */
export function readInvoices(grid: Cell[][]): { invoices: OpenInvoice[]; rows: number[] } {
  const { entries, rows } = readDue(grid, 'invoices', 'customer');
  return { invoices: entries, rows };
}

/** Bills: supplier, amount, due date. */
export function readBills(grid: Cell[][]): { bills: Bill[]; rows: number[] } {
  const { entries, rows } = readDue(grid, 'bills', 'supplier');
  return { bills: entries, rows };
}

/** History: customer, due date, paid date — or the text "written off" (also "never") for bad debt. */
export function readHistory(grid: Cell[][]): { history: ClosedInvoice[]; rows: number[] } {
  columns(grid, 'history', 'customer, due date, paid date');
  const body = bodyRows(grid);
  const history = body.map(({ row, at }) => {
    const paid = row[2];
    if (paid === null)
      throw CashErrors.invalid(`history row ${at}`, 'has no paid date; enter the date, or "written off" for bad debt');
    const writtenOff = typeof paid === 'string' && /^(written[\s_-]*off|never)$/i.test(paid.trim());
    return { customer: label(row[0]), due: value(row[1]), paid: writtenOff ? null : value(paid) };
  });
  return { history, rows: body.map((b) => b.at) };
}

/**
 * Other flows: label, kind ("committed" or "forecast"), then values across: one per period for a
 * committed line, the history (oldest first, trailing blanks ignored) for a forecast line.
 */
export function readOtherFlows(grid: Cell[][]): OtherFlow[] {
  return bodyRows(grid).map(({ row, at }) => {
    const where = `other_flows row ${at}`;
    const kind = typeof row[1] === 'string' ? row[1].trim().toLowerCase() : '';
    if (kind !== 'committed' && kind !== 'forecast')
      throw CashErrors.invalid(where, `column 2 must say "committed" or "forecast"; got ${JSON.stringify(row[1])}`);
    let end = row.length;
    while (end > 2 && row[end - 1] === null) end--;
    const values = row.slice(2, end).map((c, k) => {
      if (typeof c !== 'number')
        throw CashErrors.invalid(
          `${where}, column ${k + 3}`,
          `must be a number; got ${c === null ? 'a blank' : JSON.stringify(c)}`,
        );
      return c;
    });
    return { name: label(row[0]).trim() || `line ${at}`, kind, values };
  });
}
