/**
 * The FPA.SCENARIO.MC driver-table layout: one row per driver with name, distribution, param1..param4
 * (positional, in the order of src/scenario's DISTRIBUTION_PARAMETERS). A header row is optional.
 * Lists (discrete values/probabilities) are written as text "1;2;3".
 */
import { canonicalFamily, DISTRIBUTION_PARAMETERS } from '../../src/scenario/distributions/catalogue';
import type { DriverRecord } from '../../src/store/schema';
import type { Cell } from '../workbook/types';

export const DRIVER_TABLE_HEADER: Cell[] = ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'];

export interface ParsedDriverTable {
  drivers: Omit<DriverRecord, 'id'>[];
  /** One message per row that could not be read, e.g. "Row 3: param2 is not a number." */
  problems: string[];
}

function cellValue(cell: Cell): number | number[] | null | 'bad' {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') {
    const parts = cell
      .split(/[;,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const numbers = parts.map(Number);
    if (parts.length === 0 || numbers.some((n) => !Number.isFinite(n))) return 'bad';
    return parts.length === 1 ? numbers[0] : numbers;
  }
  return 'bad';
}

/**
 * Reads drivers from a range's values.
 * @example parseDriverTable([['price', 'normal', 130, 10]]).drivers[0].params // { mean: 130, sd: 10 }
 */
export function parseDriverTable(values: Cell[][]): ParsedDriverTable {
  const problems: string[] = [];
  const drivers: Omit<DriverRecord, 'id'>[] = [];
  const first = values[0]?.map((c) =>
    String(c ?? '')
      .toLowerCase()
      .trim(),
  );
  const start = first && first[0] === 'name' && first[1] === 'distribution' ? 1 : 0;
  values.slice(start).forEach((row, i) => {
    const rowNumber = i + start + 1;
    const name = String(row[0] ?? '').trim();
    const family = String(row[1] ?? '').trim();
    if (name === '' && family === '') return;
    const canonical = canonicalFamily(family);
    if (!canonical) {
      problems.push(`Row ${rowNumber}: distribution "${family}" is not known.`);
      return;
    }
    const names = DISTRIBUTION_PARAMETERS[canonical];
    const params: Record<string, number | number[]> = {};
    for (let k = 0; k < names.length; k++) {
      const v = cellValue(row[2 + k] ?? null);
      if (v === 'bad') {
        problems.push(`Row ${rowNumber}: param${k + 1} (${names[k]}) is not a number.`);
        return;
      }
      if (v !== null) params[names[k]] = v;
    }
    drivers.push({ name, distribution: canonical, params });
  });
  return { drivers, problems };
}

/** The drivers as table rows (header first), ready for `Workbook.writeTable`. */
export function driverTableRows(drivers: readonly Omit<DriverRecord, 'id'>[]): Cell[][] {
  return [
    DRIVER_TABLE_HEADER,
    ...drivers.map((d) => {
      const names = DISTRIBUTION_PARAMETERS[canonicalFamily(d.distribution) ?? ''] ?? [];
      const cells: Cell[] = [0, 1, 2, 3].map((k) => {
        const v = names[k] === undefined ? undefined : d.params[names[k]];
        if (v === undefined) return null;
        return Array.isArray(v) ? v.join(';') : (v as number);
      });
      return [d.name, d.distribution, ...cells];
    }),
  ];
}
