import { readCreditLine } from '../../src/sheets/credit-line';
import { cellError } from '../../src/sheets/sheet-value';

describe('readCreditLine', () => {
  it('reads a row, a column or name/value pairs; omitted or blank is no credit line', () => {
    expect(readCreditLine([[1000, 0.01]])).toEqual({ limit: 1000, rate: 0.01 });
    expect(readCreditLine([[1000], ['0.01'], [0.001], [6]])).toEqual({
      limit: 1000,
      rate: 0.01,
      fee: 0.001,
      repayBy: 6,
    });
    expect(
      readCreditLine([
        ['Limit', 1000],
        ['rate', 0.01],
        ['repay by', 6],
      ]),
    ).toEqual({ limit: 1000, rate: 0.01, repayBy: 6 });
    expect(readCreditLine([['limit=1000; rate=0.01']])).toEqual({ limit: 1000, rate: 0.01 });
    expect(readCreditLine(null)).toBeUndefined();
    expect(readCreditLine([[null, '']])).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(() => readCreditLine([[-1, 0.01]])).toThrow('credit_line limit must be at least 0; got -1.');
    expect(() => readCreditLine([[100, 'x']])).toThrow('credit_line rate must be a number; got "x".');
    expect(() => readCreditLine([[100, null]])).toThrow('credit_line rate must be a number; got a blank.');
    expect(() => readCreditLine([[100, 0.01, 0, 2.5]])).toThrow(
      'credit_line repay by must be a whole number; got 2.5.',
    );
    expect(() => readCreditLine([[1, 2, 3, 4, 5]])).toThrow(/up to 4 values/);
    expect(() => readCreditLine([[100, cellError('#REF!')]])).toThrow(
      'credit_line row 1, column 2: holds the error #REF!.',
    );
    expect(() => readCreditLine([['speed', 1]])).toThrow(/"speed" is not known/);
  });

  it('names the credit line by the label given (the pane’s box), in every message', () => {
    const label = 'Credit line';
    expect(() => readCreditLine([[100, 'x']], { label })).toThrow('Credit line rate must be a number; got "x".');
    expect(() => readCreditLine([[100, cellError('#REF!')]], { label })).toThrow(
      'Credit line row 1, column 2: holds the error #REF!.',
    );
    expect(() => readCreditLine([[1, 2, 3, 4, 5]], { label })).toThrow(/^Credit line must be up to 4 values/);
    expect(() => readCreditLine([['speed', 1]], { label })).toThrow(/^Credit line row 1 "speed" is not known/);
    expect(() => readCreditLine([['limit=-1; rate=0.01']], { label })).toThrow(
      'Credit line limit must be at least 0; got -1.',
    );
  });
});
