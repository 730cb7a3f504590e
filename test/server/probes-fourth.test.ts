import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { SignJWT, type JWK } from 'jose';
import { devIssuerFromJwk } from '../../server/auth/dev-issuer';
import { DEV_ISSUER } from '../../server/config';
import { READY_CHECK_MS } from '../../server/routes/health';
import {
  FIXTURES,
  createModel,
  expectGetStatuses,
  expectNamesRefused,
  expectNamesTaken,
  nameWriters,
  oneLineProposal,
} from './fixtures';
import {
  describeIfPg,
  moveProposal,
  postProposal,
  probeClaims,
  snapshot,
  startTestServer,
  type Json,
  type TestServer,
} from './helpers';

jest.setTimeout(300_000);

/** What a mass-assignment probe sends for a field, and the text that shows it was taken. */
const HOSTILE: Record<string, { value: unknown; shows: string }> = {
  id: { value: 'f0000000-0000-4000-8000-00000000dead', shows: '00000000dead' },
  state: { value: 'applied', shows: '"state":"applied"' },
  status: { value: 'approved', shows: '"status":"approved"' },
  approvedBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  createdBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  updatedBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  submittedBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  decidedBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  recordedBy: { value: 'mallory-hostile', shows: 'mallory-hostile' },
  authors: { value: ['mallory-hostile'], shows: 'mallory-hostile' },
  costCentre: { value: 'CC999', shows: 'CC999' },
  costCentres: { value: ['CC999'], shows: 'CC999' },
  ownerCostCentre: { value: 'CC999', shows: 'CC999' },
  version: { value: 424242, shows: '424242' },
  number: { value: 424242, shows: '424242' },
  proposalId: { value: 'f0000000-0000-4000-8000-00000000dead', shows: '00000000dead' },
  parentId: { value: 'f0000000-0000-4000-8000-00000000dead', shows: '00000000dead' },
  reverts: { value: 'f0000000-0000-4000-8000-00000000dead', shows: '00000000dead' },
  lineage: { value: { appliedBy: 'mallory-hostile' }, shows: 'mallory-hostile' },
  createdAt: { value: '2000-01-01T00:00:00Z', shows: '2000-01-01' },
  archivedAt: { value: '2000-01-01T00:00:00Z', shows: '2000-01-01' },
  role: { value: 'admin', shows: '"role":"admin"' },
  isAdmin: { value: true, shows: 'isAdmin' },
};

/**
 * Fourth attack pass (2026-12-07): an attacker holding a valid token of one role in one cost centre,
 * or none. Each test names what it found, or that it held.
 */
