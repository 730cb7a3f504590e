import { blockAddress, cellAddress, columnLetters, parseCell, qualified, sheetReference } from '../../src/sheets/a1';

describe('A1 addresses', () => {
  test('column letters round-trip through parseCell at the alphabet boundaries', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    for (const c of [0, 25, 26, 701, 702, 16383])
      expect(parseCell(`${columnLetters(c)}7`)).toEqual({ row: 6, column: c });
  });
  test('absolute and lower-case cells read; anything else is refused', () => {
    expect(parseCell('$b$3')).toEqual({ row: 2, column: 1 });
    expect(() => parseCell('B')).toThrow('not a cell address');
    expect(() => parseCell('R1C1')).toThrow();
  });
  test('cells and blocks', () => {
    expect(cellAddress(2, 1)).toBe('B3');
    expect(blockAddress('A1', 2, 3)).toBe('A1:C2');
    expect(blockAddress('C5', 1, 1)).toBe('C5');
    expect(blockAddress('C5', 0, 0)).toBe('C5');
  });
  test('sheet names are quoted when a formula needs it', () => {
    expect(sheetReference('Plan')).toBe('Plan');
    expect(sheetReference('My plan')).toBe("'My plan'");
    expect(sheetReference("Ann's")).toBe("'Ann''s'");
    expect(sheetReference('2025')).toBe("'2025'");
    expect(sheetReference('FY25')).toBe("'FY25'"); // reads as a cell
    expect(sheetReference('R2C3')).toBe("'R2C3'");
    expect(sheetReference('Plan_2025')).toBe('Plan_2025');
    expect(qualified('My run', 'A1')).toBe("'My run'!A1");
  });
});
