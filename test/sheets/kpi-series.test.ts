import { readKpiSeries } from '../../src/sheets/kpi-series';
import { cellError } from '../../src/sheets/sheet-value';

describe('readKpiSeries', () => {
  it('reads two rows, target first', () => {
    expect(
      readKpiSeries([
        [100, 110, 120],
        [97, 112, null],
      ]),
    ).toEqual({ target: [100, 110, 120], actual: [97, 112, null] });
  });

  it('reads two columns, and labels in either order', () => {
    expect(
      readKpiSeries([
        ['Actual', 'Target'],
        [97, 100],
        [cellError('#N/A'), 110],
      ]),
    ).toEqual({ target: [100, 110], actual: [97, null] });
    expect(
      readKpiSeries([
        ['actual', 5, ''],
        ['target', 6, 7],
      ]),
    ).toEqual({ target: [6, 7], actual: [5, null] });
  });

  it('refuses another shape and names a bad cell', () => {
    expect(() => readKpiSeries([[1, 2, 3]])).toThrow(expect.objectContaining({ code: 'SHEET_BAD_HEADER' }));
    expect(() => readKpiSeries([])).toThrow(expect.objectContaining({ code: 'SHEET_BAD_HEADER' }));
    expect(() =>
      readKpiSeries([
        [1, 2, 3],
        [4, 'lots', 6],
      ]),
    ).toThrow(
      expect.objectContaining({ code: 'SHEET_BAD_CELL', message: expect.stringContaining('KPI row 2, column 2') }),
    );
  });

  it('keeps huge magnitudes', () => {
    expect(
      readKpiSeries([
        [Number.MAX_VALUE, 1],
        [1e300, -1e300],
      ]).target[0],
    ).toBe(Number.MAX_VALUE);
  });

  it('reads two whole columns (1,048,576 rows), which overflowed the call stack from 200,000 rows', () => {
    const columns = Array.from({ length: 1048576 }, (_, i) => (i < 2 ? [100, 97] : [null, null]));
    const series = readKpiSeries(columns);
    expect(series.target).toHaveLength(1048576);
    expect(series.actual.slice(0, 3)).toEqual([97, 97, null]);
  });
});
