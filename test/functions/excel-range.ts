/**
 * Builds what Excel hands a custom function for a range argument, through office-addin-mock: a mock
 * range is loaded and synced like a real Excel.Range, and its `values` grid is the argument.
 */
import { OfficeMockObject } from 'office-addin-mock';

export const BLANK = null;

/** An Excel error value as current Excel builds pass it into a custom function. */
export function errorCell(code: '#N/A' | '#DIV/0!' | '#REF!' | '#VALUE!' | '#NUM!'): unknown {
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
}

export async function rangeValues(values: unknown[][]): Promise<unknown[][]> {
  const context = new OfficeMockObject({ workbook: { range: { values } } });
  const range = context.workbook.range;
  range.load('values');
  await context.sync();
  return range.values as unknown[][];
}

export function column(values: unknown[]): unknown[][] {
  return values.map((value) => [value]);
}

/** Asserts a custom function returned an Excel error of the given code, with a message when it can show one. */
export function expectExcelError(result: unknown, code: string, messagePattern?: RegExp): void {
  expect(result).toBeInstanceOf(CustomFunctions.Error);
  const error = result as CustomFunctions.Error;
  expect(error.code).toBe(code);
  if (code === '#VALUE!' || code === '#N/A') {
    expect(typeof error.message).toBe('string');
    expect((error.message ?? '').length).toBeGreaterThan(10);
    if (messagePattern) expect(error.message).toMatch(messagePattern);
  }
}

/** Calls a custom function as Excel would, asserting that nothing is thrown out of it, and returns its result. */
export function callWithoutThrowing(fn: () => unknown): unknown {
  let result: unknown;
  expect(() => {
    result = fn();
  }).not.toThrow();
  return result;
}

/**
 * Calls an asynchronous custom function as Excel would: asserts nothing is thrown synchronously and
 * returns what its promise resolves to (the adapter's promises never reject: errors are results).
 */
export async function callAsync(fn: () => Promise<unknown>): Promise<unknown> {
  let promise: Promise<unknown> | undefined;
  expect(() => {
    promise = fn();
  }).not.toThrow();
  return await promise;
}
