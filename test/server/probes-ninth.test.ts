import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import type { JWK } from 'jose';
import { devIssuerFromJwk } from '../../server/auth/dev-issuer';
import { LIST_PAGE_BYTES } from '../../src/model/limits';
import { FLAG_KINDS } from '../../src/model/flag';
import { deliverDue } from '../../server/notify/background';
import { move, ok } from './fixtures';
import {
  ENGINES,
  moveProposal,
  postProposal,
  probeClaims,
  snapshot,
  startTestServer,
  useTestServer,
  type Json,
  type TestResponse,
  type TestServer,
} from './helpers';
import { startReceiver } from './receiver';

jest.setTimeout(300_000);

/**
 * Ninth attack pass (2026-12-07): attacks written down before trying them, none of a class the
 * passes before tried (docs/server.md, "Ninth pass"). Each test names what it found, or that it held.
 */
describe.each(ENGINES)('probes: ninth pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbninth' });
  const root = () => server.token('root', 'admin', '*');
  const alice = () => server.token('alice', ['analyst', 'budget_owner'], ['CC1'], { email: 'alice@corp.example' });

  /** Every record of a list, page by page (following X-Next-Cursor), with each page's size in bytes. */
  const walk = async (token: string, url: string): Promise<{ records: Json[]; pages: number[] }> => {
    const records: Json[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      const r = await server.as(token, {
        method: 'GET',
        url: cursor ? `${url}&cursor=${cursor}` : url,
      });
      expect(r.statusCode).toBe(200);
      pages.push(Buffer.byteLength(r.body));
      records.push(...(r.json() as Json[]));
      cursor = r.headers['x-next-cursor'];
    } while (cursor);
    return { records, pages };
  };

  test('a list of large records is cut into pages of a few MB (found: one answer held them all)', async () => {
    // 1,000 lines with long ids and accounts: about 0.3 MB a proposal, within the 1 MiB body limit.
    // 24 of them were one 7 MB answer of `GET /api/proposals?limit=500` (500 would be 150 MB, built
    // in the server's memory for one request), and their audit records another.
    const lines = Array.from({ length: 1000 }, (_, i) => ({
      id: `L${i}`.padEnd(120, 'x'),
      costCentre: 'CC9',
      account: `A${i}`.padEnd(60, 'y'),
      period: '2026-03',
      before: 123_456_789.12345,
      after: 987_654_321.12345,
    }));
    const writer = await server.token('wendy', 'analyst', ['CC9']);
    const made: string[] = [];
    for (let i = 0; i < 24; i++)
      made.push(
        String(ok(await postProposal(server, writer, { fiscalYear: 2026, reason: `big ${i}`, lines }), 'propose').id),
      );
    for (const [token, url] of [
      [writer, '/api/proposals?costCentre=CC9&limit=500'],
      [await root(), '/api/audit?costCentre=CC9&limit=500'],
    ]) {
      const { records, pages } = await walk(token, url);
      expect(pages.length).toBeGreaterThan(1);
      // A page ends once its records reach the budget: at most one record beyond it.
      for (const size of pages) expect(size).toBeLessThan(LIST_PAGE_BYTES + 400_000);
      // Each record once, in order, none lost.
      const ids = records.map((r) => String(r.entityId ?? r.id));
      expect(ids).toEqual(url.startsWith('/api/audit') ? [...made].reverse() : made);
    }
  });

  test('a flag report naming one flag twice is a 400 (found: a 500)', async () => {
    const before = await snapshot(server.db);
    const flag = { flagId: 'flag:6100@3', kind: FLAG_KINDS[0], severity: 0.9, amount: 10 };
    const r = await server.as(await alice(), {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC1', flags: [flag, { ...flag, severity: 0.1 }] },
    });
    expect([r.statusCode, r.json().error?.code]).toEqual([400, 'SERVER_BAD_REQUEST']);
    expect(r.json().error.message).toBe('flags[2] repeats the flag flag:6100@3: report each flag once.');
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a CSV import’s header of 20,000 names, a line of a million commas, a cell of 1,001 quotes: short 422s (found: quadratic, 23 s for 80,000 names)', async () => {
    const writer = await alice();
    const before = await snapshot(server.db);
    const csv = async (batchId: string, text: string) => {
      const r = await server.as(writer, {
        method: 'POST',
        url: `/api/actuals/imports?batchId=${batchId}&costCentre=CC1`,
        payload: text,
        headers: { 'content-type': 'text/csv' },
      });
      expect([r.statusCode, r.json().error?.code]).toEqual([422, 'SERVER_IMPORT_INVALID']);
      expect(r.body.length).toBeLessThan(1_000);
      return (r.json().error.details.errors as Json[]).map((e) => e.message as string);
    };
    const names = Array.from({ length: 20_000 }, (_, i) => `,c${i}`).join('');
    expect(await csv('wide-header', `account,period,amount${names}\n6100,2026-01,1\n`)).toEqual([
      'The header has more than 4 columns; allowed: account, period, amount, currency, each once.',
    ]);
    expect(await csv('wide-row', `account,period,amount\n6100,2026-01,1${','.repeat(1_000_000)}\n`)).toEqual([
      'Expected 3 fields, found more than 4.',
    ]);
    expect(await csv('long-cell', `account,period,amount\n"${'""'.repeat(1_001)}",2026-01,1\n`)).toEqual([
      'A field is longer than 1,000 characters.',
    ]);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('actuals of one cost centre in two currencies are refused, not added up (found: 1,000 EUR + 1,000 JPY = 2,000)', async () => {
    const writer = await server.token('ivan', 'analyst', ['CC7', 'CC8']);
    const csv = (costCentre: string, batchId: string, rows: string) =>
      server.as(writer, {
        method: 'POST',
        url: `/api/actuals/imports?batchId=${batchId}&costCentre=${costCentre}`,
        payload: `account,period,amount,currency\n${rows}`,
        headers: { 'content-type': 'text/csv' },
      });
    const refused = async (r: Promise<TestResponse>) => {
      const answer = await r;
      expect([answer.statusCode, answer.json().error?.code]).toEqual([422, 'SERVER_IMPORT_INVALID']);
      return (answer.json().error.details.errors as Json[]).map((e) => [e.row, e.field, e.message as string]);
    };
    const before = await snapshot(server.db);
    // One batch in two currencies: the second is refused, naming the first.
    expect(await refused(csv('CC7', 'mixed', '6100,2026-01,1000,EUR\n6100,2026-01,1000,JPY\n'))).toEqual([
      [
        2,
        'currency',
        expect.stringContaining("CC7's actuals are in EUR (an earlier row of the batch); this row is in JPY"),
      ],
    ]);
    expect(await snapshot(server.db)).toEqual(before);
    expect((await csv('CC7', 'jan', '6100,2026-01,1000,EUR\n6200,2026-01,5,\n')).statusCode).toBe(201);
    // A later batch in another currency: refused, whatever it mixes in.
    const later = await refused(
      csv('CC7', 'feb', '6100,2026-01,1000,EUR\n6100,2026-01,1000,JPY\n6100,2026-02,1,USD\n'),
    );
    expect(later.map(([row]) => row)).toEqual([2, 3]);
    expect(later[0][2]).toContain("CC7's actuals are in EUR; this row is in JPY");
    // JSON rows the same; rows without a currency, the same currency, and another cost centre are fine.
    const json = await server.as(writer, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=feb-json&costCentre=CC7',
      payload: { rows: [{ account: '6100', period: '2026-02', amount: 1, currency: 'GBP' }] },
    });
    expect([json.statusCode, json.json().error?.details?.errors?.[0]?.field]).toEqual([422, 'currency']);
    expect((await csv('CC7', 'feb2', '6100,2026-02,7,EUR\n6300,2026-02,8,\n')).statusCode).toBe(201);
    expect((await csv('CC8', 'jan', '6100,2026-01,1000,JPY\n')).statusCode).toBe(201);
    const sums = await server.as(writer, { method: 'GET', url: '/api/actuals?costCentre=CC7&to=2026-01' });
    expect(sums.json()).toEqual([
      { account: '6100', period: '2026-01', amount: 1000 },
      { account: '6200', period: '2026-01', amount: 5 },
    ]);
  });

  test('conditional and range requests answer the whole record, never a 304 or a part (held)', async () => {
    const writer = await alice();
    const model = ok(
      await server.as(writer, {
        method: 'POST',
        url: '/api/models',
        payload: {
          costCentre: 'CC1',
          name: 'Conditional',
          expression: 'units',
          drivers: [{ name: 'units', distribution: 'fixed', params: { value: 1 } }],
        },
      }),
      'model',
    );
    const url = `/api/models/${String(model.id)}`;
    const whole = await server.as(writer, { method: 'GET', url });
    const conditions: Record<string, string>[] = [
      { 'if-none-match': whole.headers.etag },
      { 'if-none-match': '*' },
      { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() },
      { range: 'bytes=0-5' },
      { 'if-range': whole.headers.etag, range: 'bytes=0-5' },
    ];
    for (const headers of conditions) {
      const r = await server.as(writer, { method: 'GET', url, headers });
      expect([JSON.stringify(headers), r.statusCode, r.body]).toEqual([JSON.stringify(headers), 200, whole.body]);
      expect(r.headers['content-range']).toBeUndefined();
      expect(r.headers['cache-control']).toBe('no-store');
    }
    // Another cost centre's reader gets the unknown id's 404 whatever it sends.
    const other = await server.token('olga', 'viewer', ['CC2']);
    const r = await server.as(other, { method: 'GET', url, headers: { 'if-none-match': whole.headers.etag } });
    expect(r.statusCode).toBe(404);
  });

  test('fiscal years at the ends of their range: 1900 with its months, nothing before it or past 2200 (held)', async () => {
    const writer = await alice();
    const propose = (fiscalYear: number, period: string) =>
      postProposal(server, writer, {
        fiscalYear,
        lines: [{ costCentre: 'CC1', account: 'EDGE', period, before: 0, after: 1 }],
      });
    const before = await snapshot(server.db);
    for (const [fiscalYear, period] of [
      [1900, '1899-12'], // the year before is allowed by the fiscal-year rule, not by the period rule
      [1899, '1900-01'],
      [2201, '2201-01'],
      [2200, '2202-01'],
    ] as const) {
      const r = await propose(fiscalYear, period);
      expect([fiscalYear, period, r.statusCode]).toEqual([fiscalYear, period, 400]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect((await propose(1900, '1900-01')).statusCode).toBe(201);
    expect((await propose(2200, '2201-12')).statusCode).toBe(201);
  });

  test('a proposal filed under a cost centre it does not change: its approver needs that one too, its readers see it (held)', async () => {
    const author = await server.token('hana', 'analyst', ['CC3', 'CC4']);
    const approverOfCc3 = await server.token('ike', 'approver', ['CC3']);
    const approverOfBoth = await server.token('jon', 'approver', ['CC3', 'CC4']);
    const readerOfCc4 = await server.token('kim', 'viewer', ['CC4']);
    let p = ok(
      await postProposal(server, author, {
        costCentre: 'CC4',
        fiscalYear: 2026,
        lines: [
          { costCentre: 'CC4', account: '6100', period: '2026-03', before: 5, after: 5 },
          { costCentre: 'CC3', account: '6100', period: '2026-03', before: 0, after: 10 },
        ],
      }),
      'propose',
    );
    p = ok(await moveProposal(server, author, p, 'submit'), 'submit');
    // CC4 is no cost centre the proposal changes, but it is filed there: a reader of CC4 reads it, and
    // an approver of CC3 alone may not decide it (403 for what needs every cost centre, nothing decided).
    expect((await server.as(readerOfCc4, { method: 'GET', url: `/api/proposals/${String(p.id)}` })).statusCode).toBe(
      200,
    );
    const inbox = ok(await server.as(approverOfCc3, { method: 'GET', url: '/api/approvals' }), 'inbox') as Json[];
    expect(inbox.map((q) => q.id)).not.toContain(p.id);
    const refused = await moveProposal(server, approverOfCc3, p, 'approve');
    expect([refused.statusCode, refused.json().error?.code]).toEqual([403, 'SERVER_FORBIDDEN_COST_CENTRE']);
    expect(refused.json().error.message).toContain('CC4');
    expect(ok(await moveProposal(server, approverOfBoth, p, 'approve'), 'approve').state).toBe('approved');
  });

  test('one cost centre’s many webhooks do not hold another’s approvals back (found: 40 deliveries of CC5 went first)', async () => {
    const [receiver, other] = [await startReceiver(), await startReceiver()];
    try {
      // An admin of CC5 subscribes 40 webhooks to CC5's approvals; one proposal of CC5 is then 40
      // deliveries, and each (of a receiver as slow as the 10 s timeout) held a slot of a round.
      const cora = await server.token('cora5', 'admin', ['CC5']);
      for (let i = 0; i < 40; i++)
        ok(
          await server.as(cora, {
            method: 'POST',
            url: '/api/webhooks',
            payload: {
              url: receiver.url,
              format: 'generic',
              events: ['approval.waiting'],
              costCentres: ['CC5'],
            },
          }),
          'webhook',
        );
      ok(
        await server.as(await root(), {
          method: 'POST',
          url: '/api/webhooks',
          payload: {
            url: other.url,
            format: 'generic',
            events: ['approval.waiting'],
            costCentres: ['CC6'],
          },
        }),
        'webhook',
      );
      const author = await server.token('pat', 'analyst', ['CC5', 'CC6']);
      for (const costCentre of ['CC5', 'CC5', 'CC6']) {
        const p = ok(
          await postProposal(server, author, {
            fiscalYear: 2026,
            lines: move(costCentre, '6100', '6200', '2026-03', 10),
          }),
          'propose',
        );
        ok(await moveProposal(server, author, p, 'submit'), 'submit');
      }
      // Claimed in turn by the events' cost centres: CC6's one delivery goes in the first round.
      expect(await deliverDue(server.db, server.config, 'ninth')).toBe(20);
      expect(other.received).toHaveLength(1);
      while ((await deliverDue(server.db, server.config, 'ninth')) > 0);
      expect([receiver.received.length, other.received.length]).toEqual([80, 1]);
    } finally {
      await Promise.all([receiver.close(), other.close()]);
    }
  });
});

/** Tokens whose JSON gives a key twice: signed by hand (jose writes each key once). */
describe('probes: ninth pass, tokens', () => {
  let server: TestServer;
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  beforeAll(async () => {
    const issuer = await devIssuerFromJwk({ ...(key.export({ format: 'jwk' }) as JWK), kid: 'k1', alg: 'ES256' });
    server = await startTestServer({ prefix: 'prbninthtok', issuer });
  });
  afterAll(() => server.close());

  /** A token of the header and payload texts as given, signed with the issuer's key. */
  const signed = (header: string, payload: string) => {
    const input = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
    const signature = cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  };
  const claims = (...pairs: string[]) => {
    const good = JSON.stringify(probeClaims()).slice(1, -1);
    return `{${[good, ...pairs].join(',')}}`;
  };
  const me = (token: string) => server.as(token, { method: 'GET', url: '/api/me' });

  test('a key given twice in a token’s header or claims: the last counts, for the signature and the user alike (held)', async () => {
    // alg given twice: the last (none) counts, and no token of alg none is accepted.
    expect((await me(signed('{"alg":"ES256","kid":"k1","alg":"none"}', claims()))).statusCode).toBe(401);
    expect((await me(signed('{"alg":"none","kid":"k1","alg":"ES256"}', claims()))).statusCode).toBe(200);
    // Claims given twice: the signed text's last value is the user's, everywhere the server reads it.
    const twice = await me(signed('{"alg":"ES256","kid":"k1"}', claims('"sub":"root"', '"roles":["admin"]')));
    expect(twice.json()).toMatchObject({ id: 'root', roles: ['admin'], costCentres: ['CC1'] });
    const back = await me(signed('{"alg":"ES256","kid":"k1"}', claims('"cost_centres":"*"', '"cost_centres":["CC2"]')));
    expect(back.json()).toMatchObject({ id: 'mallory', roles: ['viewer'], costCentres: ['CC2'] });
    // Another issuer or audience given last is another issuer or audience: refused.
    for (const pair of ['"iss":"https://evil.example"', '"aud":"api://other"'])
      expect((await me(signed('{"alg":"ES256","kid":"k1"}', claims(pair)))).statusCode).toBe(401);
  });
});
