import { SAME_AMOUNT, sameCell, showCell, staleCells } from '../../src/sheets/stale-cells';

describe('the stale-range check', () => {
  test('amounts within half a cent are unchanged; beyond it they changed', () => {
    expect(sameCell(1000 + SAME_AMOUNT / 2, 1000)).toBe(true);
    expect(sameCell(1000 + 0.006, 1000)).toBe(false);
    expect(sameCell(1000 - 0.006, 1000)).toBe(false);
    expect(sameCell(-0, 0)).toBe(true);
    expect(sameCell(1e15 + 0.001, 1e15)).toBe(true);
    expect(sameCell('1000', 1000)).toBe(false);
  });

  test('blanks equal blanks, text equals itself exactly', () => {
    expect(sameCell(null, '')).toBe(true);
    expect(sameCell(undefined, null)).toBe(true);
    expect(sameCell(0, null)).toBe(false);
    expect(sameCell(null, 0)).toBe(false);
    expect(sameCell('6100', '6100')).toBe(true);
    expect(sameCell('6100 ', '6100')).toBe(false);
    expect(sameCell(true, true)).toBe(true);
  });

  test('one phrase per changed cell, in order, with the values as a user reads them', () => {
    expect(
      staleCells(
        [
          { label: 'L1', value: 1000 },
          { label: 'L2', value: 2500.5 },
          { label: 'L3', value: null },
          { label: 'L4', value: 'rent' },
        ],
        [1000.001, 2400, 7, 'Rent'],
      ),
    ).toEqual(['L2 was 2,500.5, now 2,400', 'L3 was blank, now 7', 'L4 was rent, now Rent']);
  });

  test('a missing value reads as blank; nothing expected, nothing stale', () => {
    expect(staleCells([{ label: 'L1', value: 5 }], [])).toEqual(['L1 was 5, now blank']);
    expect(staleCells([], [1, 2])).toEqual([]);
    expect(showCell(1234567.891)).toBe('1,234,567.89');
    expect(showCell('')).toBe('blank');
  });

  test.each([
    // [style, what the message writes]: en-US (the default) as the CLI and the server write it.
    [{}, 'L1 was -1,234.5, now 1,000,000'],
    [{ locale: 'en-US', minus: 'true' as const }, 'L1 was \u22121,234.5, now 1,000,000'],
    [{ locale: 'de-DE', minus: 'true' as const }, 'L1 was \u22121.234,5, now 1.000.000'],
    [{ locale: 'fr-FR', minus: 'true' as const }, 'L1 was \u22121\u202f234,5, now 1\u202f000\u202f000'],
  ])('the amounts in the pane’s number style %o', (style, phrase) => {
    expect(staleCells([{ label: 'L1', value: -1234.5 }], [1e6], style)).toEqual([phrase]);
  });
});
