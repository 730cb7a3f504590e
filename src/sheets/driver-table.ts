/**
 * The drivers table of FPA.SCENARIO.MC, .TORNADO, .TRIALS and the task pane's import and export:
 * one row per driver with name, distribution, param1..param4.
 *
 * - Framed by the positional-table rule (positional-table.ts): the header row is optional; blank
 *   rows and blank edge columns are ignored; columns after param4 (notes) are ignored.
 * - The distribution is a family name or alias, in any case ("PERT", "Student-T"); unknown names are
 *   refused. Parameters are positional, in the order of DISTRIBUTION_PARAMETERS (normal: mean, sd;
 *   pert: min, mode, max[, shape]; …); cells past the family's parameters are ignored.
 * - A parameter cell holds a number, a text number ("130"), or for the discrete family's values and
 *   probabilities a list in one cell, its entries separated by ";", ",", "|" or spaces
 *   ("0; 250000; 1000000"). Because "," separates entries, a text with thousands separators is
 *   refused, never read as a list or a number. A blank parameter is left out (optional ones default).
 * - Names follow the model's name rule (src/model/names.ts: a letter or _, then letters, digits, _
 *   or .) and are unique regardless of case; a repeated name is a problem of the later row.
 */
import {
  canonicalFamily,
  DISTRIBUTION_NAMES,
  DISTRIBUTION_PARAMETERS,
  isListParameter,
} from '../scenario/distributions/catalogue';
import type { DriverSpec } from '../model/driver';
import { isName, nameKey, NAME_RULE_TEXT } from '../model/names';
import { numberFromText, textCell } from './cells';
import { SheetErrors } from './errors';
import type { PositionalLayout, TableRow } from './positional-table';
import type { SheetGrid, SheetValue } from './sheet-value';
import { describeValue, isBlankValue, isCellError } from './sheet-value';
import type { CellPlace, TableRead } from './table-read';
import { readPositionalRows } from './table-read';

export const DRIVER_COLUMNS = ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'] as const;

/** The value of one parameter cell, or why it cannot be read. */
export type ParameterRead =
  | { ok: true; value: number | number[] | undefined }
  | { ok: false; kind: 'error' | 'not-a-number' | 'list'; problem: string; hint: string; error?: string };

const LIST_EXAMPLE = 'lists are written "0; 250000; 1000000"';

/**
 * Reads a parameter cell. `list` says whether the parameter takes a list (then one number is a
 * list of one).
 * @example readParameter('0; 250000; 1000000', true) // { ok: true, value: [0, 250000, 1000000] }
 * @example readParameter(' 130 ', false) // { ok: true, value: 130 }
 */
export function readParameter(value: SheetValue, list: boolean): ParameterRead {
  if (isCellError(value))
    return { ok: false, kind: 'error', problem: `holds the error ${value.error}`, hint: '', error: value.error };
  if (isBlankValue(value)) return { ok: true, value: undefined };
  if (typeof value === 'number') return { ok: true, value: list ? [value] : value };
  // "1,000; 2,000" or "0,5; 0,5": with ";" or "|" between entries, a comma between digits is a thousands or
  // decimal separator, and splitting on it would read 1, 0, 2, 0 (or 0, 5, 0, 5) without a word.
  if (typeof value === 'string' && /[;|]/.test(value) && /\d,\d/.test(value))
    return {
      ok: false,
      kind: 'not-a-number',
      problem: `holds ${describeValue(value)}, with a comma inside a number between ";"-separated entries`,
      hint: 'Write each number without thousands separators and with "." for decimals (1000; 2000, 0.5; 0.5).',
    };
  const parts = typeof value === 'string' ? value.split(/[;,|\s]+/).filter((p) => p !== '') : [];
  const numbers = parts.map(numberFromText);
  if (parts.length === 0 || numbers.some((n) => n === undefined))
    return {
      ok: false,
      kind: 'not-a-number',
      problem: `holds ${describeValue(value)}, not a number (${LIST_EXAMPLE})`,
      hint: 'Enter a number there.',
    };
  if (list) return { ok: true, value: numbers as number[] };
  if (numbers.length > 1)
    return {
      ok: false,
      kind: 'list',
      problem: `holds the list ${describeValue(value)} where one number is needed`,
      hint: 'Enter one number, without thousands separators (",", ";" and spaces separate the entries of a list).',
    };
  return { ok: true, value: numbers[0] };
}

