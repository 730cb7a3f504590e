/**
 * A range's values as the sheet-table readers of src/sheets take them. Office.js returns an error
 * cell's value as its text ("#DIV/0!"); the readers need to know it is an error, to name the cell
 * rather than read a text.
 */
import { errorFromText } from '../../src/sheets/sheet-value';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import type { Cell } from './types';

/** @example toSheetGrid([['x', '#N/A']]) // [['x', { error: '#N/A' }]] */
export function toSheetGrid(values: readonly (readonly Cell[])[]): SheetGrid {
  return values.map((row) => row.map(errorFromText));
}
