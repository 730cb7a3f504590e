import { labelledPeriodsPerYear, parseBudget, repeatedPeriodLabel } from '../../src/anomaly/parse-budget';
import { FpaError } from '../../src/errors';

describe('parseBudget', () => {
  it('reads lines, pads a short actual with blanks and accepts rate/quantity drivers', () => {
    const doc = parseBudget({
      periods: ['Jan', 'Feb', 'Mar'],
      lines: [
        {
          id: 7,
          plan: [1, 2, 3],
          actual: [1],
          drivers: {
            rate: { plan: [1, 1, 1], actual: [1, 1, 1] },
            quantity: { plan: [1, 2, 3], actual: [1, null, null] },
          },
        },
      ],
    });
    expect(doc.lines[0]).toMatchObject({ id: '7', costCentre: '', plan: [1, 2, 3], actual: [1, null, null] });
    expect(doc.lines[0].drivers?.volume.plan).toEqual([1, 2, 3]);
  });
  it('reads "" as a blank, as Excel hands over an empty cell (range.values), so a sheet exported as JSON reads', () => {
    const doc = parseBudget({ periods: ['a', 'b', 'c'], lines: [{ id: 'x', plan: [1, '', 3], actual: [2, ''] }] });
    expect(doc.lines[0]).toMatchObject({ plan: [1, null, 3], actual: [2, null, null] });
  });
  it('reads a text that is a plain number, the cell rule of src/sheets; formatted text stays refused', () => {
    const doc = parseBudget({
      periods: ['a', 'b', 'c'],
      lines: [{ id: 'x', plan: ['1250', ' -0.5 ', '1e3'], actual: [] }],
    });
    expect(doc.lines[0].plan).toEqual([1250, -0.5, 1000]);
    expect(() => parseBudget({ periods: ['a'], lines: [{ id: 'x', plan: ['0x10'], actual: [] }] })).toThrow(
      'lines[1].plan[1]: is "0x10", not a number or null',
    );
  });
  it('names a blank period label "period n", as the sheet readers do (a blank made "Over plan since : …")', () => {
    const doc = parseBudget({ periods: ['2026-01', '', null, ' '], lines: [] });
    expect(doc.periods).toEqual(['2026-01', 'period 2', 'period 3', 'period 4']);
    expect(doc.warnings).toEqual([]);
    expect(() => parseBudget({ periods: ['a', true], lines: [] })).toThrow('periods[2]');
  });
  it('reads periods that are Excel date serials a month apart as "Jan 2026" …; other numbers stay as they are', () => {
    // A header formatted "Jan-26" (1 Jan, 1 Feb, 1 Mar 2026) saved as JSON from Excel's range.values.
    expect(parseBudget({ periods: [46023, 46054, 46082], lines: [] }).periods).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
    ]);
    expect(parseBudget({ periods: [1, 2, 3], lines: [] }).periods).toEqual(['1', '2', '3']);
    expect(parseBudget({ periods: [2025, 2026], lines: [] }).periods).toEqual(['2025', '2026']);
  });
  it('warns on byAccount and byLine settings for a name no line has (a misspelt name applies to nothing)', () => {
    const doc = {
      periods: ['a'],
      lines: [{ id: 'L1', account: 'Travel', plan: [1], actual: [1] }],
      thresholds: {
        byAccount: { Travel: { minAbs: 1 }, travl: { minAbs: 1 } },
        byLine: { L1: { z: 4 }, L9: { z: 4 } },
      },
    };
    expect(parseBudget(doc).warnings).toEqual([
      'thresholds.byAccount names "travl", which no line has (names match exactly): its settings apply to nothing.',
      'thresholds.byLine names "L9", which no line has (names match exactly): its settings apply to nothing.',
    ]);
  });
  it('names a number too large to hold as such (JSON.parse reads 1e999 as Infinity), not as "null"', () => {
    const doc = JSON.parse('{"periods":["a"],"lines":[{"id":"x","plan":[1e999],"actual":[]}]}') as unknown;
    expect(() => parseBudget(doc)).toThrow('lines[1].plan[1]: is too large to hold (Infinity), not a number or null');
  });
  it.each([
    [{ periods: ['a'], lines: [{ id: 'x', plan: [' '], actual: [] }] }, /plan\[1\]: is " ", not a number/],
    [{ periods: ['a'], lines: [{ id: 'x', plan: ['1,000'], actual: [] }] }, /plan\[1\]: is "1,000", not a number/],
    [null, /top level/],
    [{ periods: [], lines: [] }, /periods/],
    [{ periods: ['a'], lines: {} }, /lines: must be an array/],
    [{ periods: ['a'], lines: [{ id: '', plan: [], actual: [] }] }, /lines\[1\]\.id/],
    [{ periods: ['a'], lines: [{ id: 'x', plan: [NaN], actual: [] }] }, /plan\[1\]/],
    [
      { periods: ['a'], lines: [{ id: 'x', plan: [1], actual: [1], drivers: { price: { plan: [1], actual: [1] } } }] },
      /needs both price/,
    ],
  ])('rejects %j with a catalogue error', (doc, message) => {
    expect(() => parseBudget(doc)).toThrow(FpaError);
    expect(() => parseBudget(doc)).toThrow(message);
  });
});

