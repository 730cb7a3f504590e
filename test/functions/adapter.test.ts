import { FpaError } from '../../src/errors';
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  readGrid,
  readMatrix,
  readSeries,
  safely,
  toExcelError,
  withHeader,
  columns,
} from '../../functions/adapter';
import { column, errorCell, rangeValues } from './excel-range';

function thrown(fn: () => unknown): FpaError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FpaError);
    return error as FpaError;
  }
  throw new Error('expected an FpaError');
}

describe('readSeries', () => {
  it('reads a column and a row in reading order', async () => {
    expect(readSeries(await rangeValues(column([1, 2, 3])), 'values').values).toEqual([1, 2, 3]);
    expect(readSeries(await rangeValues([[4, 5, 6]]), 'values').values).toEqual([4, 5, 6]);
  });

  it('keeps a single number as a one-point series', () => {
    expect(readSeries(7, 'values')).toEqual({ values: [7], blanks: 0 });
  });

  it('turns blanks (null, "", undefined) and #N/A into missing values and counts them', async () => {
    const read = readSeries(await rangeValues(column([1, null, '', undefined, errorCell('#N/A'), 6])), 'values');
    expect(read.values).toEqual([1, null, null, null, null, 6]);
    expect(read.blanks).toBe(4);
  });

  it('keeps zero as a real zero', () => {
    expect(readSeries([[0], [0], [3]], 'values').values).toEqual([0, 0, 3]);
  });

  it('rejects text with the cell position', () => {
    const error = thrown(() => readSeries(column([1, 'n/a', 3]), 'values'));
    expect(error.code).toBe('INPUT_NOT_A_NUMBER');
    expect(error.message).toMatch(/row 2/);
    expect(error.message).toMatch(/"n\/a"/);
  });

  it('rejects booleans', () => {
    expect(thrown(() => readSeries([[1, true]], 'values')).message).toMatch(/column 2 holds true/);
  });

  it('rejects error cells other than #N/A, naming the error', () => {
    const error = thrown(() => readSeries(column([1, errorCell('#DIV/0!')]), 'values'));
    expect(error.code).toBe('INPUT_ERROR_CELL');
    expect(error.message).toMatch(/#DIV\/0!/);
    expect(thrown(() => readSeries(column([{ type: 'Error', basicValue: '#REF!' }]), 'values')).message).toMatch(
      /#REF!/,
    );
  });

  it('rejects 2-D ranges and empty ranges', () => {
    expect(
      thrown(() =>
        readSeries(
          [
            [1, 2],
            [3, 4],
          ],
          'values',
        ),
      ).code,
    ).toBe('INPUT_BAD_SHAPE');
    expect(thrown(() => readSeries([], 'values')).code).toBe('INPUT_EMPTY');
    expect(thrown(() => readSeries([[null], [null]], 'values')).code).toBe('INPUT_EMPTY');
    expect(thrown(() => readSeries(undefined, 'values')).code).toBe('INPUT_EMPTY');
  });

  it('handles a huge range without stack trouble', () => {
    const big = Array.from({ length: 200_000 }, (_, i) => [i]);
    expect(readSeries(big, 'values').values.length).toBe(200_000);
  });
});

describe('readMatrix', () => {
  it('normalises a ragged 2-D array and keeps text and booleans', () => {
    expect(readMatrix([['a', 1], ['b']], 't')).toEqual([
      ['a', 1],
      ['b', null],
    ]);
    expect(readMatrix([[true, '']], 't')).toEqual([[true, null]]);
  });

  it('raises on error cells with row and column', () => {
    expect(
      thrown(() =>
        readMatrix(
          [
            [1, 2],
            [3, errorCell('#NUM!')],
          ],
          'table',
        ),
      ).message,
    ).toMatch(/row 2, column 2 holds the error #NUM!/);
  });
});

describe('readGrid', () => {
  it('hands the sheet readers blanks as null and error cells as { error }, from a mocked Excel range', async () => {
    const values = await rangeValues([
      ['a', 1, '', null],
      [true, errorCell('#DIV/0!'), errorCell('#N/A'), Infinity],
    ]);
    expect(readGrid(values, 't')).toEqual([
      ['a', 1, null, null],
      [true, { error: '#DIV/0!' }, { error: '#N/A' }, null],
    ]);
    expect(readGrid('one', 't')).toEqual([['one']]);
    expect(thrown(() => readGrid([], 't')).code).toBe('INPUT_EMPTY');
  });
});

describe('optionalNumber', () => {
  it('takes the default for omitted and blank arguments', () => {
    expect(optionalNumber(undefined, 'horizon', 12)).toBe(12);
    expect(optionalNumber(null, 'horizon', 12)).toBe(12);
    expect(optionalNumber([[null]], 'horizon', 12)).toBe(12);
  });

  it('accepts numbers, 1×1 ranges and numeric text', () => {
    expect(optionalNumber(3, 'h', 1)).toBe(3);
    expect(optionalNumber([[4]], 'h', 1)).toBe(4);
    expect(optionalNumber(' 5 ', 'h', 1)).toBe(5);
  });

  it.each([
    [0, /horizon must be a whole number from 1 to 120; got 0/],
    [1000, /got 1000/],
    [2.5, /whole number.*got 2.5/],
    ['twelve', /got "twelve"/],
    [Number.NaN, /got NaN/],
    [[[1, 2]], /single value/],
  ])('rejects horizon %p with a message', (value, pattern) => {
    expect(thrown(() => optionalNumber(value, 'horizon', 12, { integer: true, min: 1, max: 120 })).message).toMatch(
      pattern,
    );
  });

  it('applies exclusive bounds', () => {
    expect(thrown(() => optionalNumber(1.2, 'confidence', 0.95, { above: 0, below: 1 })).message).toMatch(
      /strictly between 0 and 1; got 1.2/,
    );
    expect(thrown(() => optionalNumber(0, 'confidence', 0.95, { above: 0, below: 1 })).code).toBe('INPUT_OUT_OF_RANGE');
  });
});

describe('optionalString and optionalBoolean', () => {
  it('matches allowed values case-insensitively', () => {
    expect(optionalString(' HW ', 'method', 'auto', ['auto', 'hw'])).toBe('hw');
    expect(optionalString(undefined, 'method', 'auto', ['auto'])).toBe('auto');
    expect(thrown(() => optionalString('arima9', 'method', 'auto', ['auto', 'hw'])).fullMessage).toMatch(
      /Use one of: auto, hw/,
    );
    expect(thrown(() => optionalString(3, 'method', 'auto')).code).toBe('INPUT_OUT_OF_RANGE');
  });

  it('reads TRUE/FALSE and 1/0', () => {
    expect(optionalBoolean(true, 'x', false)).toBe(true);
    expect(optionalBoolean(0, 'x', true)).toBe(false);
    expect(optionalBoolean(null, 'x', true)).toBe(true);
    expect(thrown(() => optionalBoolean('yes', 'x', true)).code).toBe('INPUT_OUT_OF_RANGE');
  });
});

describe('error mapping', () => {
  it('maps input errors to #VALUE! with message and hint', () => {
    const error = toExcelError(new FpaError('X', 'input', 'Bad thing.', 'Do this.'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('Bad thing. Do this.');
  });

  it('maps missing to #N/A with a message and numeric to a bare #NUM!', () => {
    expect(toExcelError(new FpaError('X', 'missing', 'No driver "x".', '')).code).toBe('#N/A');
    const numeric = toExcelError(new FpaError('X', 'numeric', 'overflow', ''));
    expect(numeric.code).toBe('#NUM!');
    expect(numeric.message).toBeUndefined();
  });

  it('turns unexpected exceptions into #VALUE! that asks for a report, never throws', () => {
    const result = safely(() => {
      throw new TypeError('boom');
    });
    expect(result).toBeInstanceOf(CustomFunctions.Error);
    expect((result as CustomFunctions.Error).message).toMatch(/internal problem \(boom\)/);
  });

  it('clips very long messages', () => {
    const error = toExcelError(new FpaError('X', 'input', 'x'.repeat(1000), ''));
    expect((error.message ?? '').length).toBeLessThanOrEqual(250);
  });
});

describe('spill shaping', () => {
  it('builds rectangular arrays and blanks out non-finite numbers', () => {
    expect(
      columns([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toEqual([
      [1, 3],
      [2, ''],
    ]);
    expect(withHeader(['a', 'b'], [[1], [2, 3]])).toEqual([
      ['a', 'b'],
      [1, ''],
      [2, 3],
    ]);
  });
});
