import { literalCell, literalValues } from '../../../taskpane/workbook/literal-text';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';

describe('literalCell', () => {
  test('a string Excel would read as a formula or a quote prefix gets an apostrophe', () => {
    for (const text of ['=1+1', '=HYPERLINK("x")', '+A1', '-A1*2', '-5', '@SUM(A1)', "'x", '\t=1', '\r=1', '\n=1'])
      expect(literalCell(text)).toBe(`'${text}`);
  });
  test('other cells are left as they are', () => {
    for (const cell of ['plain', 'a=b', 'Q3 +5%', '', ' =1', 0, -5, 1e300, true, false, null])
      expect(literalCell(cell)).toBe(cell);
  });
  test('literalValues maps a grid, keeping its shape', () => {
    expect(
      literalValues([
        ['=x', 1],
        [null, 'y'],
      ]),
    ).toEqual([
      ["'=x", 1],
      [null, 'y'],
    ]);
    expect(literalValues([])).toEqual([]);
  });
});

describe('the workbook double, like Excel with the quote prefix, keeps such text as text', () => {
  test('written through writeRange into a sheet, "=…" reads back as the same text, not as a formula', async () => {
    const double = createWorkbookDouble();
    await double.applyWrites([{ op: 'sheet', sheet: 'Audit' }]);
    await double.writeRange('Audit!A1:B1', [['=1+1', '+A1']]);
    const cells = await double.readWorkbookCells();
    expect(cells.sheets.Audit[0].slice(0, 2)).toEqual([
      { formula: null, value: '=1+1' },
      { formula: null, value: '+A1' },
    ]);
    expect((await double.readRange('Audit!A1:B1')).values).toEqual([['=1+1', '+A1']]);
  });
});
