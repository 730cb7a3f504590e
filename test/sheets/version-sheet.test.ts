import {
  VERSION_SHEET_MARK,
  versionGrid,
  versionGridCells,
  versionOnSheet,
  versionSheetCells,
  versionSheetChanges,
  versionSheetLines,
  versionSheetName,
} from '../../src/sheets/version-sheet';
import { fpaErrorOf } from '../fpa-error-of';

const lines = [
  { account: '6100', period: '2026-02', amount: 900 },
  { account: '4000', period: '2026-01', amount: 1200.5 },
  { account: '6100', period: '2026-01', amount: 1000 },
];
const version = {
  id: 'a0000000-0000-4000-8000-000000000002',
  name: 'v2',
  kind: 'budget' as const,
  fiscalYear: 2026,
  costCentre: 'CC1',
};

describe('a version as an account × period grid', () => {
  test('accounts down, periods across, in order; blank where there is no line', () => {
    expect(versionGrid(lines)).toEqual({
      accounts: ['4000', '6100'],
      periods: ['2026-01', '2026-02'],
      amounts: [
        [1200.5, null],
        [1000, 900],
      ],
    });
    expect(versionGridCells(versionGrid(lines))).toEqual([
      ['account', '2026-01', '2026-02'],
      ['4000', 1200.5, ''],
      ['6100', 1000, 900],
    ]);
  });

  test('an empty version is a header alone; every line lands in exactly one cell', () => {
    expect(versionGridCells(versionGrid([]))).toEqual([['account']]);
    const many = Array.from({ length: 60 }, (_, i) => ({
      account: String(4000 + (i % 7) * 10),
      period: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
      amount: i,
    })).filter((l, i, all) => all.findIndex((m) => m.account === l.account && m.period === l.period) === i);
    const grid = versionGrid(many);
    const filled = grid.amounts.flat().filter((v) => v !== null);
    expect(filled).toHaveLength(many.length);
    expect(filled.reduce((a, b) => a + b, 0)).toBe(many.reduce((a, l) => a + l.amount, 0));
  });
});

describe('the version sheet', () => {
  const cells = versionSheetCells(version, lines);

  test('a title row naming the version, then the grid, all rows as wide', () => {
    expect(cells).toEqual([
      [VERSION_SHEET_MARK, 'v2', 'budget', '2026', 'CC1', version.id],
      ['account', '2026-01', '2026-02', '', '', ''],
      ['4000', 1200.5, '', '', '', ''],
      ['6100', 1000, 900, '', '', ''],
    ]);
    expect(versionOnSheet(cells)).toEqual({ kind: 'version', id: version.id, name: 'v2' });
  });

  test('says whether a sheet is empty, holds a version, or holds something else', () => {
    expect(versionOnSheet([])).toEqual({ kind: 'empty' });
    expect(versionOnSheet([[null, ''], [undefined]])).toEqual({ kind: 'empty' });
    expect(versionOnSheet([['account', '2026-01']])).toEqual({ kind: 'other' });
    expect(versionOnSheet([[VERSION_SHEET_MARK, 'v2', 'budget', 2026, 'CC1', '']])).toEqual({ kind: 'other' });
  });

  test('an untouched sheet has no changes; an edited amount, a cleared one and a note beside it are named', () => {
    expect(versionSheetChanges(cells, cells)).toEqual([]);
    const edited = cells.map((r) => [...r]) as unknown[][];
    edited[3][1] = 1100;
    edited[2][1] = null;
    edited.push(['total', 3100.5]);
    expect(versionSheetChanges(cells, edited)).toEqual([
      '4000 2026-01 (B3) was 1,200.5, now blank',
      '6100 2026-01 (B4) was 1,000, now 1,100',
      'A5 was blank, now total',
      'B5 was blank, now 3,100.5',
    ]);
  });

  test('sheet names are what Excel accepts', () => {
    expect(versionSheetName('CC1')).toBe('Budget CC1');
    expect(versionSheetName("Sales/EU: O'Neil [north]")).toBe('Budget Sales EU  O Neil  north ');
    expect(versionSheetName('x'.repeat(40))).toHaveLength(31);
  });
});

describe('a version sheet read back as lines', () => {
  test('the sheet written gives back its lines; an edited amount, a new account row and a new month are read', () => {
    const written = versionSheetCells(version, lines);
    expect(versionSheetLines(written)).toEqual(
      versionGrid(lines).accounts.flatMap((a) =>
        lines.filter((l) => l.account === a).sort((x, y) => x.period.localeCompare(y.period)),
      ),
    );
    const edited = written.map((row) => [...row]);
    edited[3][2] = 950; // 6100 2026-02
    edited[1].push('2026-03');
    edited[2].push(10);
    edited.push(['7000', '', 42, '']);
    expect(versionSheetLines(edited)).toEqual([
      { account: '4000', period: '2026-01', amount: 1200.5 },
      { account: '4000', period: '2026-03', amount: 10 },
      { account: '6100', period: '2026-01', amount: 1000 },
      { account: '6100', period: '2026-02', amount: 950 },
      { account: '7000', period: '2026-02', amount: 42 },
    ]);
  });

  test('empty: no lines; blank rows and columns are skipped; an account typed as a number is text', () => {
    expect(versionSheetLines([])).toEqual([]);
    expect(versionSheetLines([[VERSION_SHEET_MARK], ['account', '', '2026-01'], [], [6100, null, -3]])).toEqual([
      { account: '6100', period: '2026-01', amount: -3 },
    ]);
  });

  test('a bad month, a text amount, a huge or non-finite one, and an amount without its account are located', () => {
    expect(fpaErrorOf(() => versionSheetLines([[], ['account', 'March'], ['6100', 1]]))).toMatchObject({
      code: 'SHEET_BAD_CELL',
      message: 'B2: "March" is not a month.',
    });
    expect(fpaErrorOf(() => versionSheetLines([[], ['account', '2026-01'], ['6100', '1,200']]))).toMatchObject({
      message: 'B3: "1,200" is not an amount.',
    });
    expect(fpaErrorOf(() => versionSheetLines([[], ['account', '2026-01'], ['6100', Infinity]])).code).toBe(
      'SHEET_BAD_CELL',
    );
    expect(versionSheetLines([[], ['account', '2026-01'], ['6100', Number.MAX_VALUE]])).toEqual([
      { account: '6100', period: '2026-01', amount: Number.MAX_VALUE },
    ]);
    expect(fpaErrorOf(() => versionSheetLines([[], ['account', '2026-01'], ['', 5]]))).toMatchObject({
      message: 'B3: holds an amount without its account or period.',
    });
    expect(fpaErrorOf(() => versionSheetLines([[], ['account', ''], ['6100', 5]])).code).toBe('SHEET_BAD_CELL');
  });
});
