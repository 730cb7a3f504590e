/**
 * The range readers the cash and working-capital functions share (FPA.CASH.*, FPA.WC.*): a row of
 * flows in which a blank is an error, and one number or one per period. Not a custom-function module.
 */
import { CashErrors } from '../src/cash/errors';
import { Errors } from '../src/errors';
import { readSeries } from './adapter';

/** A 1-D range of numbers in which a blank is an error: a missing cash flow is not a zero. */
export function readFlows(input: unknown, field: string): number[] {
  const { values } = readSeries(input, field);
  const gap = values.findIndex((v) => v === null);
  if (gap >= 0) throw CashErrors.invalid(`${field} period ${gap + 1}`, 'is blank; enter 0 if there is no flow');
  return values as number[];
}

/** One number, or one per period. */
export function readScalarOrRow(input: unknown, field: string, periods: number): number | number[] {
  const values = readFlows(input, field);
  if (values.length === 1) return values[0];
  if (values.length !== periods)
    throw Errors.badShape(field, `one value or ${periods} values (one per period)`, `${values.length} values`);
  return values;
}
