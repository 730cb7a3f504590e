/** The actuals import's CSV reader: one copy, in src/sheets/csv.ts, shared with the pane. */
export { parseCsv } from '../../src/sheets/csv';
