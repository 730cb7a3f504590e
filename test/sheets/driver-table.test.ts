/**
 * The one drivers-table reader: what FPA.SCENARIO.MC read (header "name" or "driver", lists split on
 * ; , | and spaces) and what the pane's import read (header "name, distribution", lists split on ; and
 * ,) are both read, the same way; what neither could use is refused with the cell named.
 */
import { FpaError } from '../../src/errors';
import { driverTableValues, readDriverTable, readParameter } from '../../src/sheets/driver-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

const HEADER = ['name', 'distribution', 'param1', 'param2', 'param3', 'param4'];
const ROWS = [
  ['price', 'normal', 130, 10, null, null],
  ['volume', 'PERT', 800, 1000, 1400, null],
  ['capex', 'discrete', '0; 250000; 1000000', '0.6; 0.3; 0.1', null, null],
];
const EXPECTED = [
  { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
  { name: 'volume', distribution: 'pert', params: { min: 800, mode: 1000, max: 1400 } },
  {
    name: 'capex',
    distribution: 'discrete',
    params: { values: [0, 250000, 1000000], probabilities: [0.6, 0.3, 0.1] },
  },
];

const drivers = (grid: SheetGrid) => readDriverTable(grid).items;
const problems = (grid: SheetGrid) => readDriverTable(grid).problems.map((p) => p.message);

describe('readDriverTable', () => {
  it('reads the table with or without its header, in any case, with the rows it came from', () => {
    expect(drivers([HEADER, ...ROWS])).toEqual(EXPECTED);
    expect(drivers(ROWS)).toEqual(EXPECTED);
    expect(drivers([HEADER.map((h) => h.toUpperCase()), ...ROWS])).toEqual(EXPECTED);
    expect(drivers([['Driver', 'Distribution', 'Mean / min', 'SD / mode'], ...ROWS])).toEqual(EXPECTED);
    expect(drivers([['name', 'dist'], ...ROWS.map((r) => r.slice(0, 5))])).toEqual(EXPECTED);
    expect(readDriverTable([HEADER, ...ROWS]).rows).toEqual([2, 3, 4]);
  });

  it('reads a first row named "name" with a real distribution as a driver, not a header', () => {
    expect(drivers([['name', 'normal', 1, 2]])).toEqual([
      { name: 'name', distribution: 'normal', params: { mean: 1, sd: 2 } },
    ]);
  });

  it('splits lists on ; , | and spaces (the union of both former readers)', () => {
    for (const text of ['1;2;3', '1, 2, 3', '1|2|3', '1 2 3', ' 1 ;, 2 | 3 ']) {
      expect(readParameter(text, true)).toEqual({ ok: true, value: [1, 2, 3] });
    }
    expect(readParameter(5, true)).toEqual({ ok: true, value: [5] });
    expect(readParameter('5;', false)).toEqual({ ok: true, value: 5 });
  });

  it('refuses a comma inside a number when ";" or "|" separates the entries (thousands or decimal comma)', () => {
    for (const text of ['1,000; 2,000', '0,5;0,5', '1,5 | 2,5'])
      expect(readParameter(text, true)).toMatchObject({ ok: false, kind: 'not-a-number' });
    const read = readDriverTable([['capex', 'discrete', '1,000; 2,000', '0.5; 0.5']]);
    expect(read.items).toEqual([]);
    expect(read.problems[0].message).toBe(
      'drivers row 1, column 3 (param1): parameter values holds "1,000; 2,000", with a comma inside a number between ";"-separated entries.',
    );
  });

  it('says what kind of problem a parameter cell has', () => {
    expect(readParameter('1,300', false)).toMatchObject({ ok: false, kind: 'list' });
    expect(readParameter('ten', true)).toMatchObject({ ok: false, kind: 'not-a-number' });
    expect(readParameter(false, false)).toMatchObject({ ok: false, kind: 'not-a-number' });
    expect(readParameter(cellError('#NUM!'), false)).toMatchObject({ ok: false, kind: 'error', error: '#NUM!' });
    expect(readParameter(null, false)).toEqual({ ok: true, value: undefined });
  });

  it('reads text numbers and canonical family names, and leaves blank optional parameters out', () => {
    expect(drivers([['margin', 'Student-T', '5', ' 0.1 ', null]])).toEqual([
      { name: 'margin', distribution: 'student', params: { df: 5, location: 0.1 } },
    ]);
    expect(drivers([['x', 'triang', '1e3', 2e3, '3000']])[0].params).toEqual({ min: 1000, mode: 2000, max: 3000 });
  });

  it('refuses thousands separators in a one-number parameter rather than read them as a list', () => {
    expect(problems([['price', 'normal', '1,300', 10]])).toEqual([
      'drivers row 1, column 3 (param1): parameter mean holds the list "1,300" where one number is needed.',
    ]);
  });

  it('names the cell of a bad parameter, an error value, an unknown or blank distribution, a blank name', () => {
    const grid: SheetGrid = [
      HEADER,
      ['a', 'uniform', 'lots', 2],
      ['b', 'normal', 1, cellError('#DIV/0!')],
      ['c', 'weibull', 1, 2],
      ['d', null, 1, 2],
      [null, 'normal', 1, 2],
      ['e', 'bernoulli', true],
      ['f', 'normal', 0, 1],
    ];
    const read = readDriverTable(grid);
    expect(read.items.map((d) => d.name)).toEqual(['f']);
    expect(read.rows).toEqual([8]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'drivers row 2, column 3 (param1): parameter min holds "lots", not a number (lists are written "0; 250000; 1000000").',
      'drivers row 3, column 4 (param2): holds the error #DIV/0!.',
      'drivers row 4, column 2 (distribution): distribution "weibull" is not known.',
      'drivers row 5, column 2 (distribution): is blank.',
      'drivers row 6, column 1 (name): is blank.',
      'drivers row 7, column 3 (param1): parameter p holds TRUE, not a number (lists are written "0; 250000; 1000000").',
    ]);
    expect(read.problems.map((p) => p.code)).toEqual([
      'SHEET_BAD_CELL',
      'SHEET_ERROR_CELL',
      'SHEET_BAD_CELL',
      'SHEET_BAD_CELL',
      'SHEET_BAD_CELL',
      'SHEET_BAD_CELL',
    ]);
    expect(read.problems[2].hint).toMatch(/^Use one of: normal, truncnormal/);
  });

  it('checks names with the model’s name rule, naming the cell', () => {
    const read = readDriverTable([
      ['2x', 'normal', 1, 2],
      ['price.eu', 'normal', 1, 2],
      ['unit cost', 'normal', 1, 2],
      ['x'.repeat(65), 'normal', 1, 2],
    ]);
    expect(read.items.map((d) => d.name)).toEqual(['price.eu']);
    expect(read.problems.map((p) => p.message)).toEqual([
      'drivers row 1, column 1 (name): "2x" is not a valid name.',
      'drivers row 3, column 1 (name): "unit cost" is not a valid name.',
      `drivers row 4, column 1 (name): "${'x'.repeat(65)}" is not a valid name.`,
    ]);
    expect(read.problems[0].hint).toMatch(/^Use a letter or _, then letters, digits, _ or \./);
  });

  it('refuses a repeated name, in any case, on the later row', () => {
    const read = readDriverTable([HEADER, ['price', 'normal', 1, 2], ['x', 'normal', 1, 2], ['Price', 'normal', 3, 4]]);
    expect(read.items.map((d) => d.name)).toEqual(['price', 'x']);
    expect(read.problems[0]).toBeInstanceOf(FpaError);
    expect(read.problems[0].code).toBe('SHEET_DUPLICATE');
    expect(read.problems[0].message).toBe('drivers row 4: the name "Price" is used twice (first in row 2).');
  });

  it('ignores blank rows, a notes column and cells past the family’s parameters', () => {
    const grid: SheetGrid = [
      [null, null, null, null, null, null, null],
      ['name', 'distribution', 'param1', 'param2', 'param3', 'param4', 'note'],
      ['price', 'normal', 130, 10, 'ignored', cellError('#REF!'), 'list price'],
      [null, null, null, null, null, null, 'a note on its own'],
      ['volume', 'PERT', 800, 1000, 1400, null, null],
    ];
    const read = readDriverTable(grid);
    expect(read.items).toEqual(EXPECTED.slice(0, 2));
    expect(read.rows).toEqual([3, 5]);
    expect(read.problems).toEqual([]);
  });

  it('refuses a range of fewer than 3 columns, and a blank one', () => {
    expect(() => readDriverTable([['x', 'normal']])).toThrow(/drivers must be a table of at least 3 columns/);
    expect(() => readDriverTable([[null, null, null]])).toThrow('drivers is empty.');
    expect(readDriverTable([HEADER]).items).toEqual([]);
  });

  it('reads a table of 100,000 drivers', () => {
    const grid: SheetGrid = [HEADER, ...Array.from({ length: 100_000 }, (_, i) => [`d${i}`, 'normal', i, 1])];
    const read = readDriverTable(grid);
    expect(read.items).toHaveLength(100_000);
    expect(read.items[99_999]).toEqual({ name: 'd99999', distribution: 'normal', params: { mean: 99_999, sd: 1 } });
    expect(read.problems).toEqual([]);
  });

  it('writes the layout it reads back', () => {
    const values = driverTableValues(EXPECTED);
    expect(values[0]).toEqual(HEADER);
    expect(values[3]).toEqual(['capex', 'discrete', '0;250000;1000000', '0.6;0.3;0.1', null, null]);
    expect(drivers(values)).toEqual(EXPECTED);
  });
});
