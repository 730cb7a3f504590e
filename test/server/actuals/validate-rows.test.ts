import { otherCurrencies, validateRows } from '../../../server/actuals/validate-rows';

describe('validateRows', () => {
  test('accepts numbers and numeric text, trims, and keeps optional currency', () => {
    expect(
      validateRows([
        { account: ' 4000 ', period: '2025-01', amount: '1e3', currency: 'EUR' },
        { account: 4010, period: '2025-12', amount: -0.5 },
      ]).rows,
    ).toEqual([
      { account: '4000', period: '2025-01', amount: 1000, currency: 'EUR' },
      { account: '4010', period: '2025-12', amount: -0.5, currency: null },
    ]);
  });
  test('reports every problem with its 1-based row and field', () => {
    const { rows, errors } = validateRows([
      { account: '', period: '2025-13', amount: 'abc' },
      null,
      { account: '4000', period: '2025-01', amount: Number.MAX_VALUE, currency: 'euro' },
      { account: '4000', period: '2025-01', amount: '' },
    ]);
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '1:account',
      '1:period',
      '1:amount',
      '2:row',
      '3:amount',
      '3:currency',
      '4:amount',
    ]);
  });
  test('a field other than the CSV columns is a row error, not ignored (a row’s own costCentre)', () => {
    const { rows, errors } = validateRows([{ account: '4000', period: '2025-01', amount: 1, costCentre: 'CC2' }]);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 1, field: 'row', message: expect.stringContaining('"costCentre"') }]);
  });
  test('empty input gives no rows and no errors', () => {
    expect(validateRows([])).toEqual({ rows: [], errors: [], stoppedEarly: false });
  });
});

describe('otherCurrencies', () => {
  const rows = (...currencies: (string | null)[]) => currencies.map((currency) => ({ currency }));
  test('the documented example: a row in another currency than the stored one', () => {
    expect(otherCurrencies(rows('JPY'), 'EUR', 'CC1')).toEqual([
      {
        row: 1,
        field: 'currency',
        message:
          "CC1's actuals are in EUR; this row is in JPY. Amounts of an account and month are added up, so a cost " +
          "centre's actuals are in one currency: convert the amount to EUR, or leave the currency empty.",
      },
    ]);
  });
  test('without stored actuals, the batch’s first currency is the cost centre’s; rows without one go with any', () => {
    expect(otherCurrencies(rows(null, 'EUR', null, 'EUR'), undefined, 'CC1')).toEqual([]);
    const mixed = otherCurrencies(rows(null, 'EUR', 'USD', 'EUR', 'JPY'), undefined, 'CC1');
    expect(mixed.map((e) => e.row)).toEqual([3, 5]);
    expect(mixed[0].message).toContain('in EUR (an earlier row of the batch); this row is in USD');
    expect(otherCurrencies(rows(null, null), 'EUR', 'CC1')).toEqual([]);
    expect(otherCurrencies(rows('USD', 'USD', 'USD'), 'EUR', 'CC1', 2)).toHaveLength(2);
  });
});
