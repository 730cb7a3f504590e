/**
 * The Cash view's payables tool, behind the workbook interface: read the bills and the other flows
 * into a `cash.payables` job (the payables-timing MIP of FPA.WC.PAYABLES, src/cash/jobs.ts) and write
 * its decisions and the closing cash to a new sheet. The readers are the cell function's.
 */
import { CashErrors } from '../../src/cash/errors';
import type { PayablesJobResult } from '../../src/cash/jobs';
import type { PayablesInput } from '../../src/cash/payables-timing';
import type { NumberStyle } from '../../src/format';
import { readPayables } from '../../src/sheets/payables-table';
import { safeSheetName } from '../workbook/address';
import { toSheetGrid } from '../workbook/sheet-grid';
import type { Workbook } from '../workbook/types';
import { readFlows } from './run-cash';

export interface PayablesForm {
  /** Address of the bills table: bill, amount, due period, discount, discount by. */
  bills: string;
  /** Address of the other net flows per period, one row or column. */
  flows: string;
  openingCash: number;
  /** Closing cash must stay at or above it in every period. */
  floor: number;
}

/**
 * Reads the form's ranges, the readers' messages in `style` (the pane's numbers).
 * @throws FpaError from the readers, naming the cell ("bills row 3, column 3 (due period)"), or when
 *   the flows hold more than one row; Error when an address cannot be read.
 */
export async function readPayablesInput(
  workbook: Workbook,
  form: PayablesForm,
  style: NumberStyle = {},
): Promise<PayablesInput> {
  const rows = readFlows((await workbook.readRange(form.flows.trim())).values);
  if (rows.length !== 1) throw CashErrors.invalid('flows', `must be one row or one column (got ${rows.length} rows)`);
  const flows = rows[0];
  const invoices = readPayables(toSheetGrid((await workbook.readRange(form.bills.trim())).values), flows.length, {
    numbers: style,
  });
  return { openingCash: form.openingCash, flows, floor: form.floor, invoices };
}

/** Writes the decisions at A1 and the closing cash below them, on a new sheet; returns its name. */
export async function writePayables(
  workbook: Workbook,
  result: PayablesJobResult,
  name = 'Payables plan',
): Promise<string> {
  const sheet = await workbook.addSheet(safeSheetName(name));
  const at = await workbook.writeTable(sheet, 'A1', result.bills, { numberFormat: '#,##0.00' });
  const below = Number(/(\d+)$/.exec(at)?.[1] ?? result.bills.length) + 3;
  await workbook.writeTable(sheet, `A${below}`, result.cash, { numberFormat: '#,##0.00' });
  return sheet;
}