describe('repeatedPeriodLabel', () => {
  it('is silent on distinct labels and names the first repeated one with both places', () => {
    expect(repeatedPeriodLabel(['Jan', 'Feb', 'jan'])).toBeUndefined();
    expect(repeatedPeriodLabel([])).toBeUndefined();
    expect(repeatedPeriodLabel(['a', 'b', 'c', 'b', 'a'])).toMatch(
      /^Period label "b" appears more than once \(periods 2 and 4\)/,
    );
  });
  it('parseBudget keeps a sheet headed "Jan" … "Dec" over two years, with the repeat as a warning', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const doc = parseBudget({ periods: [...months, ...months], lines: [{ id: 'x', plan: [1], actual: [1] }] });
    expect(doc.periods).toHaveLength(24);
    expect(doc.lines).toHaveLength(1);
    expect(doc.warnings).toEqual([
      expect.stringContaining('Period label "Jan" appears more than once (periods 1 and 13)'),
    ]);
    expect(parseBudget({ periods: months, lines: [] }).warnings).toEqual([]);
    expect(parseBudget({ periods: ['2026-01', 1, '1'], lines: [] }).warnings).toEqual([
      expect.stringMatching(/^Period label "1" appears more than once \(periods 2 and 3\)/),
    ]);
  });
});

describe('labelledPeriodsPerYear', () => {
  it.each([
    [['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026'], 4],
    [['2026-Q1', '2026-Q2'], 4],
    [['FY26 Q1', 'FY26 Q2'], 4],
    [['Q1', 'Q2', 'Q3', 'Q4', 'Q1'], 4],
    [['W01', 'W02', 'W52'], 52],
    [['2026-W01', '2026-W02'], 52],
    [['Week 1', 'Wk 2'], 52],
  ])('reads %j as %d periods a year', (labels, perYear) => expect(labelledPeriodsPerYear(labels)).toBe(perYear));

  it.each([[['2026-01', '2026-02']], [['Jan', 'Feb']], [['Q1 2026', '2026-05']], [['Wages', 'W01']], [[]]])(
    'leaves %j to the default',
    (labels) => expect(labelledPeriodsPerYear(labels)).toBeUndefined(),
  );

  it('parseBudget sets periodsPerYear from quarterly, weekly or dated labels unless it is given; lines unchanged', () => {
    const doc = { periods: ['Q1 2026', 'Q2 2026'], lines: [{ id: 'x', plan: [1, 1], actual: [1, 1] }] };
    expect(parseBudget(doc)).toMatchObject({ thresholds: { periodsPerYear: 4 }, warnings: [] });
    expect(parseBudget({ ...doc, thresholds: { minPct: 0.1 } }).thresholds).toEqual({ minPct: 0.1, periodsPerYear: 4 });
    expect(parseBudget({ ...doc, thresholds: { periodsPerYear: 12 } }).thresholds).toEqual({ periodsPerYear: 12 });
    expect(parseBudget({ ...doc, periods: ['W01', 'W02'] }).thresholds).toEqual({ periodsPerYear: 52 });
    // Quarter ends as Excel date serials (31 Mar, 30 Jun 2026) and week starts (1, 8 Feb 2026).
    expect(parseBudget({ ...doc, periods: [46112, 46203] }).thresholds).toEqual({ periodsPerYear: 4 });
    expect(parseBudget({ ...doc, periods: [46054, 46061] }).thresholds).toEqual({ periodsPerYear: 52 });
    expect(parseBudget({ ...doc, periods: ['2026-01', '2026-02'] }).thresholds).toBeUndefined();
    expect(parseBudget({ ...doc, thresholds: { periodsPerYear: 4 } }).lines).toEqual(parseBudget(doc).lines);
  });
});
