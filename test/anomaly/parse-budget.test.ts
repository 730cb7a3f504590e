import { checkPeriodLabels, parseBudget } from '../../src/anomaly/parse-budget';
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
    [{ periods: ['a', 'a', 'b'], lines: [] }, /Period label "a" appears more than once \(periods 1 and 2\)/],
    [{ periods: ['2026-01', 1, '1'], lines: [] }, /Period label "1" appears more than once \(periods 2 and 3\)/],
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

describe('checkPeriodLabels', () => {
  it('accepts distinct labels and names the repeated one with both places', () => {
    expect(() => checkPeriodLabels(['Jan', 'Feb', 'jan'])).not.toThrow();
    expect(() => checkPeriodLabels([])).not.toThrow();
    let error: unknown;
    try {
      checkPeriodLabels(['a', 'b', 'c', 'b']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FpaError);
    expect(error).toMatchObject({
      code: 'ANOMALY_DUPLICATE_PERIOD',
      field: 'periods[3]',
      message: expect.stringContaining('Period label "b" appears more than once (periods 2 and 4)'),
    });
  });
});
