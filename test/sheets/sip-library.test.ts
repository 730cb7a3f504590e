/**
 * A SIPmath library as a range or a file's text: 3.0 JSON (in one cell, or down a column), the 2.0
 * table as JSON rows or CSV, and the errors for what is neither.
 */
import { readFileSync } from 'node:fs';
import { importSipmath2, sipmath2Table } from '../../src/scenario/sipmath/library';
import type { Library3 } from '../../src/scenario/sipmath/library';
import { isLibrary3, readSipLibrary, sipLibraryFromText, sipTrialRows } from '../../src/sheets/sip-library';
import { fpaErrorOf } from '../fpa-error-of';

const TEXT = readFileSync(`${__dirname}/../fixtures/sipmath/plan-drivers-3.0.json`, 'utf8');

const messageOf = (f: () => unknown): string => fpaErrorOf(f).message;

describe('sipLibraryFromText', () => {
  test('the documented example: a bare CSV table, numbers read as numbers', () => {
    expect(sipLibraryFromText('units,price\n10,2\n12,3')).toEqual([
      ['units', 'price'],
      [10, 2],
      [12, 3],
    ]);
  });

  test('3.0 JSON is the library object; a byte-order mark and blanks around it are dropped', () => {
    const lib = sipLibraryFromText(`\uFEFF  ${TEXT}\n`);
    expect(isLibrary3(lib)).toBe(true);
    expect((lib as Library3).sips.map((s) => s.name)).toEqual(['units', 'price', 'cost_share']);
  });

  test('the 2.0 table as CSV and as JSON rows round-trips bit for bit', () => {
    const trials = Float64Array.from({ length: 25 }, (_, i) => Math.sin(i + 1) * 1e6 + 1 / 3);
    const table = sipmath2Table([{ name: 'x', trials }], 'test run');
    const csv = table.map((r) => r.map((c) => (c === null ? '' : String(c))).join(',')).join('\r\n');
    expect(importSipmath2(sipLibraryFromText(csv) as never).x).toEqual(trials);
    expect(importSipmath2(sipLibraryFromText(JSON.stringify(table)) as never).x).toEqual(trials);
  });

  test('JSON rows with numbers as text read them as numbers; blanks are null', () => {
    expect(sipLibraryFromText('[["a", ""], ["1.5", null]]')).toEqual([
      ['a', null],
      [1.5, null],
    ]);
  });

  test.each([
    ['', /the library is empty/],
    ['{"sips": [', /JSON cannot be read/],
    ['{"name": "x"}', /not a SIPmath 3\.0 library/],
    ['[1, 2]', /row 1 of the JSON table is not a list/],
    ['a,"b\n1,2', /line 1 of the CSV opens a quote/],
  ])('%j is refused', (text, pattern) => {
    expect(messageOf(() => sipLibraryFromText(text))).toMatch(pattern);
  });
});

describe('readSipLibrary', () => {
  test('JSON text in one cell, or split down a column, is the library', () => {
    const one = readSipLibrary([[TEXT]]);
    const split = readSipLibrary([[TEXT.slice(0, 300)], [null], [TEXT.slice(300)]]);
    expect(split).toEqual(one);
    expect(isLibrary3(one)).toBe(true);
  });

  test('a table stays a table, blanks as null', () => {
    expect(
      readSipLibrary([
        ['a', undefined],
        [1, ''],
      ]),
    ).toEqual([
      ['a', null],
      [1, null],
    ]);
  });

  test('an error value is named where it is; an empty range is refused', () => {
    expect(messageOf(() => readSipLibrary([['a'], [{ error: '#N/A' }]], 'flows'))).toBe(
      'flows row 2, column 1: holds the error #N/A.',
    );
    expect(messageOf(() => readSipLibrary([[null, '']]))).toMatch(/sips: the range is empty/);
  });
});

describe('sipTrialRows', () => {
  test('the documented example: one row per trial, one column per SIP', () => {
    expect(
      sipTrialRows(
        [
          ['p1', 'p2'],
          [10, -5],
          [12, -6],
        ],
        0,
      ),
    ).toEqual({
      names: ['p1', 'p2'],
      rows: [
        [10, -5],
        [12, -6],
      ],
    });
  });
  test('a 3.0 library gives the asked number of regenerated trials', () => {
    const read = sipTrialRows(sipLibraryFromText(TEXT), 7);
    expect(read.names).toEqual(['units', 'price', 'cost_share']);
    expect(read.rows).toHaveLength(7);
    expect(read.rows.every((r) => r.length === 3 && r.every(Number.isFinite))).toBe(true);
  });
});
