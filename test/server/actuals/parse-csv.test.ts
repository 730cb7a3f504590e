import { parseImportCsv } from '../../../server/actuals/parse-csv';

const LIMITS = { maxRows: 1000, maxErrors: 100 };

describe('parseImportCsv', () => {
  test('header, quoted fields with commas, escaped quotes and CRLF', async () => {
    const parsed = await parseImportCsv(
      '\uFEFFAccount,Period,Amount\r\n"4000","2025-01","1,5"\r\n"Acc ""A""",2025-02,-3\r\n',
      LIMITS,
    );
    expect(parsed.header).toEqual(['account', 'period', 'amount']);
    expect(parsed.records).toEqual([
      { account: '4000', period: '2025-01', amount: '1,5' },
      { account: 'Acc "A"', period: '2025-02', amount: '-3' },
    ]);
    expect(parsed.errors).toEqual([]);
  });
  test('a quoted field may hold a newline', async () => {
    expect((await parseImportCsv('account,period,amount\n"x\ny",2025-01,2', LIMITS)).records).toEqual([
      { account: 'x\ny', period: '2025-01', amount: '2' },
    ]);
  });
  test('wrong field counts and unterminated quotes are reported per row', async () => {
    const parsed = await parseImportCsv('account,period,amount\n1\n1,2,3,4\n"open,2\n', LIMITS);
    expect(parsed.errors).toEqual([
      { row: 1, field: 'row', message: 'Expected 3 fields, found 1.' },
      { row: 2, field: 'row', message: 'Expected 3 fields, found 4.' },
      { row: 3, field: 'row', message: 'A quoted field is not closed.' },
    ]);
  });
  test('empty input has no header; blank lines are skipped', async () => {
    expect((await parseImportCsv('', LIMITS)).errors[0].field).toBe('header');
    expect((await parseImportCsv('account,period,amount\n\n1,2025-01,1\n\n', LIMITS)).records).toHaveLength(1);
  });
  test('a repeated, unknown or missing column is refused, never guessed around (probe: duplicated amount)', async () => {
    const messages = async (header: string) =>
      (await parseImportCsv(`${header}\n1,2,3,4\n`, LIMITS)).errors[0]?.message;
    expect(await messages('account,period,amount,amount')).toBe('The header repeats amount.');
    expect(await messages('account,period,amount,note')).toMatch(/unknown column\(s\) "note"/);
    expect(await messages('account,period,Amount,AMOUNT')).toBe('The header repeats amount.');
    expect(await messages('account,period,currency,x')).toMatch(/unknown/);
    expect((await parseImportCsv('account,period,currency\n1,2,EUR\n', LIMITS)).errors[0].message).toBe(
      'The header lacks amount.',
    );
  });
  test('stops at the row limit and at the error limit', async () => {
    const rows = (n: number, line: string) => `account,period,amount\n${line.repeat(n)}`;
    const many = await parseImportCsv(rows(1001, '4000,2025-01,1\n'), LIMITS);
    expect(many.tooManyRows).toBe(true);
    expect((await parseImportCsv(rows(1000, '4000,2025-01,1\n'), LIMITS)).tooManyRows).toBe(false);
    const bad = await parseImportCsv(rows(500, '1\n'), LIMITS);
    expect(bad.errors).toHaveLength(100);
    expect(bad.stoppedEarly).toBe(true);
  });
});
