import { toSheetGrid } from '../../taskpane/workbook/sheet-grid';

describe('toSheetGrid', () => {
  it('reads the error texts Office.js returns for error cells as errors, and keeps every other value', () => {
    expect(
      toSheetGrid([
        ['id', '#N/A', 5, null],
        [true, '#DIV/0!', '#hashtag', ''],
      ]),
    ).toEqual([
      ['id', { error: '#N/A' }, 5, null],
      [true, { error: '#DIV/0!' }, '#hashtag', ''],
    ]);
  });
});
