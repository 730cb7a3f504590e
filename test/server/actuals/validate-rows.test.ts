import { validateRows } from '../../../server/actuals/validate-rows';

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
