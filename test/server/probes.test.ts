import { generateKeyPair, SignJWT } from 'jose';
import { ephemeralDevIssuer } from '../../server/auth/dev-issuer';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../server/config';
import { callerFor, FIXTURES, type FixtureContext } from './fixtures';
import { describeIfPg, snapshot, startTestServer, type RequestSpec, type TestServer } from './helpers';

jest.setTimeout(120_000);

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE audit_log; --",
  'x"); DELETE FROM proposals; --',
  '1 UNION SELECT usename, passwd FROM pg_shadow --',
  "\u0000'; TRUNCATE audit_log; --",
];
/** Fields that are free text for people (a KPI's unit among them): injection text is stored verbatim (inert), except NUL. */
const FREE_TEXT = new Set(['name', 'expression', 'reason', 'comment', 'unit']);
const WRITES = Object.keys(FIXTURES).filter((key) => !key.startsWith('GET '));

/** Every string leaf of a JSON value, as a path and a setter on a deep copy. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}
function withValue(value: unknown, path: (string | number)[], replacement: string): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let cursor = copy;
  path.slice(0, -1).forEach((key) => (cursor = cursor[key] as Record<string | number, unknown>));
  cursor[path[path.length - 1]] = replacement;
  return copy;
}
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

describeIfPg('probes: hostile input is rejected cleanly and writes nothing', () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const ctx = (): FixtureContext => ({ server, admin, cc: 'CC1', unique: `p${++n}` });
  const counts = { injection: 0, injectionStoredVerbatim: 0, oversized: 0, malformed: 0, contentType: 0, token: 0 };

  beforeAll(async () => {
    server = await startTestServer({ prefix: 'probes' });
    admin = await server.token('root', 'admin', '*');
  });
  afterAll(async () => {
    await server.close();
    process.stderr.write(`probe counts: ${JSON.stringify(counts)}\n`);
  });

  async function expectRejected(request: RequestSpec, statuses: number[], token: string | null = admin) {
    const before = await snapshot(server.db);
    const response = token ? await server.as(token, request) : await server.send(request);
    const got = `${request.method} ${request.url} → ${response.statusCode} ${response.body.slice(0, 160)}`;
    expect(statuses.includes(response.statusCode) ? 'rejected as expected' : got).toBe('rejected as expected');
    expect(response.json().error.code).toEqual(expect.any(String));
    expect(await snapshot(server.db)).toEqual(before);
    return response;
  }

  test('SQL injection in every string field of every write route', async () => {
    for (const key of WRITES) {
      const caller = await callerFor(key, server, admin);
      const base = await FIXTURES[key](ctx());
      const [path, query = ''] = base.url.split('?');
      // Query-string fields (import batch id and cost centre).
      for (const [name] of new URLSearchParams(query)) {
        for (const payload of INJECTIONS) {
          const params = new URLSearchParams(query);
          params.set(name, payload);
          counts.injection += 1;
          await expectRejected({ ...base, url: `${path}?${params}` }, [400], caller);
        }
      }
      if (typeof base.payload === 'string') {
        // CSV cells.
        for (const column of [0, 1, 2]) {
          for (const payload of INJECTIONS) {
            const cells = ['4000', '2025-01', '1'];
            cells[column] = csvCell(payload);
            counts.injection += 1;
            const fresh = await FIXTURES[key](ctx());
            await expectRejected({ ...fresh, payload: `account,period,amount\n${cells.join(',')}\n` }, [422]);
          }
        }
        continue;
      }
      for (const field of stringPaths(base.payload)) {
        for (const payload of INJECTIONS) {
          counts.injection += 1;
          const fresh = await FIXTURES[key](ctx());
          const leaf = String(field[field.length - 1]);
          // A name stays unique where names must be (a KPI's within its cost centre): the probe text, numbered.
          const value = leaf === 'name' ? `${payload} #${counts.injection}` : payload;
          const request = { ...fresh, payload: withValue(fresh.payload, field, value) };
          // drivers[].name is an identifier (used in model expressions), not free text.
          if (FREE_TEXT.has(leaf) && !field.includes('drivers') && !payload.includes('\u0000')) {
            const response = await server.as(caller, request);
            expect(`${key} ${field.join('.')} → ${response.statusCode}`).toBe(
              `${key} ${field.join('.')} → ${response.statusCode < 300 ? response.statusCode : 'a success'}`,
            );
            // Stored verbatim: echoed back, and in the audit record of the change.
            const audit = await server.db.query<{ after: unknown }>(
              'SELECT after FROM audit_log ORDER BY id DESC LIMIT 1',
            );
            expect(JSON.stringify(audit.rows[0].after)).toContain(JSON.stringify(payload).slice(1, -1));
            if (leaf !== 'comment')
              expect(JSON.stringify(response.json())).toContain(JSON.stringify(payload).slice(1, -1));
            counts.injectionStoredVerbatim += 1;
          } else {
            await expectRejected(request, [400], caller);
          }
        }
      }
    }
    // The database is intact: every table still answers and the audit log still holds its rows.
    const after = await snapshot(server.db);
    expect(after.audit_log).toBeGreaterThan(0);
    expect(counts.injection).toBeGreaterThan(100);
  });

  test('oversized bodies get 413', async () => {
    const big = {
      costCentre: 'CC1',
      name: 'Big',
      expression: 'x'.repeat(1000),
      drivers: [],
      pad: 'y'.repeat(1_100_000),
    };
    counts.oversized += 1;
    await expectRejected({ method: 'POST', url: '/api/models', payload: big }, [413]);
    const csv = `account,period,amount\n${'4000,2025-01,1.00000000\n'.repeat(700_000)}`;
    counts.oversized += 1;
    await expectRejected(
      {
        method: 'POST',
        url: '/api/actuals/imports?batchId=huge&costCentre=CC1',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      },
      [413],
    );
  });

  test('malformed JSON and CSV', async () => {
    for (const key of WRITES) {
      const base = await FIXTURES[key](ctx());
      for (const text of ['{"costCentre": ', '{"a":1}}', '[1,2', 'nul', '{"rows": [ {"account": "4000", }]}']) {
        counts.malformed += 1;
        await expectRejected(
          { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: text },
          [400],
        );
      }
    }
    const csvCases = [
      'account,period,amount\n4000,2025-01,"12\n',
      'account,period,amount\n4000,2025-01\n',
      'account,period,amount\n4000,2025-01,1,extra\n',
      'acct;period;amount\n4000;2025-01;1\n',
      '',
      'account,period,amount\n4000,2025-13,1\n4000,2025-01,abc\n,2025-01,1\n',
    ];
    for (const [i, csv] of csvCases.entries()) {
      counts.malformed += 1;
      const response = await expectRejected(
        {
          method: 'POST',
          url: `/api/actuals/imports?batchId=bad-${i}&costCentre=CC1`,
          headers: { 'content-type': 'text/csv' },
          payload: csv,
        },
        [400, 422],
      );
      if (response.statusCode === 422) expect(response.json().error.details.errors.length).toBeGreaterThan(0);
    }
    // Every bad row is reported, with its row number and field.
    const report = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=bad-5&costCentre=CC1',
      headers: { 'content-type': 'text/csv' },
      payload: csvCases[5],
    });
    expect(report.json().error.details.errors).toEqual([
      { row: 1, field: 'period', message: expect.any(String) },
      { row: 2, field: 'amount', message: expect.any(String) },
      { row: 3, field: 'account', message: expect.any(String) },
    ]);
  });

  test('wrong content types', async () => {
    for (const key of WRITES) {
      const base = await FIXTURES[key](ctx());
      const text = typeof base.payload === 'string' ? base.payload : JSON.stringify(base.payload);
      for (const type of [
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        counts.contentType += 1;
        await expectRejected({ ...base, headers: { ...base.headers, 'content-type': type }, payload: text }, [415]);
      }
      if (typeof base.payload !== 'string') {
        counts.contentType += 1;
        await expectRejected(
          { ...base, headers: { ...base.headers, 'content-type': 'text/csv' }, payload: text },
          [400, 415],
        );
      }
    }
  });

  test('expired, forged, wrong-issuer, wrong-audience, unsigned and malformed tokens get 401', async () => {
    const request = {
      method: 'POST',
      url: '/api/reviews',
      payload: { costCentre: 'CC1', flagId: 'f1', decision: 'accepted' },
    };
    const claims = { roles: ['admin'], cost_centres: '*' };
    const now = Math.floor(Date.now() / 1000);
    const genuineKey = server.issuer;
    const forger = await ephemeralDevIssuer(DEV_ISSUER); // same issuer name and kid, other key
    const stranger = await ephemeralDevIssuer('https://login.example.org/evil/v2.0');
    const { privateKey } = await generateKeyPair('ES256');
    const sign = (payload: object, issuer = DEV_ISSUER, audience = DEV_AUDIENCE) =>
      new SignJWT({ ...claims, ...payload })
        .setProtectedHeader({ alg: 'ES256', kid: 'openfpa-dev-1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('mallory')
        .sign(privateKey);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const tokens = {
      expired: await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'openfpa-dev-1' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject('mallory')
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600)
        .sign(privateKey),
      expiredGenuine: await genuineKey.sign({ user: 'alice', role: 'admin', costCentres: '*' }, -3600),
      forged: await forger.sign({ user: 'mallory', role: 'admin', costCentres: '*' }),
      wrongIssuer: await stranger.sign({ user: 'mallory', role: 'admin', costCentres: '*' }),
      wrongAudience: await sign({ exp: now + 600 }, DEV_ISSUER, 'someone-else'),
      unsigned: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'mallory', exp: now + 600 })}.`,
      hmac: `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'mallory', exp: now + 600 })}.c2lnbmF0dXJl`,
      tamperedRole: await (async () => {
        const genuine = await genuineKey.sign({ user: 'vera', role: 'viewer', costCentres: ['CC1'] });
        const [h, , s] = genuine.split('.');
        return `${h}.${b64({ ...claims, iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'vera', exp: now + 600 })}.${s}`;
      })(),
      garbage: 'not-a-token',
      noRole: await genuineKey.sign({ user: 'x', role: 'superuser' as 'admin', costCentres: '*' }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      counts.token += 1;
      const response = await expectRejected(request, [401], token);
      expect({ name, code: response.json().error.code }).toEqual({ name, code: 'SERVER_UNAUTHENTICATED' });
    }
    counts.token += 2;
    await expectRejected(request, [401], null);
    await expectRejected({ ...request, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }, [401], null);
  });
});
