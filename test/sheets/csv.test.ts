import { csvGrid, csvRows, csvText, parseCsv } from '../../src/sheets/csv';
import { parseImportCsv } from '../../server/actuals/parse-csv';

describe('csvGrid', () => {
  test('quoted fields, escaped quotes, CRLF, BOM; blank lines dropped', () => {
    expect(csvGrid('\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n2,\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['1', 'x, "y"'],
        ['2', ''],
      ],
      unclosed: null,
    });
  });
  test('a quote left open is reported with its line, and what came before is kept', () => {
    expect(csvGrid('a\n1\n"open\n2')).toEqual({ rows: [['a'], ['1']], unclosed: 3 });
  });
  test('empty text is an empty grid', () => {
    expect(csvGrid('')).toEqual({ rows: [], unclosed: null });
  });
  test("a file separated by semicolons (Excel's CSV with a decimal comma) or tabs is read by its header line", () => {
    const grid = [
      ['cost centre', 'account', '2025-01'],
      ['MKT', 'Ads; print', '1234,5'],
    ];
    expect(csvGrid('\uFEFFcost centre;account;2025-01\r\nMKT;"Ads; print";1234,5\r\n').rows).toEqual(grid);
    expect(csvGrid('cost centre\taccount\t2025-01\nMKT\tAds; print\t1234,5\n').rows).toEqual(grid);
    // A comma in the header line keeps commas as the separator; a quoted ";" does not count.
    expect(csvGrid('"a;b",c\n1;2,3').rows).toEqual([
      ['a;b', 'c'],
      ['1;2', '3'],
    ]);
    expect(csvGrid('units\n10\n12').rows).toEqual([['units'], ['10'], ['12']]);
  });
});

describe('parseCsv', () => {
  test('the server import reads CSV with the one reader', async () => {
    expect(parseCsv('Account,Amount\n4000,1').records).toEqual([{ account: '4000', amount: '1' }]);
    const text = '\uFEFFaccount,period,amount\r\n4000,2025-01,"1,5"\r\n\r\n"4""1",2025-02,2\n';
    const server = await parseImportCsv(text, { maxRows: 10, maxErrors: 10 });
    expect(server.records).toEqual(parseCsv(text).records);
    expect(server.records[1].account).toBe('4"1');
  });
});

describe('csvRows with limits', () => {
  test('the documented example: a row keeps fields + 1 fields of fieldLength + 1 characters', () => {
    expect([...csvRows('a,b,c,d\n12345', ',', { fields: 2, fieldLength: 3 })]).toEqual([['a', 'b', 'c'], ['1234']]);
  });
  test('what is cut is scanned past: quotes, doubled quotes and line ends after it are read as without limits', () => {
    const text = `x,"${'""'.repeat(50)}",${','.repeat(50)}\r\n"a""b",c\n"open`;
    const limits = { fields: 2, fieldLength: 4 };
    expect([...csvRows(text, ',', limits)]).toEqual([['x', '"'.repeat(5), ''], ['a"b', 'c'], null]);
    // Within the limits, the same rows as without them.
    const small = 'a,"b,c"\r\n"d""e",f\n';
    expect([...csvRows(small, ',', { fields: 5, fieldLength: 10 })]).toEqual([...csvRows(small)]);
  });
});

describe('csvText', () => {
  test('the documented example; quotes and line breaks are quoted', () => {
    expect(
      csvText([
        ['a', 'x, y'],
        [1.5, null],
      ]),
    ).toBe('a,"x, y"\r\n1.5,\r\n');
    expect(csvText([['say "hi"', 'two\nlines', true]])).toBe('"say ""hi""","two\nlines",true\r\n');
    expect(csvText([])).toBe('');
  });
  test('csvGrid reads back what it wrote, numbers to the same bits', () => {
    const rows = [
      ['name', 'q"uote', 'comma,'],
      [0.1 + 0.2, -1e-300, Number.MAX_VALUE],
    ];
    const back = csvGrid(csvText(rows)).rows;
    expect(back[0]).toEqual(rows[0]);
    expect(back[1].map(Number)).toEqual(rows[1]);
  });
});
