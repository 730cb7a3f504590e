import { readActualSeries } from '../../src/sheets/actual-series';

describe('readActualSeries', () => {
  test('a column or a row, a text label skipped, blanks and #N/A as missing', () => {
    expect(readActualSeries([['actual'], [140], [null], [138]])).toEqual([140, null, 138]);
    expect(readActualSeries([[1, '', { error: '#N/A' }, '2.5']])).toEqual([1, null, null, 2.5]);
    expect(readActualSeries([['12'], [13]])).toEqual([12, 13]); // a number typed as text is a value, not a label
    expect(readActualSeries([[1e300], [-1e300]])).toEqual([1e300, -1e300]);
    expect(readActualSeries([[]])).toEqual([]);
  });
  test('a block or a bad cell is refused with where it is', () => {
    expect(() =>
      readActualSeries([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/actuals: the selection is 2 × 2; it must be one row or one column/);
    expect(() => readActualSeries([['actual'], [1], ['ten']])).toThrow(/actuals row 3, column 1/);
    expect(() => readActualSeries([[1, { error: '#DIV/0!' }]])).toThrow(/actuals row 1, column 2/);
  });

  it('reads a whole-column selection (1,048,576 rows), which overflowed the call stack from 200,000 rows', () => {
    const column = Array.from({ length: 1048576 }, (_, i) => [i === 0 ? 'actual' : i <= 3 ? 100 + i : null]);
    const values = readActualSeries(column);
    expect(values).toHaveLength(1048575);
    expect(values.slice(0, 4)).toEqual([101, 102, 103, null]);
  });
});
