/**
 * The drivers table in the pane: import from the selection and export to a sheet, in the layout
 * FPA.SCENARIO.MC reads. The layout and its rules live in src/sheets/driver-table.ts; this file
 * turns the selection into the reader's input and its problems into messages.
 */
import { driverTableValues, readDriverTable } from '../../src/sheets/driver-table';
import type { DriverRecord } from '../../src/store/schema';
import { toSheetGrid } from '../workbook/sheet-grid';
import type { Cell } from '../workbook/types';

export interface ParsedDriverTable {
  drivers: Omit<DriverRecord, 'id'>[];
  /** One message per row that could not be read, e.g. "drivers row 3, column 4 (param2): …". */
  problems: string[];
}

/**
 * Reads drivers from a range's values.
 * @throws FpaError for a blank range or one with fewer than 3 columns.
 * @example parseDriverTable([['price', 'normal', 130, 10]]).drivers[0].params // { mean: 130, sd: 10 }
 */
export function parseDriverTable(values: Cell[][]): ParsedDriverTable {
  const read = readDriverTable(toSheetGrid(values));
  const drivers = read.items.map((d) => ({
    name: d.name,
    distribution: d.distribution,
    params: Object.fromEntries(
      Object.entries(d.params).flatMap(([k, v]) => (v === undefined ? [] : [[k, typeof v === 'number' ? v : [...v]]])),
    ),
  }));
  return { drivers, problems: read.problems.map((p) => p.message) };
}

/** The drivers as table rows (header first), ready for `Workbook.writeTable`. */
export function driverTableRows(drivers: readonly Omit<DriverRecord, 'id'>[]): Cell[][] {
  return driverTableValues(drivers);
}
