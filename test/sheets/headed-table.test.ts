import { headerRowIndex, rowsBelow } from '../../src/sheets/headed-table';
import { fpaErrorOf } from '../fpa-error-of';

const EMPTY = { problem: 'the selection is empty', hint: 'Select the table with its header row.' };

describe('headerRowIndex', () => {
  it('is the first row with anything in it, blank rows and blank texts above skipped', () => {
    expect(headerRowIndex([['id', 'plan 1']], 'plan/actual table', EMPTY)).toBe(0);
    expect(headerRowIndex([[null, ''], [], [null, 'id']], 'plan/actual table', EMPTY)).toBe(2);
  });

  it('a grid of blanks, or no rows, is SHEET_BAD_HEADER with the problem and hint given', () => {
    for (const grid of [[], [[null, '']], [[]]]) {
      const e = fpaErrorOf(() => headerRowIndex(grid, 'hierarchy', EMPTY));
      expect(e.code).toBe('SHEET_BAD_HEADER');
      expect(e.message).toBe('hierarchy: the selection is empty.');
      expect(e.hint).toBe(EMPTY.hint);
    }
  });
});

describe('rowsBelow', () => {
  it('keeps the rows under the header that hold anything, numbered 1-based in the selection', () => {
    const grid = [[null], ['id', 'amount'], ['L1', 1], [null, ''], [null, 2], []];
    expect(rowsBelow(grid, 1)).toEqual([
      { cells: ['L1', 1], row: 3 },
      { cells: [null, 2], row: 5 },
    ]);
  });

  it('a header alone has no rows', () => {
    expect(rowsBelow([['id']], 0)).toEqual([]);
  });
});
