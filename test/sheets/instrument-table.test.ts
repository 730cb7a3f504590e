import { fpaErrorOf } from '../fpa-error-of';
import { FpaError } from '../../src/errors';
import { readInstruments } from '../../src/sheets/instrument-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

const HEADER = ['name', 'term', 'rate', 'min', 'max', 'lot', 'from', 'to'];

function error(grid: SheetGrid): FpaError {
  return fpaErrorOf(() => readInstruments(grid));
}

describe('readInstruments', () => {
  it('reads instruments with and without a header, skipping blank rows', () => {
    const withHeader = readInstruments([HEADER, ['TD', 3, 0.01, 100, 500, 50, 2, 6], new Array(8).fill(null)]);
    expect(withHeader).toEqual([{ name: 'TD', term: 3, rate: 0.01, min: 100, max: 500, lot: 50, from: 2, to: 6 }]);
    expect(readInstruments([['ON', 1, '0.004']])).toEqual([{ name: 'ON', term: 1, rate: 0.004 }]);
  });

  it('takes any text header, in any case', () => {
    expect(
      readInstruments([
        ['Instrument', 'Term (periods)', 'RATE'],
        ['ON', 1, 0.01],
      ]),
    ).toEqual([{ name: 'ON', term: 1, rate: 0.01 }]);
  });

  it('reads a first row of text numbers as an instrument, not as a header', () => {
    expect(
      readInstruments([
        ['ON', '1', '0.004'],
        ['TD', 3, 0.01],
      ]).map((i) => i.name),
    ).toEqual(['ON', 'TD']);
  });

  it('a blank range, or a header alone, is no instruments', () => {
    expect(readInstruments([[null, null, null]])).toEqual([]);
    expect(readInstruments([['name', 'term', 'rate']])).toEqual([]);
  });

  it('ignores blank columns at the right and blank rows; a blank first column is a blank name', () => {
    const grid: SheetGrid = [
      [null, null, null, null, null, null, null, null, null, null],
      ['ON', 1, 0.01, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
      ['TD', 3, 0.02, null, null, null, null, null, null, null],
    ];
    expect(readInstruments(grid)).toEqual([
      { name: 'ON', term: 1, rate: 0.01 },
      { name: 'TD', term: 3, rate: 0.02 },
    ]);
    expect(error([[null, 1, 2, 3, 4]]).message).toBe('instruments row 1, column 1 (name): is blank.');
  });

  it.each<[string, SheetGrid, string, string]>([
    [
      'a fractional term',
      [['ON', 1.5, 0.01]],
      'SHEET_BAD_CELL',
      'instruments row 1, column 2 (term): must be a whole number; got 1.5.',
    ],
    [
      'a max under min',
      [
        ['name', 'term', 'rate'],
        ['ON', 1, 0.01, 10, 5],
      ],
      'SHEET_BAD_CELL',
      'instruments row 2, column 5 (max): must be at least 10; got 5.',
    ],
    [
      'to before from',
      [['ON', 1, 0.01, null, null, null, 4, 2]],
      'SHEET_BAD_CELL',
      'instruments row 1, column 8 (to): must be at least 4; got 2.',
    ],
    [
      'a rate of −100%',
      [['ON', 1, -1]],
      'SHEET_BAD_CELL',
      'instruments row 1, column 3 (rate): must be above -1; got -1.',
    ],
    [
      'a zero lot',
      [['ON', 1, 0.01, null, null, 0]],
      'SHEET_BAD_CELL',
      'instruments row 1, column 6 (lot): must be above 0; got 0.',
    ],
    [
      'a blank rate',
      [['ON', 1, null]],
      'SHEET_BAD_CELL',
      'instruments row 1, column 3 (rate): is blank; a number is needed.',
    ],
    [
      'a missing name',
      [
        ['ON', 1, 0.01],
        [null, 2, 0.01],
      ],
      'SHEET_BAD_CELL',
      'instruments row 2, column 1 (name): is blank.',
    ],
    [
      'an error cell',
      [['ON', 1, cellError('#REF!')]],
      'SHEET_ERROR_CELL',
      'instruments row 1, column 3 (rate): holds the error #REF!.',
    ],
    [
      'a repeated name',
      [
        ['ON', 1, 0.01],
        ['ON', 2, 0.01],
      ],
      'SHEET_DUPLICATE',
      'instruments row 2: the name "ON" is used twice (first in row 1).',
    ],
    [
      'too few columns',
      [['ON', 1]],
      'INPUT_BAD_SHAPE',
      'instruments must be a table of at least 3 columns (name, term, rate, min, max, lot, from, to); got 2 columns.',
    ],
    [
      'too many columns',
      [['ON', 1, 0.01, 0, 1, 1, 1, 1, 'x']],
      'INPUT_BAD_SHAPE',
      'instruments must be a table of at most 8 columns (name, term, rate, min, max, lot, from, to); got 9 columns.',
    ],
  ])('refuses %s, naming the cell', (_name, grid, code, message) => {
    const e = error(grid);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('names differ exactly: "ON" and "on" are two instruments', () => {
    expect(
      readInstruments([
        ['ON', 1, 0.01],
        ['on', 2, 0.01],
      ]),
    ).toHaveLength(2);
  });
});
