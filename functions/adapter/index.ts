/** The one adapter layer every custom function uses: read, validate, compute safely, spill. */
export { readMatrix, readGrid, asGrid, excelErrorName, isBlank, cellPosition } from './cells';
export type { Cell } from './cells';
export { readSeries } from './series';
export type { SeriesRead } from './series';
export { optionalNumber, optionalString, optionalBoolean } from './args';
export type { NumberRule } from './args';
export { readOptions } from './options';
export { toExcelError, safely, safelyAsync } from './excel-error';
export { rectangular, columns, withHeader } from './spill';
export type { SpillValue } from './spill';
