import { fpaErrorOf } from '../fpa-error-of';
import { FpaError } from '../../src/errors';
import { readPayables } from '../../src/sheets/payables-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';

function error(grid: SheetGrid, periods?: number): FpaError {
  return fpaErrorOf(() => readPayables(grid, periods));
}

const HEADER = ['bill', 'amount', 'due period', 'discount', 'discount by'];

describe('readPayables', () => {
  it('reads bills with or without a header, text numbers included', () => {
    const rows = [
      ['INV-1', 100, 2, 0.02, 1],
      [117, '300', '3', '0.03', '2'],
    ];
    const expected = [
      { id: 'INV-1', amount: 100, due: 2, discount: 0.02, discountBy: 1 },
      { id: '117', amount: 300, due: 3, discount: 0.03, discountBy: 2 },
    ];
    expect(readPayables(rows)).toEqual(expected);
    expect(readPayables([HEADER, ...rows], 3)).toEqual(expected);
  });

  it.each([
    [
      'a negative amount',
      [HEADER, ['A', -1, 2, 0.02, 1]],
      'SHEET_BAD_CELL',
      'bills row 2, column 2 (amount): must be at least 0; got -1.',
    ],
    [
      'a bill without a due period',
      [['A', 100, null, 0.02, 1]],
      'SHEET_BAD_CELL',
      'bills row 1, column 3 (due period): is blank; a number is needed.',
    ],
    [
      'a due period past the horizon',
      [['A', 100, 5, 0.02, 1]],
      'SHEET_BAD_CELL',
      'bills row 1, column 3 (due period): must be a period from 1 to 4; got 5.',
    ],
    [
      'a discount of 100%',
      [['A', 100, 2, 1, 1]],
      'SHEET_BAD_CELL',
      'bills row 1, column 4 (discount): must be below 1 (0.02 for 2%); got 1.',
    ],
    [
      'a discount after the due period',
      [['A', 100, 2, 0.02, 3]],
      'SHEET_BAD_CELL',
      'bills row 1, column 5 (discount by): must be no later than the due period 2; got 3.',
    ],
    [
      'a repeated bill',
      [
        ['A', 100, 2, 0.02, 1],
        ['A', 50, 3, 0.01, 2],
      ],
      'SHEET_DUPLICATE',
      'bills row 2, column 1 (bill): the name "A" is used twice (first in bills row 1, column 1 (bill)).',
    ],
    [
      'too few columns',
      [['A', 100, 2, 0.02]],
      'INPUT_BAD_SHAPE',
      'bills must be 5 columns (bill, amount, due period, discount, discount by); got 4 columns.',
    ],
    ['a header alone', [HEADER], 'INPUT_EMPTY', 'bills is empty.'],
  ])('refuses %s', (_name, grid, code, message) => {
    const e = error(grid as SheetGrid, 4);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});
