import { cellAt, SheetErrors } from '../../src/sheets/errors';

describe('sheet error catalogue', () => {
  it('locates cells inside the selected range', () => {
    expect(cellAt('drivers', 3, 4, 'param2')).toBe('drivers row 3, column 4 (param2)');
    expect(cellAt('labels', 1, 2)).toBe('labels row 1, column 2');
  });

  it('every entry has a stable code, the location as field, and a hint', () => {
    const entries = [
      SheetErrors.badCell('drivers row 2, column 2 (distribution)', 'is blank', 'Enter a distribution.'),
      SheetErrors.errorCell('plan row 1, column 1', '#REF!'),
      SheetErrors.duplicate('instruments row 4', 'ON', 'row 2', 'instrument'),
      SheetErrors.badHeader('plan/actual table', 'No "id" column in the header row', 'Add one.'),
    ];
    expect(entries.map((e) => e.code)).toEqual([
      'SHEET_BAD_CELL',
      'SHEET_ERROR_CELL',
      'SHEET_DUPLICATE',
      'SHEET_BAD_HEADER',
    ]);
    expect(entries.every((e) => e.kind === 'input' && e.hint.length > 5)).toBe(true);
    expect(entries.map((e) => e.field)).toEqual([
      'drivers row 2, column 2 (distribution)',
      'plan row 1, column 1',
      'instruments row 4',
      'plan/actual table header',
    ]);
    expect(entries[2].message).toBe('instruments row 4: the name "ON" is used twice (first in row 2).');
    expect(entries[2].fullMessage).toMatch(/unique name/);
  });
});
