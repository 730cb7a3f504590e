/**
 * FPA.WC.PAYABLES: the payables-timing MIP (src/cash/payables-timing.ts) as a cell function.
 */
import { payablesCashTable, payablesTable } from '../src/cash/payables-table';
import { planPayables } from '../src/cash/payables-timing';
import { CashErrors } from '../src/cash/errors';
import { readPayables } from '../src/sheets/payables-table';
import { isBlank, optionalNumber, optionalString, readGrid, rectangular, safelyAsync } from './adapter';
import { cashSolver } from './cash';
import { readFlows, readScalarOrRow } from './cash-ranges';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires any[][] for ranges. */

/**
 * Which bills to pay early for their discount and which on their due date (as late as terms
 * allow), capturing the most discount while cash stays above a floor in every period; a MIP solved
 * with glpk.js.
 * @customfunction WC.PAYABLES
 * @helpurl https://localhost:3000/help/wc-payables.html
 * @param {any[][]} bills Table: bill, amount, due period, discount for paying early (0.02 for 2%), period by which the discounted payment must be made; an optional header row.
 * @param {any[][]} flows Other net cash flows per period, in one row or column.
 * @param {number} opening_cash Cash at the start of period 1.
 * @param {any[][]} [floor] Cash floor: one value or one per period. Default 0.
 * @param {string} [output] "bills" (default): one row per bill; "cash": closing cash per period.
 * @returns {Promise<any[][]>} One row per bill: amount, due, decision (early or on due), period paid, amount paid, saved; then totals.
 */
export function wcPayablesFn(
  bills: any[][],
  flows: any[][],
  opening_cash: number,
  floor?: any[][],
  output?: string,
): Promise<any[][]> {
  return safelyAsync(async () => {
    const values = readFlows(flows, 'flows');
    const floors = isBlank(floor) ? 0 : readScalarOrRow(floor, 'floor', values.length);
    const invoices = readPayables(readGrid(bills, 'bills'), values.length);
    const opening = optionalNumber(opening_cash, 'opening_cash', NaN);
    if (Number.isNaN(opening)) throw CashErrors.invalid('opening_cash', 'is needed');
    const shape = optionalString(output, 'output', 'bills', ['bills', 'cash']);
    const plan = await planPayables(
      { openingCash: opening, flows: values, floor: floors, invoices },
      cashSolver.current,
    );
    return rectangular(shape === 'cash' ? payablesCashTable(plan) : payablesTable(invoices, plan));
  });
}
