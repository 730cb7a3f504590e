import { parseCsv } from '../../../server/actuals/parse-csv';

describe('parseCsv', () => {
  test('header, quoted fields with commas, escaped quotes and CRLF', () => {
    const parsed = parseCsv('\uFEFFAccount,Period,Amount\r\n"4000","2025-01","1,5"\r\n"Acc ""A""",2025-02,-3\r\n');
    expect(parsed.header).toEqual(['account', 'period', 'amount']);
    expect(parsed.records).toEqual([
      { account: '4000', period: '2025-01', amount: '1,5' },
      { account: 'Acc "A"', period: '2025-02', amount: '-3' },
    ]);
    expect(parsed.errors).toEqual([]);
  });
  test('a quoted field may hold a newline', () => {
    expect(parseCsv('a,b\n"x\ny",2').records).toEqual([{ a: 'x\ny', b: '2' }]);
  });
  test('wrong field counts and unterminated quotes are reported per row', () => {
    const parsed = parseCsv('a,b\n1\n1,2,3\n"open,2\n');
    expect(parsed.errors).toEqual([
      { row: 1, field: 'row', message: 'Expected 2 fields, found 1.' },
      { row: 2, field: 'row', message: 'Expected 2 fields, found 3.' },
      { row: 3, field: 'row', message: 'A quoted field is not closed.' },
    ]);
  });
  test('empty input has no header; blank lines are skipped', () => {
    expect(parseCsv('').errors[0].field).toBe('header');
    expect(parseCsv('a\n\n1\n\n').records).toEqual([{ a: '1' }]);
  });
});
