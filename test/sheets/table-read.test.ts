import { Errors, FpaError } from '../../src/errors';
import { SheetErrors } from '../../src/sheets/errors';
import type { PositionalLayout } from '../../src/sheets/positional-table';
import { readAll, readEachRow, readPositionalRows } from '../../src/sheets/table-read';

const rows = [1, 2, 3, 4].map((row) => ({ cells: [row], row: row + 1 }));

describe('row-by-row reading', () => {
  it('keeps what reads, with its row, and one located problem per row that does not', () => {
    const read = readEachRow(rows, (r) => {
      if (r.row % 2 === 0) throw SheetErrors.badCell(`t row ${r.row}`, 'is odd', 'Fix it.');
      return r.cells[0];
    });
    expect(read.items).toEqual([2, 4]);
    expect(read.rows).toEqual([3, 5]);
    expect(read.problems.map((p) => p.message)).toEqual(['t row 2: is odd.', 't row 4: is odd.']);
    expect(() => readAll(read)).toThrow('t row 2: is odd.');
  });

  it('lets a bug through rather than reporting it as a row problem', () => {
    expect(() =>
      readEachRow(rows, () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });

  it('readAll returns the items, or says the table is empty when one is required', () => {
    expect(readAll({ items: [1], rows: [1], problems: [] })).toEqual([1]);
    expect(readAll({ items: [], rows: [], problems: [] })).toEqual([]);
    const empty = { items: [], rows: [], problems: [] as FpaError[] };
    expect(() => readAll(empty, { table: 'levers' })).toThrow(Errors.empty('levers').message);
  });

  it('readPositionalRows frames a positional table and gives each row where its cells are', () => {
    const layout: PositionalLayout = {
      table: 'pairs',
      columns: ['name', 'value'],
      titles: ['name'],
      minColumns: 2,
      extraColumns: 'refuse',
      isValue: (_column, value) => typeof value === 'number',
    };
    const grid = [
      ['name', 'value'],
      ['a', 1],
      [null, null],
      ['b', 'x'],
    ];
    const read = readPositionalRows(grid, layout, (row, at) => {
      if (typeof row.cells[1] !== 'number') throw SheetErrors.badCell(at(1)(), 'is not a number', 'Fix it.');
      return `${row.cells[0]}@${at(0)()}`;
    });
    expect(read.items).toEqual(['a@pairs row 2, column 1 (name)']);
    expect(read.rows).toEqual([2]);
    expect(read.problems.map((p) => p.message)).toEqual(['pairs row 4, column 2 (value): is not a number.']);
    expect(() => readPositionalRows([[null]], layout, () => 0)).toThrow(Errors.empty('pairs').message);
  });
});
