/**
 * Readers of the sheet tables: Excel values in (a range's values, errors as `{ error }`), model
 * objects or located errors out. functions/ and taskpane/ only turn Excel's values into a
 * `SheetGrid` and these readers' errors into Excel errors or pane messages. docs/sheets.md
 * describes every layout.
 */

// What the readers take
export { cellError, describeValue, errorFromText, EXCEL_ERROR_NAMES, isBlankValue, isCellError } from './sheet-value';
export type { CellError, SheetGrid, SheetValue } from './sheet-value';

// The shared rules: cells, the frame of positional tables, row-by-row results, the catalogue
export {
  amountCell,
  numberCell,
  numberFromText,
  optionalNumberCell,
  optionalTextCell,
  readNumber,
  textCell,
} from './cells';
export type { NumberRead, NumberRule, TableReadOptions } from './cells';
export { readPositionalTable } from './positional-table';
export type { PositionalLayout, PositionalTable, TableRow } from './positional-table';
export { readAll, readEachRow } from './table-read';
export type { TableRead } from './table-read';
export { cellAt, SheetErrors } from './errors';

// Scenario drivers
export { DRIVER_COLUMNS, driverTableValues, readDriverTable, readParameter } from './driver-table';
export type { ParameterRead } from './driver-table';

// Budget lines: the pane's plan/actual table and FPA.VARIANCE.FLAGS' blocks
export { BUDGET_COLUMNS, BUDGET_TABLE, budgetTableValues, readBudgetTable } from './budget-table';
export type { BudgetTable } from './budget-table';
export { readPeriodLabels, readPlanActualBlocks } from './plan-actual-blocks';
export type { PlanActualBlocks } from './plan-actual-blocks';

// Cash: instruments, credit line, working-capital levers, stress shocks, bills to time
export { INSTRUMENT_COLUMNS, readInstruments } from './instrument-table';
export { readCreditLine } from './credit-line';
export { LEVER_COLUMNS, readLevers } from './lever-table';
export { SHOCK_COLUMNS, readShocks } from './shock-table';
export { PAYABLE_COLUMNS, readPayables } from './payables-table';
