/**
 * A KPI's target and actual per period, read from a selection: two rows (or two columns), the
 * target first and the actual second, one period per cell. A first cell that reads "target" or
 * "actual" labels its row (then the two may come in either order) and is not a period. Blank and
 * #N/A cells are periods without a value (null).
 */
import { amountCell, cellAt, optionalTextCell } from './cells';
import { SheetErrors } from './errors';
import type { SheetGrid, SheetValue } from './sheet-value';
import { gridWidth } from './sheet-value';

export interface KpiSeries {
  target: (number | null)[];
  actual: (number | null)[];
}

const LABELS = ['target', 'actual'] as const;

/**
 * @throws SHEET_BAD_HEADER when the selection is not two rows or two columns; SHEET_BAD_CELL /
 *   SHEET_ERROR_CELL naming a cell that is not a number
 * @example readKpiSeries([['target', 100, 110], ['actual', 97, null]]) // { target: [100, 110], actual: [97, null] }
 */
export function readKpiSeries(grid: SheetGrid): KpiSeries {
  const width = gridWidth(grid);
  const byRows = grid.length === 2;
  if (!byRows && width !== 2)
    throw SheetErrors.badHeader(
      'KPI',
      `the selection is ${grid.length} × ${width}; it must be two rows or two columns`,
      'Select the target row and the actual row (or two columns), one period per cell.',
    );
  const series: SheetValue[][] = byRows
    ? [0, 1].map((r) => Array.from({ length: width }, (_, c) => grid[r][c] ?? null))
    : [0, 1].map((c) => grid.map((row) => row[c] ?? null));
  const at = (s: number, i: number) => (byRows ? cellAt('KPI', s + 1, i + 1) : cellAt('KPI', i + 1, s + 1));
  const labels = series.map((values, s) => optionalTextCell(typeof values[0] === 'string' ? values[0] : '', at(s, 0)));
  const labelled = labels.map((l) => LABELS.indexOf(l.toLowerCase() as (typeof LABELS)[number]));
  const skip = labelled.some((l) => l >= 0) ? 1 : 0;
  const read = series.map((values, s) => values.slice(skip).map((v, i) => amountCell(v, at(s, i + skip))));
  const targetFirst = !(labelled[0] === 1 || labelled[1] === 0);
  return targetFirst ? { target: read[0], actual: read[1] } : { target: read[1], actual: read[0] };
}
