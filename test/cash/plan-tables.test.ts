import { readCreditLine, readInstruments, readLevers } from '../../src/cash/plan-tables';

describe('plan tables', () => {
  it('reads instruments with and without a header, skipping blank rows', () => {
    const withHeader = readInstruments([
      ['name', 'term', 'rate', 'min', 'max', 'lot', 'from', 'to'],
      ['TD', 3, 0.01, 100, 500, 50, 2, 6],
      [null, null, null, null, null, null, null, null],
    ]);
    expect(withHeader).toEqual([{ name: 'TD', term: 3, rate: 0.01, min: 100, max: 500, lot: 50, from: 2, to: 6 }]);
    expect(readInstruments([['ON', 1, '0.004']])).toEqual([{ name: 'ON', term: 1, rate: 0.004 }]);
  });

  it('names the row and column at fault', () => {
    expect(() => readInstruments([['ON', 1.5, 0.01]])).toThrow(
      'instruments row 1, column 2 (term) must be a whole number; got 1.5.',
    );
    expect(() =>
      readInstruments([
        ['name', 'term', 'rate'],
        ['ON', 1, 0.01, 10, 5],
      ]),
    ).toThrow(/row 2, column 5 \(max\) must be at least 10/);
    expect(() => readInstruments([['ON', 1, 0.01, null, null, null, 4, 2]])).toThrow(
      /column 8 \(to\) must be at least 4/,
    );
  });

  it('reads a credit line as numbers or pairs', () => {
    expect(readCreditLine([[1000, 0.01]])).toEqual({ limit: 1000, rate: 0.01 });
    expect(
      readCreditLine([
        ['Limit', 1000],
        ['rate', 0.01],
        ['repay by', 6],
      ]),
    ).toEqual({ limit: 1000, rate: 0.01, repayBy: 6 });
    expect(readCreditLine(null)).toBeUndefined();
    expect(() => readCreditLine([[-1, 0.01]])).toThrow(/credit_line limit must be at least 0/);
  });

  it('reads levers', () => {
    expect(readLevers([['DSO', 45, 35, 1000, 200]])).toEqual([
      { name: 'DSO', current: 45, target: 35, dailyBase: 1000, costPerDay: 200 },
    ]);
    expect(() => readLevers([['lever', 'current', 'target', 'daily amount', 'cost per day']])).toThrow(
      /levers row 1, column 2 \(current\) must be a number/,
    );
    expect(() => readLevers([[null, null, null, null, null]])).toThrow(/levers is empty/);
  });
});