describe('probes: fourth pass', () => {
  let server: TestServer;
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  beforeAll(async () => {
    const issuer = await devIssuerFromJwk({
      ...(key.export({ format: 'jwk' }) as JWK),
      kid: 'openfpa-dev-1',
      alg: 'ES256',
    });
    server = await startTestServer({ prefix: 'prbfourth', issuer });
  });
  afterAll(() => server.close());

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(probeClaims(claims)).setProtectedHeader({ alg: 'ES256', kid: 'openfpa-dev-1' }).sign(key);

  /** A token signed by hand (jose will not sign some headers), with the claims `sign` gives. */
  const signRaw = async (header: Record<string, unknown>) => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode(header)}.${encode(probeClaims())}`;
    const signature = cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  };

  /** The JSON body properties a write route's schema takes (from the server's OpenAPI document). */
  const bodyProperties = async (): Promise<(method: string, url: string) => string[]> => {
    const doc = (await server.send({ method: 'GET', url: '/openapi.json' })).json() as Json;
    return (method, url) => {
      const path = url.replace(/:(\w+)/g, '{$1}');
      const schema = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      return Object.keys(schema?.properties ?? {});
    };
  };

  test('mass assignment on every write route: a field the route does not take is a 400 and writes nothing; one it takes is never taken beyond the token', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC61';
    const writer = await server.token('mass', ['admin', 'budget_owner', 'analyst'], [cc]);
    const approver = await server.token('mass-approver', 'approver', [cc]);
    const takes = await bodyProperties();
    const writes = server.routes.filter((r) => r.method !== 'GET');
    const found: string[] = [];
    let n = 0;
    for (const route of writes) {
      const key = `${route.method} ${route.url}`;
      const caller = /\/(approve|reject)$/.test(route.url) ? approver : writer;
      const request = await FIXTURES[key]({ server, admin, cc, unique: `m${++n}` });
      if (typeof request.payload !== 'object' || request.payload === null || Array.isArray(request.payload)) continue;
      const taken = takes(route.method, route.url);
      for (const [field, { value, shows }] of Object.entries(HOSTILE)) {
        if (field in (request.payload as Json)) continue;
        const before = await snapshot(server.db);
        const response = await server.as(caller, {
          ...request,
          payload: { ...(request.payload as Json), [field]: value },
        });
        const status = response.statusCode;
        if (!taken.includes(field)) {
          if (status !== 400 || JSON.stringify(await snapshot(server.db)) !== JSON.stringify(before))
            found.push(`${key} ${field}: ${status} ${response.body.slice(0, 120)}`);
        } else if (status >= 500 || (status < 300 && response.body.includes(shows))) {
          found.push(`${key} ${field} (taken): ${status} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('If-Match and a body version that disagree are a 400, whoever wins (found: the header won silently)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC62';
    const writer = await server.token('ver', ['admin', 'budget_owner', 'analyst'], [cc]);
    const takes = await bodyProperties();
    const withVersion = server.routes.filter((r) => r.method !== 'GET' && takes(r.method, r.url).includes('version'));
    expect(withVersion.length).toBeGreaterThanOrEqual(6);
    let n = 0;
    for (const route of withVersion) {
      const request = await FIXTURES[`${route.method} ${route.url}`]({ server, admin, cc, unique: `v${++n}` });
      const ifMatch = request.headers?.['if-match'];
      if (!ifMatch) continue;
      const read = Number(ifMatch.replace(/"/g, ''));
      // The chain decides every cost centre's approvals: only a token for all may change it.
      const caller = /\/(approve|reject)$/.test(route.url)
        ? await server.token('ver-approver', 'approver', [cc])
        : route.url === '/api/approval-chain'
          ? admin
          : writer;
      const before = await snapshot(server.db);
      for (const other of [read + 1, read + 7]) {
        const r = await server.as(caller, { ...request, payload: { ...(request.payload as Json), version: other } });
        expect({ route: route.url, other, status: r.statusCode, code: r.json().error?.code }).toEqual({
          route: route.url,
          other,
          status: 400,
          code: 'SERVER_VERSION_DISAGREES',
        });
      }
      expect(await snapshot(server.db)).toEqual(before);
      // The same version in both is one version: the write goes through as with the header alone.
      const same = await server.as(caller, { ...request, payload: { ...(request.payload as Json), version: read } });
      expect({ route: route.url, status: same.statusCode }).toEqual({
        route: route.url,
        status: route.url.endsWith('/revert') ? 201 : 200,
      });
    }
  });

  test('prototype keys in bodies and query strings of every route: 400 or ignored, nothing polluted, nothing written (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC63';
    const bodies = [
      '{"__proto__":{"isAdmin":true},"costCentre":"CC63"}',
      '{"constructor":{"prototype":{"isAdmin":true}},"costCentre":"CC63"}',
      '{"costCentre":"CC63","lines":[{"__proto__":{"isAdmin":true}}]}',
    ];
    const queries = [
      '__proto__=x',
      '__proto__[isAdmin]=1',
      'constructor[prototype][isAdmin]=1',
      'toString=x',
      'hasOwnProperty=1',
    ];
    const doc = (await server.send({ method: 'GET', url: '/openapi.json' })).json() as Json;
    const readsQuery = (method: string, url: string) =>
      (doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.parameters ?? []).some(
        (p: Json) => p.in === 'query',
      );
    let n = 0;
    for (const route of server.routes) {
      const request = await FIXTURES[`${route.method} ${route.url}`]({ server, admin, cc, unique: `q${++n}` });
      const snap = await snapshot(server.db);
      if (route.method !== 'GET' && typeof request.payload === 'object') {
        for (const body of bodies) {
          const r = await server.as(admin, {
            ...request,
            payload: body,
            headers: { ...request.headers, 'content-type': 'application/json' },
          });
          expect({ route: route.url, body, status: r.statusCode }).toEqual({ route: route.url, body, status: 400 });
        }
      }
      // A route that reads a query refuses keys it does not take; a GET that reads none ignores them
      // (a write that reads none is not sent again: it would write).
      expect(await snapshot(server.db)).toEqual(snap);
      const takesQuery = readsQuery(route.method, route.url);
      if (!takesQuery && route.method !== 'GET') continue;
      for (const query of queries) {
        const sep = request.url.includes('?') ? '&' : '?';
        const r = await server.as(admin, { ...request, url: `${request.url}${sep}${query}` });
        const expected = takesQuery ? 400 : (await server.as(admin, request)).statusCode;
        expect({ route: route.url, query, status: r.statusCode }).toEqual({
          route: route.url,
          query,
          status: expected,
        });
      }
      expect(await snapshot(server.db)).toEqual(snap);
    }
    expect(({} as Json).isAdmin).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
  });

  test('cost centres named like prototype members (constructor, toString, __proto__-like) behave as any other (held)', async () => {
    for (const cc of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      const owner = await server.token(`own-${cc}`, ['budget_owner'], [cc]);
      const outsider = await server.token(`out-${cc}`, ['admin'], ['CC1']);
      const model = await createModel({ server, admin: owner, cc, unique: cc });
      expect(model.id).toBeDefined();
      const mine = await server.as(owner, { method: 'GET', url: `/api/models?costCentre=${cc}` });
      expect(mine.json()).toHaveLength(1);
      const theirs = await server.as(outsider, { method: 'GET', url: `/api/models?costCentre=${cc}` });
      expect(theirs.statusCode).toBe(403);
      const byId = await server.as(outsider, { method: 'GET', url: `/api/models/${model.id}` });
      expect(byId.statusCode).toBe(404);
    }
  });

  test('cost-centre names in other spellings (full-width, invisible, combining, another case) reach nothing (held)', async () => {
    const analyst = await server.token('uni', 'analyst', ['CC1']);
    for (const cc of ['ＣＣ1', 'CC1\u200b', '\u200bCC1', 'C\u0301C1', 'CC１', 'CC1 ', ' CC1', 'CC1%00', 'cc1', 'СС1']) {
      const r = await server.as(analyst, { method: 'GET', url: `/api/models?costCentre=${encodeURIComponent(cc)}` });
      expect({ cc, status: r.statusCode }).toEqual({ cc, status: cc === 'cc1' ? 403 : 400 });
      const w = await server.as(analyst, {
        method: 'POST',
        url: '/api/models',
        payload: {
          costCentre: cc,
          name: 'x',
          expression: 'a',
          drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }],
        },
      });
      expect({ cc, status: w.statusCode }).toEqual({ cc, status: cc === 'cc1' ? 403 : 400 });
    }
    // A token claiming a look-alike of CC1 reaches nothing of CC1.
    for (const claim of ['ＣＣ1', 'СС1', 'CC1\u200b']) {
      const token = await server.token('look', 'analyst', [claim]);
      const r = await server.as(token, { method: 'GET', url: '/api/models?costCentre=CC1' });
      expect({ claim, status: r.statusCode }).toEqual({ claim, status: 403 });
    }
  });

  test('numbers at the edges in query strings: a 400 or the value meant, never a 500 (found: Infinity passed every bound)', async () => {
    const viewer = await server.token('num', 'viewer', ['CC1']);
    const cases: [string, number][] = [
      ['/api/versions?costCentre=CC1&fiscalYear=1e309', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=NaN', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=Infinity', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=9007199254740993', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=-0', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=2025.5', 400],
      ['/api/flags?costCentre=CC1&minSeverity=1e309', 400],
      ['/api/flags?costCentre=CC1&minSeverity=Infinity', 400],
      ['/api/flags?costCentre=CC1&minSeverity=-Infinity', 400],
      ['/api/models?costCentre=CC1&limit=Infinity', 400],
      ['/api/flags?costCentre=CC1&minSeverity=NaN', 400],
      ['/api/flags?costCentre=CC1&minSeverity=-1e-400', 200],
      ['/api/flags?costCentre=CC1&minSeverity=1e-400', 200],
      ['/api/models?costCentre=CC1&limit=1e2', 200],
      ['/api/models?costCentre=CC1&limit=1e3', 400],
      ['/api/models?costCentre=CC1&limit=0x10', 400],
    ];
    await expectGetStatuses(server, viewer, cases);
    // Every numeric query parameter of every route (from the OpenAPI document), infinite: a 400.
    const admin = await server.token('root', 'admin', '*');
    const doc = (await server.send({ method: 'GET', url: '/openapi.json' })).json() as Json;
    const wrong: string[] = [];
    let checked = 0;
    let k = 0;
    for (const route of server.routes.filter((r) => r.method === 'GET')) {
      const request = await FIXTURES[`GET ${route.url}`]({ server, admin, cc: 'CC67', unique: `n${++k}` });
      const parameters = (doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? []) as Json[];
      for (const p of parameters.filter((q) => q.in === 'query' && ['number', 'integer'].includes(q.schema?.type))) {
        for (const value of ['Infinity', '-Infinity', '1e309', '-1e309']) {
          checked += 1;
          const base = request.url.replace(new RegExp(`([?&])${p.name}=[^&]*&?`), '$1').replace(/[?&]$/, '');
          const r = await server.as(admin, {
            method: 'GET',
            url: `${base}${base.includes('?') ? '&' : '?'}${p.name}=${value}`,
          });
          if (r.statusCode !== 400) wrong.push(`${route.url} ${p.name}=${value}: ${r.statusCode}`);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(24);
    expect(wrong).toEqual([]);
  });

  test('tokens: crit and b64 headers, another algorithm, claims of odd types and sizes → 401 or a clean answer, never a 500 (held)', async () => {
    const me = (token: string) => server.as(token, { method: 'GET', url: '/api/me' });
    const refused: [string, Promise<string>][] = [
      [
        'crit naming an unknown extension',
        signRaw({ alg: 'ES256', kid: 'openfpa-dev-1', crit: ['exp-x'], 'exp-x': 1 }),
      ],
      ['b64 false (unencoded payload)', signRaw({ alg: 'ES256', kid: 'openfpa-dev-1', crit: ['b64'], b64: false })],
      ['alg ES384 on the ES256 key', signRaw({ alg: 'ES384', kid: 'openfpa-dev-1' })],
      ['sub empty', sign({ sub: '' })],
      ['sub a number, no preferred_username', sign({ sub: 42 })],
      ['exp as a string', sign({ exp: String(now() + 600) })],
      ['exp far past the maximum age', sign({ iat: now() - 10 * 86400, exp: now() + 600 })],
      ['aud of another API only', sign({ aud: 'api://other' })],
      ['iss as a list', sign({ iss: [DEV_ISSUER] })],
    ];
    for (const [what, token] of refused) {
      const r = await me(await token);
      expect({ what, status: r.statusCode }).toEqual({ what, status: 401 });
    }
    // The same key and claims with a plain header are accepted: each refusal is the one thing tried.
    expect((await me(await signRaw({ alg: 'ES256', kid: 'openfpa-dev-1' }))).statusCode).toBe(200);
    // Odd but well-signed identities: answered, never a 500, stored verbatim or refused cleanly.
    for (const sub of ['a\u0000b', 'x'.repeat(5000), 'alice\r\nX-Injected: 1', '<!channel>', '__proto__']) {
      const token = await sign({ sub, roles: ['analyst'], cost_centres: ['CC64'] });
      const r = await server.as(token, {
        method: 'POST',
        url: '/api/reviews',
        payload: { costCentre: 'CC64', flagId: `f-${sub.length}`, decision: 'accepted' },
      });
      expect({ sub: sub.slice(0, 12), ok: r.statusCode < 500 }).toEqual({ sub: sub.slice(0, 12), ok: true });
      expect(Object.keys(r.headers).some((h) => h.startsWith('x-injected'))).toBe(false);
    }
  });

  test('a token email built to be slow does not stall the server (found: a run of dots took quadratic time per request)', async () => {
    const slow = await sign({ email: `a@b.c${'.'.repeat(11_000)}x`, roles: ['viewer'] });
    const plain = await sign({ email: 'alice@corp.example', roles: ['viewer'] });
    const timed = async (token: string) => {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => server.as(token, { method: 'GET', url: '/api/me' })),
      );
      for (const a of answers) expect(a.statusCode).toBe(200);
      return Date.now() - started;
    };
    await timed(plain);
    const [plainMs, slowMs] = [await timed(plain), await timed(slow)];
    // Before the fix: about 0.35 s of blocked event loop per request (2.8 s for eight); now as plain.
    expect(slowMs).toBeLessThan(plainMs * 3 + 1000);
  });

  test('display names that look like another: padded or not composed (found: "Leads" and "Leads " were two live KPIs)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC69';
    const writers = nameWriters(server, admin, cc);
    const kpi = (name: string, unit = 'leads') => writers.kpi(name, unit);
    expect((await kpi('Leads')).statusCode).toBe(201);
    expect((await kpi('Café')).statusCode).toBe(201);
    expect((await kpi('Le ads')).statusCode).toBe(201);
    const model = await createModel({ server, admin, cc, unique: 'names' });
    const before = await snapshot(server.db);
    const alike = ['Leads ', ' Leads', 'Leads\u00a0', '\u3000Leads', 'Leads\t', 'Cafe\u0301', 'Cafe\u0301 '];
    for (const name of alike) {
      const writes = [
        await kpi(name),
        await kpi(`Other ${alike.indexOf(name)}`, name),
        await writers.version(name),
        await server.as(admin, {
          method: 'POST',
          url: `/api/models/${model.id}/scenarios`,
          payload: { name, overrides: {} },
        }),
        await writers.model(name),
      ];
      expect({ name, statuses: writes.map((w) => w.statusCode) }).toEqual({
        name,
        statuses: [400, 400, 400, 400, 400],
      });
    }
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('display names mixing look-alike scripts: "Leads" with a Cyrillic е was a second live KPI that looks as the first', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC75';
    const writers = nameWriters(server, admin, cc);
    const { kpi, version } = writers;
    // Each word of one script of Latin, Cyrillic and Greek; words of different scripts side by side,
    // digits, punctuation and other scripts go with any.
    const allowed = [
      'Leads',
      'Выручка',
      'Έσοδα 2026',
      'Revenue 2026 – Q1',
      '売上 Sales',
      'مبيعات Sales',
      '∆ Revenue',
      'Δ Revenue',
      'Выручка Sales',
      'Σ-Costs',
    ];
    await expectNamesTaken(writers, allowed);
    const before = await snapshot(server.db);
    // A word mixing scripts: Cyrillic е in Latin, Latin a in Cyrillic, Greek ο in Latin, Greek Ω
    // with Latin, a Greek Δ run into a Latin word, and the spoof as the second word of a name.
    const mixed = ['L\u0435ads', 'Выручк\u0061', 'Lead\u03bfs', 'Ωmega', 'ΔRevenue', 'Sales L\u0435ads'];
    await expectNamesRefused(
      mixed,
      [(name) => kpi(name), (name, at) => kpi(`Other ${at}`, name), version],
      /one of Latin, Cyrillic and Greek/,
    );
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a key given twice in a body: the last counts, for the access policy and the write alike (held)', async () => {
    const one = await server.token('dup', ['admin'], ['CC70']);
    const body = (first: string, last: string) =>
      `{"costCentre":"${first}","costCentre":"${last}","name":"dup","expression":"a",` +
      '"drivers":[{"name":"a","distribution":"fixed","params":{"value":1}}]}';
    const send = (payload: string) =>
      server.as(one, { method: 'POST', url: '/api/models', payload, headers: { 'content-type': 'application/json' } });
    const refused = await send(body('CC70', 'CC71'));
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'SERVER_FORBIDDEN_COST_CENTRE']);
    const made = await send(body('CC71', 'CC70'));
    expect([made.statusCode, made.json().costCentre]).toEqual([201, 'CC70']);
  });

  test('amounts that overflow what the database stores when summed: a 400, never a 500 (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const lines = Array.from({ length: 1000 }, (_, i) => ({
      costCentre: 'CC72',
      account: `A${i}`,
      period: '2026-01',
      before: 0,
      after: i % 2 ? 1e15 : -1e15,
    }));
    const before = await snapshot(server.db);
    const r = await postProposal(server, admin, { fiscalYear: 2026, lines });
    expect([r.statusCode, r.json().error.code]).toEqual([400, 'SERVER_INVALID_VALUE']);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('CSV headers named like prototype members, and bearer forms past one token: refused (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const before = await snapshot(server.db);
    for (const header of [
      'account,period,amount,__proto__',
      'account,period,amount,constructor',
      '__proto__,period,amount',
    ]) {
      const r = await server.as(admin, {
        method: 'POST',
        url: `/api/actuals/imports?batchId=proto-${header.length}${header[0]}&costCentre=CC73`,
        headers: { 'content-type': 'text/csv' },
        payload: `${header}\n4000,2025-01,1,x\n`,
      });
      expect({ header, status: r.statusCode }).toEqual({ header, status: 422 });
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect(({} as Json).x).toBeUndefined();
    for (const auth of [`Bearer ${admin} extra`, `Bearer\t${admin}`, `Bearer ${admin},Bearer x`, `Basic ${admin}`]) {
      const r = await server.send({ method: 'GET', url: '/api/me', headers: { authorization: auth } });
      expect(r.statusCode).toBe(401);
    }
  });

  test('/ready, open to anyone and not rate limited, asks the database once a second (found: once per request)', async () => {
    let asked = 0;
    const query = server.db.query.bind(server.db);
    const counting = ((sql: string, params?: readonly unknown[]) => {
      if (sql.includes('schema_migrations')) asked += 1;
      return query(sql, params);
    }) as typeof query;
    (server.db as { query: typeof query }).query = counting;
    try {
      await new Promise((resolve) => setTimeout(resolve, READY_CHECK_MS + 50));
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 300 }, () => server.send({ method: 'GET', url: '/ready' })),
      );
      const seconds = (Date.now() - started) / READY_CHECK_MS;
      expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
      expect(answers[0].json()).toMatchObject({ status: 'ready' });
      // One check a second while the burst lasts (before: 300, one per request).
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(asked).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
      expect(asked).toBeLessThan(30);
      // A later request checks again.
      await new Promise((resolve) => setTimeout(resolve, READY_CHECK_MS + 50));
      const before = asked;
      expect((await server.send({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      expect(asked).toBe(before + 1);
    } finally {
      (server.db as { query: typeof query }).query = query;
    }
  });

  test('CORS on every route: a preflight from the add-in answers it alone, never with credentials; the pane may read the next page (held)', async () => {
    const origin = server.config.corsOrigin;
    for (const route of server.routes) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      for (const from of [origin, 'https://evil.example', 'null']) {
        const r = await server.send({
          method: 'OPTIONS',
          url,
          headers: {
            origin: from,
            'access-control-request-method': route.method,
            'access-control-request-headers': 'authorization',
          },
        });
        const allowed = r.headers['access-control-allow-origin'];
        expect({ route: route.url, from, allowed }).toEqual({
          route: route.url,
          from,
          allowed: from === origin ? origin : undefined,
        });
        expect(r.headers['access-control-allow-credentials']).toBeUndefined();
      }
    }
    // A page answered to the add-in's origin lets its script read the cursor of the next.
    const admin = await server.token('root', 'admin', '*');
    for (let i = 0; i < 2; i++) await createModel({ server, admin, cc: 'CC74', unique: `cors${i}` });
    const page = await server.as(admin, {
      method: 'GET',
      url: '/api/models?costCentre=CC74&limit=1',
      headers: { origin },
    });
    expect(page.headers['access-control-allow-origin']).toBe(origin);
    expect(page.headers['access-control-expose-headers']?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['etag', 'x-next-cursor', 'link']),
    );
    expect(page.headers['x-next-cursor']).toBeDefined();
  });

  test('method override headers and _method change no method (held)', async () => {
    const viewer = await server.token('mo-viewer', 'viewer', ['CC68']);
    const admin = await server.token('root', 'admin', '*');
    const model = await createModel({ server, admin, cc: 'CC68', unique: 'mo' });
    const overrides = (method: string) => ({
      'x-http-method-override': method,
      'x-http-method': method,
      'x-method-override': method,
    });
    const before = await snapshot(server.db);
    // A read stays a read; a write named as a read still meets the write's policy.
    const read = await server.as(viewer, {
      method: 'GET',
      url: `/api/models?costCentre=CC68&_method=DELETE`,
      headers: overrides('DELETE'),
    });
    expect(read.statusCode).toBe(400); // _method is no query parameter of the list
    const plainRead = await server.as(viewer, {
      method: 'GET',
      url: '/api/models?costCentre=CC68',
      headers: overrides('DELETE'),
    });
    expect([plainRead.statusCode, plainRead.json()]).toEqual([200, [expect.objectContaining({ id: model.id })]]);
    const write = await postProposal(server, viewer, oneLineProposal('CC68', 'A'), overrides('GET'));
    expect(write.statusCode).toBe(403);
    const put = await server.as(viewer, { method: 'POST', url: `/api/models/${model.id}`, headers: overrides('PUT') });
    expect(put.statusCode).toBe(405);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('the next-page Link echoes the query re-encoded: no header injection from filter values (held)', async () => {
    const auditor = await server.token('aud', 'admin', '*');
    // An identity whose id is Link syntax (ids are the provider's; the audit's actor filter takes any printable text).
    const actor = 'root>; rel="evil", <https://evil.example/x';
    const hostile = await sign({ sub: actor, roles: ['admin'], cost_centres: ['CC65'] });
    for (let i = 0; i < 3; i++) await createModel({ server, admin: hostile, cc: 'CC65', unique: `l${i}` });
    const r = await server.as(auditor, {
      method: 'GET',
      url: `/api/audit?costCentre=CC65&limit=1&actor=${encodeURIComponent(actor)}`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()[0].actor).toBe(actor);
    expect(r.headers.link).toMatch(/^<\/api\/audit\?[^<>\s"]+>; rel="next"$/);
    expect(r.headers.link).toContain(`actor=${new URLSearchParams({ a: actor }).toString().slice(2)}`);
    // Following it reads the next record of the same filter.
    const next = await server.as(auditor, { method: 'GET', url: r.headers.link.slice(1, r.headers.link.indexOf('>')) });
    expect(next.json()).toHaveLength(1);
    expect(next.json()[0].id).toBeLessThan(r.json()[0].id);
  });
});

/** Races of a decision against an edit, and replays of a decision, on PostgreSQL (held). */
describeIfPg('probes: fourth pass, races and replays of approvals', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'prbfourthr' });
  });
  afterAll(() => server.close());

  const lines = (cc: string, u: string) => [
    { costCentre: cc, account: `T-${u}`, period: '2026-03', before: 0, after: -100 },
    { costCentre: cc, account: `A-${u}`, period: '2026-03', before: 0, after: 100 },
  ];

  test('approve while the author edits, two approvals at once, an approval replayed after apply: one outcome, versions hold', async () => {
    const cc = 'CC66';
    const author = await server.token('auth', ['budget_owner'], [cc]);
    const approvers = [await server.token('ap1', 'approver', [cc]), await server.token('ap2', 'approver', [cc])];
    for (let round = 0; round < 4; round++) {
      const draft = (
        await postProposal(server, author, { costCentre: cc, fiscalYear: 2026, lines: lines(cc, `r${round}`) })
      ).json();
      const submitted = (await moveProposal(server, author, draft, 'submit')).json();
      const edit = (version: number) =>
        server.as(author, {
          method: 'PATCH',
          url: `/api/proposals/${submitted.id}`,
          payload: { reason: 'sneaky' },
          headers: { 'if-match': `"${version}"` },
        });
      const [e, a1, a2] = await Promise.all([
        edit(submitted.version),
        moveProposal(server, approvers[0], submitted, 'approve'),
        moveProposal(server, approvers[1], submitted, 'approve'),
      ]);
      expect(e.statusCode).toBe(409);
      expect([a1.statusCode, a2.statusCode].sort()).toEqual([200, 409]);
      const now = (await server.as(author, { method: 'GET', url: `/api/proposals/${submitted.id}` })).json();
      expect(now).toMatchObject({ state: 'approved', version: submitted.version + 1, reason: submitted.reason });
      expect(now.chain.filter((s: Json) => s.state === 'approved')).toHaveLength(1);
      // Replays: the winner's request again (stale: 409), with the new version (no step left: 409).
      const winner = a1.statusCode === 200 ? 0 : 1;
      expect((await moveProposal(server, approvers[winner], submitted, 'approve')).statusCode).toBe(409);
      expect((await moveProposal(server, approvers[1 - winner], now, 'approve')).statusCode).toBe(409);
      const applied = await moveProposal(server, author, now, 'apply');
      expect(applied.statusCode).toBe(200);
      expect((await moveProposal(server, approvers[1 - winner], applied.json(), 'approve')).statusCode).toBe(409);
      expect((await moveProposal(server, author, now, 'apply')).statusCode).toBe(409);
      const versions = (
        await server.db.query(`SELECT count(*)::int AS n FROM budget_versions WHERE proposal_id = $1`, [submitted.id])
      ).rows[0];
      expect(versions).toEqual({ n: 1 });
    }
  });

  test('the application role reads the cursor secret and cannot change it (held)', async () => {
    await expect(server.db.query(`UPDATE server_secrets SET secret = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(server.db.query(`INSERT INTO server_secrets (name, secret) VALUES ('a', 'b')`)).rejects.toThrow(
      /permission denied/,
    );
    expect((await server.db.query(`SELECT count(*)::int AS n FROM server_secrets`)).rows[0]).toEqual({ n: 1 });
  });
});

/** What anyone may ask without a token, against a small rate limit. */
describe('probes: fourth pass, unauthenticated endpoints and the rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine: 'pglite', overrides: { rateLimitMax: 5 } });
  });
  afterAll(() => server.close());

  test('/openapi.json is rate limited like any request (found: exempt, 130 kB written per request); /health stays exempt', async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await server.send({ method: 'GET', url: '/openapi.json' }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers[0].json().openapi).toBe('3.0.3');
    expect(answers[0].headers['content-type']).toMatch(/^application\/json/);
    expect(answers[5].json().error.code).toBe('SERVER_RATE_LIMITED');
    // Orchestrators' probes are not limited.
    for (let i = 0; i < 8; i++) expect((await server.send({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
