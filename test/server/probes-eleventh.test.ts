/**
 * Eleventh attack pass (2026-12-08): ten attacks written down before any was tried, none of a class
 * the passes before tried (docs/server.md, "Eleventh pass"), and the two open items (flag ids,
 * positions counted from 1). Each test names what it found, or that it held. Run on PostgreSQL (when
 * DATABASE_URL is set) and PGlite.
 *
 * E1  the same Idempotency-Key sent twice at the same moment, on every write route (from the route
 *     table's fixtures): both answer the first's outcome (one replayed), one change, one audit record?
 * E2  two identical requests at once, no key, on every write route: a 500? a write under If-Match
 *     applied twice?
 * E3  state-machine matrix: every proposal verb from every state by every role: anything succeeds that
 *     the model's machine and the role table do not allow? anything changed by a refusal?
 * E4  the cost centre in two places: a route whose policy reads it from the query sent one in the body
 *     too, and the reverse: does the handler act on another than the policy checked?
 * E5  routes taking two ids (compare): one own and one of another cost centre, in either order?
 * E6  flag ids guessed (the open item): another cost centre's flag ids through every flag-taking route?
 * E7  amounts with more decimals than stored (numeric(20, 4)): a move of 49,999.99996 where the CFO
 *     decides from 50,000, applied as 50,000.0000 without the CFO?
 * E8  look-alike ids in every id field (account, flag id, batch id, adjustment id, line id): merged with
 *     the real record?
 * E9  webhook host forms not tried before: `localhost.`, `LOCALHOST`, `foo.localhost`, `[::]`, `127.1`,
 *     `0`, a zone id, userinfo and fragment tricks.
 * E10 the cost of one request: a compare of two versions of 20,000 lines each (not a paged list).
 */
import { callerFor, FIXTURES } from './fixtures';
import { ENGINES, snapshot, useTestServer, type Json, type TestResponse } from './helpers';

jest.setTimeout(600_000);

/** Every registered write route's fixture key ("POST /api/proposals", …). */
const WRITES = Object.keys(FIXTURES).filter((key) => !key.startsWith('GET '));

describe.each(ENGINES)('probes: eleventh pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbeleventh' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });
  let unique = 0;
  const prepare = async (key: string) => {
    unique += 1;
    const spec = await FIXTURES[key]({ server, admin, cc: `CC${40 + (unique % 40)}`, unique: `e${unique}` });
    return { spec, caller: await callerFor(key, server, admin) };
  };

  test.each(WRITES)('E1: %s sent twice at once with one Idempotency-Key answers one outcome twice', async (key) => {
    const { spec, caller } = await prepare(key);
    const headers = { ...spec.headers, 'idempotency-key': `e1-${engine}-${unique}-twice` };
    const before = await snapshot(server.owner());
    const both: TestResponse[] = await Promise.all([0, 1].map(() => server.as(caller, { ...spec, headers })));
    const after = await snapshot(server.owner());
    const shown = both.map((r) => [r.statusCode, r.json()]);
    expect(both[0].statusCode).toBeLessThan(300);
    expect(shown[1]).toEqual(shown[0]);
    expect(both.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    // One change: what one request of the same kind writes, not twice that.
    const { spec: other } = await prepare(key);
    const alone0 = await snapshot(server.owner());
    expect((await server.as(caller, other)).statusCode).toBeLessThan(300);
    const alone1 = await snapshot(server.owner());
    const grew = (a: Json, b: Json) =>
      Object.keys(b)
        .filter((t) => t !== 'idempotency_keys')
        .map((t) => `${t} +${Number(b[t]) - Number(a[t])}`);
    expect(grew(before, after)).toEqual(grew(alone0, alone1));
    const again = await server.as(caller, { ...spec, headers });
    expect([again.statusCode, again.json()]).toEqual(shown[0]);
  });
});

describe.each(ENGINES)('the server’s messages count positions from 1 (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbcount' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });
  const refusal = async (method: string, url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const r = await server.as(admin, { method, url, payload: payload as object, headers });
    return [r.statusCode, r.json().error?.message, r.json().error?.details?.errors];
  };
  const line = (account: string, period = '2026-03', before = 0, after = 10) => ({
    costCentre: 'CC1',
    account,
    period,
    before,
    after,
  });

  test('a proposal’s, a version’s and a report’s items: [1] is the first (found: counted from 0)', async () => {
    // The first line is the one at fault each time.
    expect(
      await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100', '1899-12'), line('6200')] }),
    ).toEqual([400, expect.stringMatching(/^body\.lines\[1\]\.period must be a month written YYYY-MM/), undefined]);
    expect(
      await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100', '2031-01'), line('6200')] }),
    ).toEqual([400, 'lines[1]: 2031-01 is no month of fiscal year 2026, whose months lie in 2025 to 2027.', undefined]);
    expect(
      await refusal('POST', '/api/proposals', {
        fiscalYear: 2026,
        lines: [{ ...line('6100'), before: null }, line('6200')],
      }),
    ).toEqual([
      400,
      'body.lines[1].before must be sent as a JSON number, not null; the server converts nothing.',
      undefined,
    ]);
    // The second line repeats the first.
    expect(await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100'), line('6100')] })).toEqual([
      400,
      'lines[2] repeats 6100 2026-03 of CC1 (or its id).',
      undefined,
    ]);
    const version = { costCentre: 'CC1', fiscalYear: 2026, kind: 'forecast', name: 'F count' };
    const amounts = [{ account: '6100', period: '2026-01', amount: 1 }];
    expect(await refusal('POST', '/api/versions', { ...version, lines: [...amounts, ...amounts] })).toEqual([
      400,
      'lines[2] repeats account 6100 in 2026-01.',
      undefined,
    ]);
    expect(
      await refusal('POST', '/api/versions', {
        ...version,
        lines: [{ account: '6100', period: '2026-01', amount: 'x' }],
      }),
    ).toEqual([400, 'body.lines[1].amount must be number', undefined]);
    const flag = { flagId: 'flag:6100@3', kind: 'overspend', severity: 0.2, amount: 1 };
    expect(await refusal('POST', '/api/flags', { costCentre: 'CC1', flags: [flag, flag] })).toEqual([
      400,
      'flags[2] repeats the flag flag:6100@3: report each flag once.',
      undefined,
    ]);
    expect(await refusal('POST', '/api/flags', { costCentre: 'CC1', flags: [{ ...flag, severity: 2 }] })).toEqual([
      400,
      'body.flags[1].severity must be <= 1',
      undefined,
    ]);
  });

  test('an import’s row 1 is the first data row, the header row 0 (held)', async () => {
    const csv = 'account,period,amount\n\n6100,2026-13,1\n6200,2026-01,2\n6300,2026-01,x\n';
    const r = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=count-1&costCentre=CC1',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.errors.map((e: Json) => [e.row, e.field])).toEqual([
      [1, 'period'],
      [3, 'amount'],
    ]);
    const json = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=count-2&costCentre=CC1',
      payload: {
        rows: [
          { account: '6100', period: '2026-01', amount: 1 },
          { account: '6100', period: '2026-1', amount: 1 },
        ],
      },
    });
    expect(json.json().error.details.errors.map((e: Json) => [e.row, e.field])).toEqual([[2, 'period']]);
  });
});
