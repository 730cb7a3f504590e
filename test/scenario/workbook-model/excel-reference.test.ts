import { cellName, findReferences } from '../../../src/scenario/workbook-model/excel-reference';

const refs = (formula: string, sheet = 'Here') =>
  findReferences(formula, sheet).map((f) => [formula.slice(f.start, f.end), f.ref]);

describe('findReferences', () => {
  test('cells, absolute cells, ranges, sheets plain and quoted (with an escaped quote)', () => {
    expect(refs("=B1*$C$2+SUM(Inputs!A1:B3)-'Bob''s plan'!$D10")).toEqual([
      ['B1', { sheet: 'Here', top: 0, left: 1, bottom: 0, right: 1 }],
      ['$C$2', { sheet: 'Here', top: 1, left: 2, bottom: 1, right: 2 }],
      ['Inputs!A1:B3', { sheet: 'Inputs', top: 0, left: 0, bottom: 2, right: 1 }],
      ["'Bob''s plan'!$D10", { sheet: "Bob's plan", top: 9, left: 3, bottom: 9, right: 3 }],
    ]);
  });
  test('a reversed range is normalised; AA and three-letter columns', () => {
    expect(refs('=SUM(C5:A1)+AA10+XFD1')).toEqual([
      ['C5:A1', { sheet: 'Here', top: 0, left: 0, bottom: 4, right: 2 }],
      ['AA10', { sheet: 'Here', top: 9, left: 26, bottom: 9, right: 26 }],
      ['XFD1', { sheet: 'Here', top: 0, left: 16383, bottom: 0, right: 16383 }],
    ]);
  });
  test('not references: function names like LOG10(, names, text in quotes, numbers', () => {
    expect(refs('=LOG10(100)+TaxRate+"A1"+1.5E3+ATAN2(1,2)')).toEqual([]);
    expect(refs('')).toEqual([]);
  });
});

test('cellName quotes sheets that need it', () => {
  expect(cellName('Model', 2, 1)).toBe('Model!B3');
  expect(cellName('Cost sheet', 0, 27)).toBe("'Cost sheet'!AB1");
});
