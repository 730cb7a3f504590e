import { parseBudget, repeatedPeriodLabel } from '../../src/anomaly/parse-budget';
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
  it.each([
    [null, /top level/],
    [{ periods: [], lines: [] }, /periods/],
    [{ periods: ['a'], lines: {} }, /lines: must be an array/],
    [{ periods: ['a'], lines: [{ id: '', plan: [], actual: [] }] }, /lines\[0\]\.id/],
    [{ periods: ['a'], lines: [{ id: 'x', plan: [NaN], actual: [] }] }, /plan\[0\]/],
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
