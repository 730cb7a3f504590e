import { fpaErrorOf } from '../fpa-error-of';
import {
  amountCell,
  numberCell,
  numberFromText,
  optionalNumberCell,
  optionalTextCell,
  readNumber,
  textCell,
} from '../../src/sheets/cells';
import { cellError } from '../../src/sheets/sheet-value';

describe('numberFromText: the one text-number rule', () => {
  it.each([
    ['1250', 1250],
    [' -0.5 ', -0.5],
    ['+3', 3],
    ['.5', 0.5],
    ['1e6', 1e6],
    ['1.7976931348623157e308', Number.MAX_VALUE],
    ['5.', 5],
    ['1E-3', 0.001],
  ])('reads %j', (text, value) => expect(numberFromText(text)).toBe(value));

  it.each(['', '  ', '1,000', '1 000', '12%', '$5', '(300)', 'ten', 'Infinity', '-Infinity', 'NaN', '1e999', '1.2.3'])(
    'refuses %j',
    (text) => expect(numberFromText(text)).toBeUndefined(),
  );

  // Number() reads these as 16, 3 and 15: a text cell holding them is not a number a finance user typed.
  it.each(['0x10', '0b11', '0o17', '-0x10', '1_000', '.', 'e5'])('refuses %j', (text) =>
    expect(numberFromText(text)).toBeUndefined(),
  );
});

describe('readNumber', () => {
  it('reads numbers and text numbers within the rule', () => {
    expect(readNumber(12, { integer: true, min: 1 })).toEqual({ ok: true, value: 12 });
    expect(readNumber(' 12 ', { integer: true })).toEqual({ ok: true, value: 12 });
    expect(readNumber(-1e-300, { above: -1 })).toEqual({ ok: true, value: -1e-300 });
  });

  it('says why a cell is not a number, with a hint for formatted numbers', () => {
    const formatted = readNumber('1,000');
    expect(formatted).toMatchObject({ ok: false, kind: 'not-a-number', problem: 'holds "1,000", not a number' });
    expect(!formatted.ok && formatted.hint).toMatch(/thousands separators/);
    const plain = readNumber('lots');
    expect(!plain.ok && plain.hint).toBe('Enter a number there.');
    expect(readNumber(true)).toMatchObject({ ok: false, problem: 'holds TRUE, not a number' });
    expect(readNumber(null)).toMatchObject({ ok: false, got: 'a blank', problem: 'is blank; a number is needed' });
    expect(readNumber(cellError('#REF!'))).toMatchObject({ ok: false, kind: 'error', error: '#REF!' });
  });

  it('names the broken rule', () => {
    expect(readNumber(1.5, { integer: true })).toMatchObject({
      kind: 'rule',
      problem: 'must be a whole number; got 1.5',
    });
    expect(readNumber(-5, { min: 0 })).toMatchObject({ problem: 'must be at least 0; got -5' });
    expect(readNumber(-1, { above: -1 })).toMatchObject({ problem: 'must be above -1; got -1' });
  });
});

describe('cell readers throw located errors', () => {
  const at = 'instruments row 3, column 2 (term)';

  it('numberCell and optionalNumberCell', () => {
    expect(numberCell('7', at)).toBe(7);
    expect(optionalNumberCell(null, at)).toBeUndefined();
    expect(optionalNumberCell('', at)).toBeUndefined();
    const bad = fpaErrorOf(() => numberCell('seven', at));
    expect(bad.code).toBe('SHEET_BAD_CELL');
    expect(bad.message).toBe('instruments row 3, column 2 (term): holds "seven", not a number.');
    expect(bad.field).toBe(at);
    const error = fpaErrorOf(() => numberCell(cellError('#DIV/0!'), at));
    expect(error.code).toBe('SHEET_ERROR_CELL');
    expect(error.message).toBe('instruments row 3, column 2 (term): holds the error #DIV/0!.');
    expect(error.hint).toMatch(/Fix that cell first/);
  });

  it('amountCell: blank and #N/A are missing values, other errors are refused', () => {
    expect(amountCell(null, at)).toBeNull();
    expect(amountCell(undefined, at)).toBeNull();
    expect(amountCell(NaN, at)).toBeNull();
    expect(amountCell(cellError('#N/A'), at)).toBeNull();
    expect(amountCell('-250.5', at)).toBe(-250.5);
    expect(fpaErrorOf(() => amountCell(cellError('#VALUE!'), at)).code).toBe('SHEET_ERROR_CELL');
    expect(fpaErrorOf(() => amountCell(false, at)).message).toMatch(/holds FALSE, not a number/);
  });

  it('text cells: trimmed, numbers as text, blank refused where required', () => {
    expect(optionalTextCell('  Travel ', at)).toBe('Travel');
    expect(optionalTextCell('  Travel ', at, false)).toBe('  Travel ');
    expect(optionalTextCell(4010, at)).toBe('4010');
    expect(optionalTextCell(null, at)).toBe('');
    expect(textCell(' ON ', at, 'a name')).toBe('ON');
    const blank = fpaErrorOf(() => textCell('   ', at, "the instrument's name"));
    expect(blank.message).toBe(`${at}: is blank.`);
    expect(blank.hint).toBe("Enter the instrument's name.");
    expect(fpaErrorOf(() => optionalTextCell(cellError('#NAME?'), at)).code).toBe('SHEET_ERROR_CELL');
  });
});
