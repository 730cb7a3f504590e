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
  test('a header wider than the columns, a row wider than the header and a cell past 1,000 characters are named, not built (ninth pass)', async () => {
    // 20,000 distinct names: the repeat check was quadratic (80,000 held the event loop 23 s) and
    // the message listed every name (190 kB).
    const wide = `account,period,amount${Array.from({ length: 20_000 }, (_, i) => `,c${i}`).join('')}\n1,2025-01,1\n`;
    expect((await parseImportCsv(wide, LIMITS)).errors).toEqual([
      {
        row: 0,
        field: 'header',
        message: 'The header has more than 4 columns; allowed: account, period, amount, currency, each once.',
      },
    ]);
    const rows = await parseImportCsv(
      `account,period,amount\n1,2025-01,1${','.repeat(100_000)}\n"${'""'.repeat(1200)}",2025-01,1\n4000,2025-01,2\n`,
      LIMITS,
    );
    expect(rows.errors).toEqual([
      { row: 1, field: 'row', message: 'Expected 3 fields, found more than 4.' },
      { row: 2, field: 'row', message: 'A field is longer than 1,000 characters.' },
    ]);
    expect(rows.records).toEqual([{ account: '4000', period: '2025-01', amount: '2' }]);
  });
  test('blank lines yield to the event loop too (ninth pass: 15 million of them never did)', async () => {
    let turns = 0;
    let going = true;
    const count = () => {
      turns += 1;
      if (going) setImmediate(count);
    };
    setImmediate(count);
    const parsed = await parseImportCsv(`account,period,amount\n${'\n'.repeat(50_000)}4000,2025-01,1\n`, LIMITS);
    going = false;
    expect(parsed.records).toHaveLength(1);
    expect(turns).toBeGreaterThanOrEqual(5);
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
