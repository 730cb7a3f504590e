/**
 * The ledgers a cash forecast starts from: open invoices (receivables), bills (payables) and the
 * payment history of closed invoices. Dates are day numbers (Excel date serials). Checked row by
 * row so a bad row is named the way the user counts it ("invoices row 4").
 */
import { CashErrors } from './errors';

/** An invoice a customer has not paid yet. */
export interface OpenInvoice {
  customer: string;
  amount: number;
  /** Due date (day number). */
  due: number;
}

/** A bill the company has to pay: a committed outflow on its due date. */
export interface Bill {
  supplier: string;
  amount: number;
  due: number;
}

/** A closed invoice: paid on `paid`, or written off (`paid` null). */
export interface ClosedInvoice {
  customer: string;
  due: number;
  paid: number | null;
}

function text(value: unknown, at: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw CashErrors.invalid(at, `needs the ${what}`);
  return value.trim();
}

function day(value: unknown, at: string, what: string): number {
  if (value === null || value === undefined) throw CashErrors.invalid(at, `has no ${what}; enter the date`);
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw CashErrors.invalid(at, `${what} must be a date (got ${JSON.stringify(value)})`);
  return value;
}

function amount(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw CashErrors.invalid(at, `amount must be a number (got ${JSON.stringify(value)})`);
  if (value < 0)
    throw CashErrors.invalid(at, `amount must not be negative (got ${value}); enter credit notes as a reduction`);
  return value;
}

/** An entry of a ledger of amounts due: an open invoice (by customer) or a bill (to a supplier). */
type DueEntry<P extends 'customer' | 'supplier'> = Record<P, string> & { amount: number; due: number };

/** Checks a ledger of amounts due row by row; `table` names its rows in errors ("bills row 3"). */
function checkDue<P extends 'customer' | 'supplier'>(
  rows: ReadonlyArray<DueEntry<P>>,
  table: string,
  party: P,
  rowNumbers?: ReadonlyArray<number>,
): DueEntry<P>[] {
  return rows.map((r, i) => {
    const at = `${table} row ${rowNumbers?.[i] ?? i + 1}`;
    const checked = {
      [party]: text(r[party], at, party),
      amount: amount(r.amount, at),
      due: day(r.due, at, 'due date'),
    };
    return checked as DueEntry<P>;
  });
}

/**
 * `rowNumbers` gives each entry's row as the user counts it (default 1, 2, ...).
 * @throws FpaError CASH_INVALID_PLAN "invoices row 3 has no due date; enter the date".
 */
export function checkInvoices(rows: ReadonlyArray<OpenInvoice>, rowNumbers?: ReadonlyArray<number>): OpenInvoice[] {
  return checkDue(rows, 'invoices', 'customer', rowNumbers);
}

export function checkBills(rows: ReadonlyArray<Bill>, rowNumbers?: ReadonlyArray<number>): Bill[] {
  return checkDue(rows, 'bills', 'supplier', rowNumbers);
}

/** History rows must be closed by the as-of day (paid on or before it, or written off). */
export function checkHistory(
  rows: ReadonlyArray<ClosedInvoice>,
  asOf: number,
  rowNumbers?: ReadonlyArray<number>,
): ClosedInvoice[] {
  return rows.map((r, i) => {
    const at = `history row ${rowNumbers?.[i] ?? i + 1}`;
    const due = day(r.due, at, 'due date');
    const paid = r.paid === null || r.paid === undefined ? null : day(r.paid, at, 'paid date');
    if (paid !== null && paid > asOf)
      throw CashErrors.invalid(at, `was paid after the as-of date (${paid} > ${asOf}); list it as an open invoice`);
    return { customer: text(r.customer, at, 'customer'), due, paid };
  });
}