const LAYOUT: PositionalLayout = {
  table: 'drivers',
  columns: DRIVER_COLUMNS,
  titles: ['name', 'driver', 'drivers'],
  minColumns: 3,
  extraColumns: 'ignore',
  isValue: (column, value) =>
    column === 1
      ? typeof value === 'string' && canonicalFamily(value.trim()) !== undefined
      : readParameter(value, true).ok,
};

function readDriverRow(row: TableRow, at: CellPlace): DriverSpec {
  const name = textCell(row.cells[0], at(0), "the driver's name");
  if (!isName(name)) throw SheetErrors.badCell(at(0)(), `"${name}" is not a valid name`, `Use ${NAME_RULE_TEXT}.`);
  const typed = textCell(row.cells[1], at(1), 'a distribution (normal, pert, …)');
  const family = canonicalFamily(typed);
  if (!family)
    throw SheetErrors.badCell(
      at(1)(),
      `distribution "${typed}" is not known`,
      `Use one of: ${DISTRIBUTION_NAMES.join(', ')}.`,
    );
  const params: Record<string, number | number[]> = {};
  DISTRIBUTION_PARAMETERS[family].slice(0, 4).forEach((key, k) => {
    const read = readParameter(row.cells[2 + k], isListParameter(family, key));
    if (!read.ok)
      throw read.error
        ? SheetErrors.errorCell(at(2 + k)(), read.error)
        : SheetErrors.badCell(at(2 + k)(), `parameter ${key} ${read.problem}`, read.hint);
    if (read.value !== undefined) params[key] = read.value;
  });
  return { name, distribution: family, params };
}

/**
 * Reads the drivers table. Rows that cannot be read are returned as located problems ("drivers row
 * 4, column 3 (param1): parameter min holds "lots", not a number …"), so the pane can import the rest;
 * `readAll` turns the result into the drivers or the first problem. Parameters are read, not judged:
 * whether sd > 0 or min ≤ mode is the scenario engine's check (makeDistribution).
 * @throws INPUT_EMPTY for a blank range; INPUT_BAD_SHAPE for fewer than 3 columns.
 * @example readDriverTable([['price', 'normal', 130, 10]]).items[0] // { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } }
 */
export function readDriverTable(grid: SheetGrid): TableRead<DriverSpec> {
  const firstRow = new Map<string, number>();
  return readPositionalRows(grid, LAYOUT, (row, at) => {
    const driver = readDriverRow(row, at);
    const key = nameKey(driver.name);
    const first = firstRow.get(key);
    if (first !== undefined)
      throw SheetErrors.duplicate(`drivers row ${row.row}`, driver.name, `row ${first}`, 'driver');
    firstRow.set(key, row.row);
    return driver;
  });
}

/**
 * The drivers as the table's values (header first), the layout the reader reads back: lists joined
 * with ";".
 * @example driverTableValues([{ name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } }])[1] // ['price', 'normal', 130, 10, null, null]
 */
export function driverTableValues(drivers: readonly DriverSpec[]): (string | number | null)[][] {
  return [
    [...DRIVER_COLUMNS],
    ...drivers.map((d) => {
      const names = DISTRIBUTION_PARAMETERS[canonicalFamily(d.distribution) ?? ''] ?? [];
      const cells = [0, 1, 2, 3].map((k) => {
        const v = names[k] === undefined ? undefined : d.params[names[k]];
        if (v === undefined) return null;
        return typeof v === 'number' ? v : v.join(';');
      });
      return [d.name, d.distribution, ...cells];
    }),
  ];
}
