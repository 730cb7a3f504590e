import { fpaErrorOf } from '../fpa-error-of';
import { FpaError } from '../../src/errors';
import { readShocks } from '../../src/sheets/shock-table';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import { cellError } from '../../src/sheets/sheet-value';

function error(grid: SheetGrid): FpaError {
  return fpaErrorOf(() => readShocks(grid));
}

describe('readShocks', () => {
  const rows = [
    ['late customers', 'delay', 30, null],
    ['revenue −20%', 'Revenue', '-0.2', null],
    ['line halved', 'credit', -0.5, 2],
    ['line cut', 'CREDIT', -0.25],
    ['tax bill', 'outflow', 40, 3],
  ];
  const expected = [
    { name: 'late customers', kind: 'delay', days: 30 },
    { name: 'revenue −20%', kind: 'revenue', pct: -0.2 },
    { name: 'line halved', kind: 'credit', pct: -0.5, from: 2 },
    { name: 'line cut', kind: 'credit', pct: -0.25 },
    { name: 'tax bill', kind: 'outflow', amount: 40, period: 3 },
  ];

  it('reads every kind of shock, with or without a header, in any case, text numbers included', () => {
    expect(readShocks(rows)).toEqual(expected);
    expect(readShocks([['Scenario', 'Shock', 'Value', 'Period'], ...rows])).toEqual(expected);
    // 3 columns are enough when no shock needs a period.
    expect(readShocks([['late', 'delay', 15]])).toEqual([{ name: 'late', kind: 'delay', days: 15 }]);
  });

  it('takes a first row whose shock is a known kind as data, not as a header', () => {
    expect(readShocks([['scenario', 'delay', '10']])).toEqual([{ name: 'scenario', kind: 'delay', days: 10 }]);
  });

  it.each([
    [
      'an unknown shock',
      [['x', 'meteor', 1]],
      'SHEET_BAD_CELL',
      'shocks row 1, column 2 (shock): must be revenue, delay, outflow or credit; got "meteor".',
    ],
    [
      'an outflow without its period',
      [
        ['scenario', 'shock', 'value', 'period'],
        ['tax', 'outflow', 40, null],
      ],
      'SHEET_BAD_CELL',
      'shocks row 2, column 4 (period): is blank; a number is needed.',
    ],
    [
      'a fractional period',
      [['cut', 'credit', -0.5, 1.5]],
      'SHEET_BAD_CELL',
      'shocks row 1, column 4 (period): must be a whole number; got 1.5.',
    ],
    [
      'a value that is no number',
      [['late', 'delay', 'soon']],
      'SHEET_BAD_CELL',
      'shocks row 1, column 3 (value): holds "soon", not a number.',
    ],
    [
      'an error cell',
      [['late', 'delay', cellError('#REF!')]],
      'SHEET_ERROR_CELL',
      'shocks row 1, column 3 (value): holds the error #REF!.',
    ],
    ['a blank name', [[null, 'delay', 30]], 'SHEET_BAD_CELL', 'shocks row 1, column 1 (scenario): is blank.'],
    [
      'too few columns',
      [['late', 'delay']],
      'INPUT_BAD_SHAPE',
      'shocks must be a table of at least 3 columns (scenario, shock, value, period); got 2 columns.',
    ],
    ['a blank range', [[null, null, null]], 'INPUT_EMPTY', 'shocks is empty.'],
  ])('refuses %s', (_name, grid, code, message) => {
    const e = error(grid as SheetGrid);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});
