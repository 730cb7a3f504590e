import { FpaError } from '../../src/errors';
import type { PositionalLayout } from '../../src/sheets/positional-table';
import { readPositionalTable } from '../../src/sheets/positional-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

/**
 * A small layout like the instruments table: a name, then numbers. It leaves extraColumns and
 * isValue to the frame's defaults (refused; a value reads as a number).
 */
const layout: PositionalLayout = {
  table: 'things',
  columns: ['name', 'a', 'b', 'c'],
  titles: ['name', 'thing'],
  minColumns: 3,
};

const frame = (grid: SheetGrid, over: Partial<PositionalLayout> = {}) =>
  readPositionalTable(grid, { ...layout, ...over });
const data = (grid: SheetGrid, over: Partial<PositionalLayout> = {}) =>
  frame(grid, over).rows.map((r) => [r.row, ...r.cells]);

describe('the positional-table frame', () => {
  it.each<[string, SheetGrid, number | null]>([
    [
      'a header of titles',
      [
        ['name', 'a', 'b'],
        ['x', 1, 2],
      ],
      1,
    ],
    [
      'a header in any case, with other words',
      [
        ['THING', 'Amount A', 'b (units)'],
        ['x', 1, 2],
      ],
      1,
    ],
    [
      'a header whose first cell is a title and the rest blank',
      [
        ['Name', null, null],
        ['x', 1, 2],
      ],
      1,
    ],
    [
      'a row with numbers',
      [
        ['x', 1, 2],
        ['y', 3, 4],
      ],
      null,
    ],
    [
      'a row of text numbers (data, even though every cell is text)',
      [
        ['x', '1', '0.5'],
        ['y', 3, 4],
      ],
      null,
    ],
    [
      'a row with TRUE',
      [
        ['name', true, 'b'],
        ['y', 3, 4],
      ],
      null,
    ],
    [
      'a row with an error cell',
      [
        ['name', cellError('#REF!'), 'b'],
        ['y', 3, 4],
      ],
      null,
    ],
    [
      'a lone text name with the rest blank',
      [
        ['x', null, null],
        ['y', 3, 4],
      ],
      null,
    ],
  ])('%s → header row %p', (_name, grid, header) => {
    expect(frame(grid).headerRow).toBe(header);
  });

  it('a header alone is a table of no rows', () => {
    expect(frame([['name', 'a', 'b']]).rows).toEqual([]);
  });

  it('skips blank rows anywhere and blank columns at the right, counting inside the selected range', () => {
    const grid: SheetGrid = [
      [null, null, null, null, null, null],
      ['name', 'a', 'b', null, null, null],
      [null, '', null, null, null, null],
      ['x', 1, 2, null, null, undefined],
      ['y', 3, 4, NaN, null, null],
      [null, null, null, null, null, null],
    ];
    const table = frame(grid);
    expect(table.headerRow).toBe(2);
    expect(table.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(table.rows[0].cells).toEqual(['x', 1, 2, null]);
    expect(table.at(table.rows[1], 2)).toBe('things row 5, column 3 (b)');
  });

  it('starts at the first column even when it is blank, rather than shift the values', () => {
    const table = frame([[null, 1, 2, 3]]);
    expect(table.rows[0].cells).toEqual([null, 1, 2, 3]);
  });

  it('pads ragged rows with blanks', () => {
    expect(
      data([
        ['x', 1, 2, 3],
        ['y', 4, 5],
      ]),
    ).toEqual([
      [1, 'x', 1, 2, 3],
      [2, 'y', 4, 5, null],
    ]);
  });

  it('keeps trailing blank columns the table needs, so a blank required cell is named', () => {
    const table = frame([['x', 1, null]]);
    expect(table.rows[0].cells).toEqual(['x', 1, null, null]);
  });

  it('refuses too few columns, and extra columns unless told to ignore them', () => {
    expect(() => frame([['x', 1]])).toThrow(
      'things must be a table of at least 3 columns (name, a, b, c); got 2 columns.',
    );
    expect(() => frame([['x', 1, 2, 3, 'note']])).toThrow(/at most 4 columns/);
    expect(() => frame([['x', 1, 2, 3, 'note']], { extraColumns: 'refuse' })).toThrow(/at most 4 columns/);
    expect(data([['x', 1, 2, 3, 'note']], { extraColumns: 'ignore' })).toEqual([[1, 'x', 1, 2, 3]]);
    expect(() => frame([['x', 1]], { minColumns: 4 })).toThrow(/must be 4 columns \(name, a, b, c\)/);
  });

  it('tells data from a header by values that read as numbers, unless the layout says what a value is', () => {
    const yes = (_column: number, value: unknown) => value === 'yes';
    expect(frame([['x', '1e3', 'pending']]).headerRow).toBeNull();
    expect(frame([['x', 'yes', 'no']]).headerRow).toBe(1);
    expect(frame([['x', 'yes', 'no']], { isValue: yes }).headerRow).toBeNull();
    expect(frame([['x', '1e3', 'pending']], { isValue: yes }).headerRow).toBe(1);
  });

  it('an extra column holding only a note is ignored when the layout allows it, and does not make a row', () => {
    expect(
      data(
        [
          ['x', 1, 2, 3],
          [null, null, null, null, 'note'],
        ],
        { extraColumns: 'ignore' },
      ),
    ).toEqual([[1, 'x', 1, 2, 3]]);
  });

  it('a blank range is empty, or no rows where the layout allows it', () => {
    const empty = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as FpaError).code;
      }
      return 'no error';
    };
    expect(empty(() => frame([]))).toBe('INPUT_EMPTY');
    expect(empty(() => frame([[null, '', undefined]]))).toBe('INPUT_EMPTY');
    expect(frame([[null, null, null]], { blankIsEmpty: true }).rows).toEqual([]);
  });

  it('frames a table of 200,000 rows without running out of stack', () => {
    const grid: SheetGrid = [['name', 'a', 'b'], ...Array.from({ length: 200_000 }, (_, i) => [`x${i}`, i, i / 2])];
    const table = frame(grid);
    expect(table.rows).toHaveLength(200_000);
    expect(table.rows[199_999]).toEqual({ cells: ['x199999', 199999, 99999.5, null], row: 200_001 });
  });
});
