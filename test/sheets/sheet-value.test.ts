import {
  gridWidth,
  cellError,
  describeValue,
  errorFromText,
  EXCEL_ERROR_NAMES,
  isBlankValue,
  isCellError,
} from '../../src/sheets/sheet-value';

describe('sheet values', () => {
  it('reads the error texts Office.js returns as errors, in any case, and leaves other values alone', () => {
    for (const name of EXCEL_ERROR_NAMES) expect(errorFromText(name)).toEqual({ error: name });
    expect(errorFromText(' #n/a ')).toEqual({ error: '#N/A' });
    expect(errorFromText('#DIV/0')).toBe('#DIV/0');
    expect(errorFromText('N/A')).toBe('N/A');
    expect(errorFromText(5)).toBe(5);
    expect(errorFromText(null)).toBeNull();
    expect(errorFromText(true)).toBe(true);
  });

  it('treats null, undefined, "" and non-finite numbers as blank, and nothing else', () => {
    for (const v of [null, undefined, '', NaN, Infinity, -Infinity]) expect(isBlankValue(v)).toBe(true);
    for (const v of [0, ' ', 'x', false, cellError('#N/A')]) expect(isBlankValue(v)).toBe(false);
    expect(isCellError(cellError('#REF!'))).toBe(true);
    expect(isCellError('#REF!')).toBe(false);
  });

  it('describes a cell the way messages show it', () => {
    expect(describeValue('ten')).toBe('"ten"');
    expect(describeValue(null)).toBe('a blank');
    expect(describeValue(true)).toBe('TRUE');
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(cellError('#REF!'))).toBe('the error #REF!');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
  });

  it('gives the widest row of a ragged grid, also of a whole-column selection', () => {
    expect(gridWidth([[1], [1, 2, 3], []])).toBe(3);
    expect(gridWidth([])).toBe(0);
    expect(gridWidth(Array.from({ length: 1048576 }, (_, i) => (i === 7 ? [1, 2] : [null])))).toBe(2);
  });
});
