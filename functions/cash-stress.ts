/**
 * FPA.CASH.STRESS: named shocks on a cash plan, as a cell function. Reads the flows, the shocks table
 * and an optional credit line, runs src/cash/stress-test.ts and spills one row per scenario.
 */
import { CashErrors } from '../src/cash/errors';
import { stressTable } from '../src/cash/stress-table';
import { stressTest } from '../src/cash/stress-test';
import { readCreditLine } from '../src/sheets/credit-line';
import { readShocks } from '../src/sheets/shock-table';
import { isBlank, optionalNumber, readGrid, rectangular, safely } from './adapter';
import { readFlows, readScalarOrRow } from './cash-ranges';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires any[][] for ranges. */

/**
 * Stress tests a cash plan with named shocks — collections delayed by some days, revenue down by a
 * share, a one-off outflow, a credit line cut — and reports for each the lowest cash, when it comes
 * and the periods below the minimum, with closing cash per period.
 * @customfunction CASH.STRESS
 * @helpurl https://localhost:3000/help/cash-stress.html
 * @param {any[][]} flows Net cash flow per period (inflows positive), in one row or column.
 * @param {number} opening_cash Cash at the start of period 1.
 * @param {any[][]} min_cash Minimum cash: one value, or one per period.
 * @param {any[][]} shocks Table: scenario, shock (revenue, delay, outflow, credit), value (−10% for revenue down 10% or a 10% cut; days for a delay; the amount of an outflow), period (of an outflow, or from when a cut applies).
 * @param {any[][]} [credit_line] Limit, rate per period, fee per period on the undrawn part, as a row or column or name/value pairs: the plan draws it to keep the minimum.
 * @param {any[][]} [inflows] The collections inside the flows, one per period (default: the positive part of each flow).
 * @param {number} [days_in_period] Days per period, to turn a delay into periods. Default 30.
 * @returns {any[][]} One row per scenario (the base case first): lowest cash, its period, first breach, periods in breach, peak debt, lowest headroom, then closing cash per period.
 */
export function cashStressFn(
  flows: any[][],
  opening_cash: number,
  min_cash: any[][],
  shocks: any[][],
  credit_line?: any[][],
  inflows?: any[][],
  days_in_period?: number,
): any[][] {
  return safely(() => {
    const values = readFlows(flows, 'flows');
    const opening = optionalNumber(opening_cash, 'opening_cash', NaN);
    if (Number.isNaN(opening)) throw CashErrors.invalid('opening_cash', 'is needed');
    const line = isBlank(credit_line) ? undefined : readCreditLine(readGrid(credit_line, 'credit_line'));
    const results = stressTest(
      {
        openingCash: opening,
        minCash: readScalarOrRow(min_cash, 'min_cash', values.length),
        flows: values,
        inflows: isBlank(inflows) ? undefined : readFlows(inflows, 'inflows'),
        daysInPeriod: optionalNumber(days_in_period, 'days_in_period', 30, { above: 0 }),
        creditLine: line,
      },
      readShocks(readGrid(shocks, 'shocks')),
    );
    return rectangular(stressTable(results));
  });
}
