import { cellBlock, fillMergedAreas, outsideTopLefts, splitAreas } from '../../src/sheets/merged-areas';
import { readBudgetTable } from '../../src/sheets/budget-table';
import type { SheetValue } from '../../src/sheets/sheet-value';
import { mergedPlanTable } from './merged-plan';

describe('merged areas', () => {
  // A plan/actual table at B3 whose cost centre (column C) is merged over two lines each.
  const grid = mergedPlanTable;

  test('an area down the rows gives every line the top-left value; the grid is not changed', () => {
    const filled = fillMergedAreas(grid, ['Sheet1!C4:C5', 'Sheet1!C6:C7'], 'Sheet1!B3:E7');
    expect(filled.map((r) => r[1])).toEqual(['cost centre', 'MKT', 'MKT', 'OPS', 'OPS']);
    expect(grid[2][1]).toBe('');
    // A blank outside every merged area stays blank: this is not a fill-down.
    expect(filled[4][3]).toBe('');
    expect(readBudgetTable(filled).lines.map((l) => l.costCentre)).toEqual(['MKT', 'MKT', 'OPS', 'OPS']);
    expect(readBudgetTable(grid).lines.map((l) => l.costCentre)).toEqual(['MKT', '', 'OPS', '']);
  });

  test('an area across columns fills the row; one across rows and columns fills the block', () => {
    const g = [
      ['a', '', '', 'd'],
      ['e', '', '', 'h'],
      ['i', 'j', 'k', 'l'],
    ];
    expect(fillMergedAreas(g, ['A1:C1'], 'A1')[0]).toEqual(['a', 'a', 'a', 'd']);
    expect(fillMergedAreas(g, ['A1:C2'], 'A1')).toEqual([
      ['a', 'a', 'a', 'd'],
      ['a', 'a', 'a', 'h'],
      ['i', 'j', 'k', 'l'],
    ]);
  });

  test('an area partly outside the range fills the part inside; a top-left outside comes from `outside`', () => {
    // The range is B2:C3; the area B3:D5 runs past its right and bottom edges.
    const g = [
      ['a', 'b'],
      ['c', null],
    ];
    expect(fillMergedAreas(g, ['B3:D5'], 'B2')).toEqual([
      ['a', 'b'],
      ['c', 'c'],
    ]);
    // The area A1:B3 starts above and left of the range: without its value the cells stay as read.
    const h = [
      ['', 'x'],
      ['', 'y'],
      ['z', 'w'],
    ];
    expect(outsideTopLefts(['A1:B3', 'C2:C3', 'E9:F9'], 'B2', 3, 2)).toEqual(['A1']);
    expect(fillMergedAreas(h, ['A1:B3'], 'B2')).toEqual(h);
    expect(fillMergedAreas(h, ['A1:B3'], 'B2', new Map([['A1', 'CC']]))).toEqual([
      ['CC', 'x'],
      ['CC', 'y'],
      ['z', 'w'],
    ]);
  });

  test('a number merged over cells stays one amount in the top-left cell; a text number, TRUE and errors are copied', () => {
    // A quarter's plan merged over Jan–Mar: copied, the quarter would be counted three times.
    const g: SheetValue[][] = [
      ['id', 'plan Jan', 'plan Feb', 'plan Mar'],
      ['L1', 300, '', ''],
      ['4100', true, '#N/A', null],
      ['', '', '', ''],
    ];
    expect(fillMergedAreas(g, ['B2:D2'], 'A1')[1]).toEqual(['L1', 300, '', '']);
    expect(fillMergedAreas(g, ['A3:A4', 'B3:B4', 'C3:D4'], 'A1').slice(2)).toEqual([
      ['4100', true, '#N/A', '#N/A'],
      ['4100', true, '#N/A', '#N/A'],
    ]);
    expect(fillMergedAreas([[null], [null]], ['A1:A2'], 'A2', new Map([['A1', 7]]))).toEqual([[null], [null]]);
  });

  test('no merged areas, or areas that miss the range, leave a copy of the grid', () => {
    const filled = fillMergedAreas(grid, [], 'B3');
    expect(filled).toEqual(grid);
    expect(filled).not.toBe(grid);
    expect(fillMergedAreas(grid, ['Z1:Z9', 'A100:B200'], 'B3')).toEqual(grid);
  });

  test('ragged rows keep their length', () => {
    expect(fillMergedAreas([['a'], [], ['b', 'c']], ['A1:B3'], 'A1')).toEqual([['a'], [], ['a', 'a']]);
  });

  test("addresses: Excel's multi-area text split outside quotes; cells, blocks, whole rows and columns", () => {
    expect(splitAreas('Sheet1!A2:A5, Sheet1!C2:D2')).toEqual(['Sheet1!A2:A5', 'Sheet1!C2:D2']);
    expect(splitAreas("'a, b'!A1:A2,'a, b'!C1:D1")).toEqual(["'a, b'!A1:A2", "'a, b'!C1:D1"]);
    expect(splitAreas("'It''s, ok'!B2")).toEqual(["'It''s, ok'!B2"]);
    expect(splitAreas('  ')).toEqual([]);
    expect(cellBlock("'x!y'!$B$2:C4")).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(cellBlock('D7')).toEqual({ top: 6, left: 3, bottom: 6, right: 3 });
    expect(cellBlock('C:D')).toEqual({ top: 0, left: 2, bottom: 1_048_575, right: 3 });
    expect(cellBlock('3:4')).toEqual({ top: 2, left: 0, bottom: 3, right: 16_383 });
    expect(() => cellBlock('nope')).toThrow('not a cell address');
    // A whole-column merge over a whole-column selection fills the rows read, no more.
    expect(fillMergedAreas([['h'], [null], [null]], ['A:A'], 'A:A')).toEqual([['h'], ['h'], ['h']]);
  });
});
