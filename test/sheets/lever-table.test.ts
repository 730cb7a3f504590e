import { fpaErrorOf } from '../fpa-error-of';
import { FpaError } from '../../src/errors';
import { readLevers } from '../../src/sheets/lever-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

const HEADER = ['lever', 'current', 'target', 'daily amount', 'cost per day'];

function error(grid: SheetGrid): FpaError {
  return fpaErrorOf(() => readLevers(grid));
}

describe('readLevers', () => {
  it('reads levers with or without a header, text numbers included', () => {
    const expected = [
      { name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 },
      { name: 'DPO', current: 30, target: 40, dailyBase: 600, costPerDay: 100 },
    ];
    const rows = [
      ['DSO', 45, 35, 1000, 200],
      ['DPO', '30', '40', '600', '100'],
    ];
    expect(readLevers(rows)).toEqual(expected);
    expect(readLevers([HEADER.map((h) => h.toUpperCase()), ...rows])).toEqual(expected);
  });

  it('reads the optional relationship score per day', () => {
    expect(
      readLevers([
        [...HEADER, 'relationship per day'],
        ['DPO', 30, 40, 600, 100, 3],
        ['DSO', 45, 35, 1000, 200, null],
      ]),
    ).toEqual([
      { name: 'DPO', current: 30, target: 40, dailyBase: 600, costPerDay: 100, relationshipPerDay: 3 },
      { name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 },
    ]);
  });

  it.each<[string, SheetGrid, string[]]>([
    [
      'reads a first row of text numbers as a lever, not as a header',
      [
        ['DSO', '45', '35', '1000', '200'],
        ['DPO', 30, 40, 600, 100],
      ],
      ['DSO', 'DPO'],
    ],
    [
      'keeps names as typed and lets them repeat: each row is its own lever',
      [
        [' DSO ', 1, 0, 1, 0],
        [' DSO ', 1, 0, 1, 0],
      ],
      [' DSO ', ' DSO '],
    ],
  ])('%s', (_name, grid, names) => {
    expect(readLevers(grid).map((l) => l.name)).toEqual(names);
  });

  it('ignores blank columns at the right and blank rows', () => {
    expect(
      readLevers([
        ['DSO', 45, 35, 1000, 200, null, ''],
        [null, null, null, null, null, null, null],
      ]),
    ).toHaveLength(1);
  });

  it.each<[string, SheetGrid, string, string]>([
    [
      'a text target',
      [['DSO', 45, 'x', 1000, 200]],
      'SHEET_BAD_CELL',
      'levers row 1, column 3 (target): holds "x", not a number.',
    ],
    [
      'a negative cost',
      [HEADER, ['DSO', 45, 35, 1000, -1]],
      'SHEET_BAD_CELL',
      'levers row 2, column 5 (cost per day): must be at least 0; got -1.',
    ],
    [
      'an error cell',
      [['DSO', cellError('#N/A'), 35, 1000, 200]],
      'SHEET_ERROR_CELL',
      'levers row 1, column 2 (current): holds the error #N/A.',
    ],
    ['a blank name', [[null, 45, 35, 1000, 200]], 'SHEET_BAD_CELL', 'levers row 1, column 1 (lever): is blank.'],
    [
      'too few columns',
      [['DSO', 45, 35]],
      'INPUT_BAD_SHAPE',
      'levers must be a table of at least 5 columns (lever, current, target, daily amount, cost per day, relationship per day); got 3 columns.',
    ],
    [
      'too many columns',
      [['DSO', 45, 35, 1000, 200, 1, 2]],
      'INPUT_BAD_SHAPE',
      'levers must be a table of at most 6 columns (lever, current, target, daily amount, cost per day, relationship per day); got 7 columns.',
    ],
    [
      'a negative relationship score',
      [['DPO', 30, 40, 600, 100, -2]],
      'SHEET_BAD_CELL',
      'levers row 1, column 6 (relationship per day): must be at least 0; got -2.',
    ],
    ['a header alone', [HEADER], 'INPUT_EMPTY', 'levers is empty.'],
    ['a blank range', [[null, null, null, null, null]], 'INPUT_EMPTY', 'levers is empty.'],
  ])('refuses %s', (_name, grid, code, message) => {
    const e = error(grid);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});
