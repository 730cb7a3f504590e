import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, type JWK } from 'jose';
import { ImportSlot } from '../../server/actuals/import-slot';
import { localIssuer, tokenVerifier } from '../../server/auth/verify-token';
import { loadConfig } from '../../server/config';
import { MAX_BODY_DEPTH, MAX_OBJECT_MEMBERS } from '../../server/http/exact-body';
import { ROLES } from '../../src/model/roles';
import {
  TWO_STEP_CHAIN,
  expectGetStatuses,
  expectNamesRefused,
  expectNamesTaken,
  kpiBody,
  nameWriters,
  proposalBody,
  setApprovalChain,
} from './fixtures';
import {
  keyOf,
  moveProposal,
  snapshot,
  startTestServer,
  type Json,
  type TestResponse,
  type TestServer,
} from './helpers';

jest.setTimeout(300_000);

/**
 * Sixth attack pass (2026-12-07): the three left open by the fifth (what `/ready` tells anyone, a
 * whole word of look-alike letters beside Latin words, records whose sort key moves while a list is
 * paged), then new classes. Each test names what it found, or that it held.
 */
describe('probes: sixth pass', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'prbsixth' });
  });
  afterAll(() => server.close());

  const created = (r: TestResponse, what: string): Json => {
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
    return r.json() as Json;
  };

  /**
   * Reads every page of `url` at `limit` a page, running `between` once after the first page; answers
   * each record's key (`keyOf`) in the order seen.
   */
  async function walk(token: string, url: string, limit: number, between: () => Promise<void>) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await server.as(token, {
        method: 'GET',
        url: `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      });
      if (page.statusCode !== 200) throw new Error(`${url}: ${page.statusCode} ${page.body}`);
      seen.push(...(page.json() as Json[]).map(keyOf));
      cursor = page.headers['x-next-cursor'];
      if (++pages === 1) await between();
    } while (cursor && pages < 100);
    return seen;
  }

  test('/ready told anyone the database kind and schema version: it says ready or not, the details are an admin’s (found)', async () => {
    const ready = await server.send({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    // What an orchestrator needs, and nothing about what runs behind it.
    expect(ready.json()).toEqual({ status: 'ready' });
    expect(ready.body).not.toMatch(/pglite|postgres|schema|version/i);
    expect((await server.send({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });

    // The details: signed in, as an admin (of any cost centre: the database is no cost centre's).
    expect((await server.send({ method: 'GET', url: '/api/status' })).statusCode).toBe(401);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const r = await server.as(await server.token(`status-${role}`, role, '*'), { method: 'GET', url: '/api/status' });
      expect({ role, status: r.statusCode, body: r.body }).toEqual({
        role,
        status: 403,
        body: expect.not.stringMatching(/pglite|schemaVersion/),
      });
    }
    const admin = await server.token('status-admin', 'admin', ['CC1']);
    const status = await server.as(admin, { method: 'GET', url: '/api/status' });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual({
      status: 'ready',
      database: server.db.kind,
      schemaVersion: expect.any(Number),
      latestSchemaVersion: status.json().schemaVersion,
    });
  });

  test('a whole word of look-alike letters beside Latin words (Cyrillic "ТАХ Rate" reads as "TAX Rate"): refused (found)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC601';
    const writers = nameWriters(server, admin, cc);
    const { kpi, version, model } = writers;
    expect((await kpi('TAX Rate')).statusCode).toBe(201);
    const before = await snapshot(server.db);
    // Cyrillic Т А Х; Cyrillic С О Р; Greek Ρ Ο; Greek Α Β beside a Latin word; the spoof second.
    const spoofs = [
      '\u0422\u0410\u0425 Rate',
      'Rate \u0422\u0410\u0425',
      'Net \u0441\u043e\u0440',
      '\u03a1\u039f 2026 Costs',
      '\u0391\u0392 Sales',
      'Cash (\u0422\u0410\u0425)',
    ];
    await expectNamesRefused(
      spoofs,
      [(name) => kpi(name), (name, at) => kpi(`Other ${at}`, name), version, model],
      /all look Latin/,
    );
    expect(await snapshot(server.db)).toEqual(before);
    // A word with a letter that has no Latin look-alike cannot pass for Latin; a name without Latin
    // words is one script's, whatever its letters.
    const allowed = [
      'Δ Revenue',
      'Выручка Sales',
      '売上 Sales',
      'Σ-Costs',
      'Έσοδα 2026',
      '\u0422\u0410\u0425 2026',
      'Нет Sales',
    ];
    await expectNamesTaken(writers, allowed);
  });

  describe('keyset paging while a record’s sort key moves between pages (found: twice or not at all)', () => {
    test('models renamed between pages: each model once', async () => {
      const admin = await server.token('root', 'admin', '*');
      const cc = 'CC602';
      const models: Json[] = [];
      for (const letter of 'bcdefg')
        models.push(created(await nameWriters(server, admin, cc).model(`M ${letter}`), 'model'));
      const rename = async (m: Json, name: string) =>
        created(
          await server.as(admin, {
            method: 'PUT',
            url: `/api/models/${m.id}`,
            payload: { name, expression: 'a', drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }] },
            headers: { 'if-match': `"${m.version}"` },
          }),
          'rename',
        );
      const seen = await walk(admin, `/api/models?costCentre=${cc}`, 2, async () => {
        // By name, the first page's "M b" moved after the cursor (seen twice) and "M g" before it (never seen).
        await rename(models[0], 'M z');
        await rename(models[5], 'M a');
      });
      expect(seen).toEqual(models.map((m) => m.id));
    });

    test('KPIs renamed or deleted between pages (archived ones listed too): each KPI once', async () => {
      const admin = await server.token('root', 'admin', '*');
      const cc = 'CC603';
      const kpis: Json[] = [];
      for (const letter of 'bcdefg') kpis.push(created(await nameWriters(server, admin, cc).kpi(`K ${letter}`), 'kpi'));
      const { ownerCostCentre: _owner, ...definition } = kpiBody(cc, 'x');
      const renameKpi = async (k: Json, name: string) =>
        created(
          await server.as(admin, {
            method: 'PUT',
            url: `/api/kpis/${k.id}`,
            payload: { ...definition, name },
            headers: { 'if-match': `"${k.version}"` },
          }),
          'rename',
        );
      const seen = await walk(admin, `/api/kpis?costCentre=${cc}&archived=true`, 2, async () => {
        await renameKpi(kpis[5], 'K a');
        await renameKpi(kpis[0], 'K z');
        created(
          await server.as(admin, {
            method: 'DELETE',
            url: `/api/kpis/${kpis[3].id}`,
            headers: { 'if-match': `"${kpis[3].version}"` },
          }),
          'delete',
        );
      });
      expect(seen).toEqual(kpis.map((k) => k.id));
    });

    test('flags reported again with another severity between pages: each flag once', async () => {
      const admin = await server.token('root', 'admin', '*');
      const cc = 'CC604';
      const flag = (id: string, severity: number) => ({
        flagId: `flag:${id}@1`,
        kind: 'overspend',
        severity,
        amount: 1,
      });
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      created(
        await server.as(admin, {
          method: 'POST',
          url: '/api/flags',
          payload: { costCentre: cc, flags: ids.map((id, i) => flag(id, 0.6 - i * 0.1)) },
        }),
        'flags',
      );
      const seen = await walk(admin, `/api/flags?costCentre=${cc}`, 2, async () => {
        // Most severe first, "a" (first page) fell after the cursor and "f" rose before it.
        created(
          await server.as(admin, {
            method: 'POST',
            url: '/api/flags',
            payload: { costCentre: cc, flags: [flag('a', 0.01), flag('f', 0.99)] },
          }),
          'report again',
        );
      });
      expect([...seen].sort()).toEqual(ids.map((id) => `flag:${id}@1`));
      expect(new Set(seen).size).toBe(seen.length);
    });
  });

  /** POSTs `body` as bytes (fetch would send text), with `contentType`. */
  const postBytes = (token: string, url: string, body: Buffer, contentType: string) =>
    new Promise<{ statusCode: number; json: () => Json }>((resolve, reject) => {
      const sent = httpRequest(
        server.url + url,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ statusCode: response.statusCode ?? 0, json: () => JSON.parse(text) as Json });
          });
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });

  test('JSON bodies that are not UTF-8: a Latin-1 "é" was stored as U+FFFD, and a charset was ignored (found)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const cc = 'CC605';
    /** A KPI body whose name is "Caf" and then `bytes`, as sent. */
    const kpiBytes = (unique: string, bytes: number[]) => {
      const [head, tail] = JSON.stringify({ ...kpiBody(cc, unique), name: 'Caf@@' }).split('@@');
      return Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
    };
    const before = await snapshot(server.db);
    const refused: [string, Buffer, string, number][] = [
      ['Latin-1 é', kpiBytes('a', [0xe9]), 'application/json', 400],
      ['Latin-1 è, said so', kpiBytes('b', [0xe8]), 'application/json; charset=iso-8859-1', 415],
      ['a UTF-16 surrogate in UTF-8 bytes', kpiBytes('c', [0xed, 0xa0, 0x80]), 'application/json', 400],
      ['a byte that is never UTF-8', kpiBytes('d', [0xff]), 'application/json', 400],
      ['UTF-8 said to be UTF-16', kpiBytes('e', [0xc3, 0xa9]), 'application/json; charset=utf-16', 415],
      ['UTF-8 said to be Windows-1252', kpiBytes('f', [0xc3, 0xa9]), 'application/json;charset="windows-1252"', 415],
    ];
    for (const [what, body, type, status] of refused) {
      const r = await postBytes(admin, '/api/kpis', body, type);
      expect({ what, status: r.statusCode }).toEqual({ what, status });
      expect(r.json().error.code).toBe(status === 415 ? 'SERVER_UNSUPPORTED_MEDIA_TYPE' : 'SERVER_BAD_REQUEST');
    }
    expect(await snapshot(server.db)).toEqual(before);
    // UTF-8, however it is labelled, with or without a byte order mark; U+FFFD sent as such is text.
    const taken: [Buffer, string, string][] = [
      [kpiBytes('g', [0xc3, 0xa9]), 'application/json', 'Café'],
      [kpiBytes('h', [0xc3, 0xa8]), 'application/json; charset=UTF-8', 'Cafè'],
      [kpiBytes('i', [0xc3, 0xaa]), 'application/json; charset="utf8"', 'Cafê'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), kpiBytes('j', [0xc3, 0xab])]), 'application/json', 'Cafë'],
      [kpiBytes('k', [0xef, 0xbf, 0xbd]), 'application/json', 'Caf\ufffd'],
    ];
    for (const [body, type, name] of taken) {
      const r = await postBytes(admin, '/api/kpis', body, type);
      expect({ name, status: r.statusCode, stored: r.json().name }).toEqual({ name, status: 201, stored: name });
    }
  });

  test('parser cost: a body nested 500,000 deep or an object of 95,000 members was parsed whole before it was refused (found)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const parsed: number[] = [];
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (typeof text === 'string' && text.length > 100_000) parsed.push(text.length);
      return parse(text, reviver);
    }) as typeof JSON.parse;
    try {
      const members = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":0`).join(',')}}`;
      const hostile: [string, string, RegExp][] = [
        ['500,000 levels of arrays', '['.repeat(500_000) + ']'.repeat(500_000), /nested more than 32 levels/],
        ['an object of 95,000 members', members(95_000), /more than 1000 members/],
        [
          'the object deep inside a valid shape',
          JSON.stringify({ costCentre: 'CC606', name: 'x', overrides: { a: 0 } }).replace('{"a":0}', members(90_000)),
          /more than 1000 members/,
        ],
        [
          '33 levels, then a long tail',
          `${'['.repeat(MAX_BODY_DEPTH + 1)}${' '.repeat(200_000)}${']'.repeat(MAX_BODY_DEPTH + 1)}`,
          /nested/,
        ],
      ];
      for (const [what, body, message] of hostile) {
        for (const url of ['/api/kpis', '/api/models', '/api/actuals/imports?batchId=b1&costCentre=CC606']) {
          const r = await server.as(admin, {
            method: 'POST',
            url,
            payload: body,
            headers: { 'content-type': 'application/json' },
          });
          expect({ what, url, status: r.statusCode, message: r.json().error.message }).toEqual({
            what,
            url,
            status: 400,
            message: expect.stringMatching(message),
          });
        }
      }
      // None reached JSON.parse: each was refused by one pass over its text.
      expect(parsed).toEqual([]);
      // What the API takes is well inside the bounds: an object of MAX_OBJECT_MEMBERS members parses.
      const edge = await server.as(admin, {
        method: 'POST',
        url: '/api/kpis',
        payload: members(MAX_OBJECT_MEMBERS) + ' '.repeat(100_000),
        headers: { 'content-type': 'application/json' },
      });
      // …and meets the schema (which refuses it for what it holds, not for its size).
      expect(edge.json().error.message).toMatch(/^body must have required property/);
      expect(parsed).toHaveLength(1);
    } finally {
      JSON.parse = parse;
    }
  });

  test('behind the reverse proxy the docs ask for, the whole team shared one rate limit: the proxies can be named (found)', async () => {
    const LIMIT = 5;
    /** Answers to `LIMIT + 1` requests each from every client, on a server that trusts `proxies`. */
    const statuses = async (proxies: string[], clients: string[]) => {
      const behind = await startTestServer({
        prefix: 'prbproxy',
        overrides: { rateLimitMax: LIMIT, trustedProxies: proxies },
      });
      try {
        const token = await behind.token('viewer', 'viewer', ['CC1']);
        const seen: Record<string, number[]> = {};
        for (const client of clients)
          for (let i = 0; i <= LIMIT; i++)
            (seen[client] ??= []).push(
              (await behind.as(token, { method: 'GET', url: '/api/me', headers: { 'x-forwarded-for': client } }))
                .statusCode,
            );
        return seen;
      } finally {
        await behind.close();
      }
    };
    const own = [...Array<number>(LIMIT).fill(200), 429];
    const spent = Array<number>(LIMIT + 1).fill(429);
    // The tests' connections come from 127.0.0.1, the proxy here: each client has its own limit, and
    // a client cannot pick its address (the proxy appends the address it saw, and that one counts).
    expect(
      await statuses(
        ['127.0.0.1'],
        ['203.0.113.1', '203.0.113.2', '198.51.100.1, 203.0.113.9', '198.51.100.2, 203.0.113.9'],
      ),
    ).toEqual({
      '203.0.113.1': own,
      '203.0.113.2': own,
      '198.51.100.1, 203.0.113.9': own,
      '198.51.100.2, 203.0.113.9': spent,
    });
    // Not from a listed proxy (and so with none listed, as before): the header is nobody's word.
    expect(await statuses(['10.9.9.9'], ['203.0.113.1', '203.0.113.2'])).toEqual({
      '203.0.113.1': own,
      '203.0.113.2': spent,
    });
    // Only addresses and ranges: trusting every hop would let any client name its address.
    expect(loadConfig([], { OPENFPA_TRUSTED_PROXIES: ' 10.0.0.5, 10.0.1.0/24,fd00::/8 ' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      'fd00::/8',
    ]);
    for (const bad of ['*', 'true', 'proxy.corp', '10.0.0.0/33', '10.0.0.5/8/1', '::1/129'])
      expect(() => loadConfig([], { OPENFPA_TRUSTED_PROXIES: bad })).toThrow(/OPENFPA_TRUSTED_PROXIES/);
  });

  /** Writes `text` on a fresh connection and answers everything the server sent until it closed it. */
  const rawExchange = (text: string) =>
    new Promise<string>((resolve) => {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      let got = '';
      const done = () => resolve(got);
      socket.on('data', (chunk: Buffer) => (got += chunk.toString('latin1')));
      socket.on('close', done);
      socket.on('error', done);
      socket.setTimeout(5_000, () => socket.destroy());
      socket.write(Buffer.from(text, 'latin1'));
    });

  test('request smuggling: conflicting or obfuscated lengths and encodings are a 400, one answer, nothing written (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const body = JSON.stringify({ ...kpiBody('CC608', 'smuggled'), name: 'Smuggled' });
    const n = Buffer.byteLength(body);
    const head = `POST /api/kpis HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\n`;
    // A second request hidden where a front end and this server might disagree on where the first ends.
    const hidden = `GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${admin}\r\n\r\n`;
    const chunked = `${n.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const cases: Record<string, string> = {
      'Transfer-Encoding and Content-Length': `${head}Content-Length: ${n}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${hidden}`,
      'two different Content-Lengths': `${head}Content-Length: ${n}\r\nContent-Length: ${n + hidden.length}\r\n\r\n${body}${hidden}`,
      'two equal Content-Lengths': `${head}Content-Length: ${n}\r\nContent-Length: ${n}\r\n\r\n${body}`,
      'a Content-Length list': `${head}Content-Length: ${n}, ${n}\r\n\r\n${body}`,
      'a signed Content-Length': `${head}Content-Length: +${n}\r\n\r\n${body}`,
      'chunked, then identity': `${head}Transfer-Encoding: chunked, identity\r\n\r\n${chunked}`,
      'an unknown coding beside a length': `${head}Transfer-Encoding: xchunked\r\nContent-Length: ${n}\r\n\r\n${body}`,
      'a space before the colon': `${head}Transfer-Encoding : chunked\r\nContent-Length: ${n}\r\n\r\n${body}`,
      'a folded header line': `${head}Transfer-Encoding:\r\n chunked\r\nContent-Length: ${n}\r\n\r\n${body}`,
      'bare LF line ends': `${head}Content-Length: ${n}\r\n\r\n`.replaceAll('\r\n', '\n') + body,
      'a chunk extension of 20,000 bytes': `${head}Transfer-Encoding: chunked\r\n\r\n${n.toString(16)};${'a'.repeat(20_000)}\r\n${body}\r\n0\r\n\r\n`,
      'a NUL in a header': `${head}X-Note: a\u0000b\r\nContent-Length: ${n}\r\n\r\n${body}`,
      'a Latin-1 byte in the Idempotency-Key': `${head}Idempotency-Key: abcdefgh\u00e9\r\nContent-Length: ${n}\r\n\r\n${body}`,
    };
    const before = await snapshot(server.db);
    for (const [what, text] of Object.entries(cases)) {
      const answer = await rawExchange(text);
      const statuses = answer.match(/^HTTP\/1\.1 \d{3}/gm) ?? [];
      expect({ what, statuses }).toEqual({ what, statuses: ['HTTP/1.1 400'] });
      expect(answer).toContain('"code":"SERVER_BAD_REQUEST"');
      expect(answer).not.toContain('"id":"root"');
    }
    expect(await snapshot(server.db)).toEqual(before);
    // The same request, well formed, is taken (so the refusals above are the framing's).
    expect(await rawExchange(`${head}Content-Length: ${n}\r\n\r\n${body}`)).toMatch(/^HTTP\/1\.1 201/);
  });

  test('the chain replaced while a step waits, and roles taken away between approve and apply (held)', async () => {
    const cc = 'CC607';
    const admin = await server.token('root', 'admin', '*');
    await setApprovalChain(server, admin, TWO_STEP_CHAIN);
    const owner = await server.token('bo-607', 'budget_owner', [cc]);
    const approver = await server.token('ap-607', 'approver', [cc]);
    const controller = await server.token('co-607', 'controller', [cc]);
    const cfo = await server.token('cfo-607', 'cfo', '*');
    let proposal = created(
      await server.as(owner, { method: 'POST', url: '/api/proposals', payload: proposalBody(cc, 'held') }),
      'p',
    );
    proposal = created(await moveProposal(server, owner, proposal, 'submit'), 'submit');
    // The chain now has one CFO step: the proposal in flight keeps the steps it was submitted with.
    await setApprovalChain(server, admin, [{ name: 'CFO', role: 'cfo', costCentre: '*', deadlineHours: 24 }]);
    const refusedCfo = await moveProposal(server, cfo, proposal, 'approve');
    expect([refusedCfo.statusCode, refusedCfo.json().error.code]).toEqual([403, 'SERVER_FORBIDDEN_STEP']);
    proposal = created(
      await server.as(approver, {
        method: 'POST',
        url: `/api/proposals/${proposal.id}/approve`,
        payload: {},
        headers: { 'if-match': `"${proposal.version}"`, 'idempotency-key': 'approve-607-held' },
      }),
      'approve',
    );
    // The approver's role taken away: a replay of the approval is refused before anything is answered.
    const revoked = await server.token('ap-607', 'viewer', [cc]);
    const replay = await server.as(revoked, {
      method: 'POST',
      url: `/api/proposals/${proposal.id}/approve`,
      payload: {},
      headers: { 'if-match': `"${proposal.version - 1}"`, 'idempotency-key': 'approve-607-held' },
    });
    expect(replay.statusCode).toBe(403);
    expect(replay.headers['idempotent-replayed']).toBeUndefined();
    proposal = created(await moveProposal(server, controller, proposal, 'approve'), 'approve 2');
    expect(proposal.state).toBe('approved');
    // The owner's apply role, or the cost centre, taken away between approve and apply: nothing written.
    const before = await snapshot(server.db);
    const noRole = await moveProposal(server, await server.token('bo-607', 'analyst', [cc]), proposal, 'apply');
    expect([noRole.statusCode, noRole.json().error.code]).toEqual([403, 'SERVER_FORBIDDEN_ROLE']);
    const noCentre = await moveProposal(
      server,
      await server.token('bo-607', 'budget_owner', ['CC999']),
      proposal,
      'apply',
    );
    expect(noCentre.statusCode).toBe(404);
    expect(await snapshot(server.db)).toEqual(before);
    const applied = created(await moveProposal(server, owner, proposal, 'apply'), 'apply');
    expect([applied.state, applied.versions.length]).toEqual(['applied', 1]);
  });

  test('numeric ids and counts as fractions, past 2^53 or signed zero; dates at the clock’s edges (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const expected: [string, number][] = [
      ['/api/audit?costCentre=CC1&before=1.5', 400],
      ['/api/audit?costCentre=CC1&before=-0', 400],
      ['/api/audit?costCentre=CC1&before=9007199254740993', 400],
      ['/api/audit/verify?fromId=1.5', 400],
      ['/api/audit/verify?fromId=1&toId=2.5', 400],
      ['/api/audit/verify?fromId=9007199254740993', 400],
      ['/api/audit/verify?limit=1.5', 400],
      ['/api/versions?costCentre=CC1&fiscalYear=2026.5', 400],
      ['/api/webhooks/1/deliveries', 400],
      // Offsets RFC 3339 allows and PostgreSQL does not (±16:00 and beyond): a 400, never a 500.
      ['/api/audit?costCentre=CC1&from=2026-12-07T00:00:00-23:59', 400],
      ['/api/audit?costCentre=CC1&from=2026-12-07T00:00:00', 400],
      ['/api/audit?costCentre=CC1&from=2026-12-07T24:00:00Z', 400],
      ['/api/audit?costCentre=CC1&to=2026-02-29T00:00:00Z', 400],
      ['/api/audit?costCentre=CC1&from=2026-12-31T23:59:60Z', 200],
      ['/api/audit?costCentre=CC1&from=2026-12-07T00:00:00%2B14:00', 200],
    ];
    await expectGetStatuses(server, admin, expected);
    const versionOf = (fiscalYear: number, amount: number) => ({
      costCentre: 'CC1',
      fiscalYear,
      kind: 'forecast',
      name: `F ${fiscalYear} ${amount}`,
      lines: [{ account: '4000', period: '2026-01', amount }],
    });
    for (const [what, payload] of [
      ['a fractional year', versionOf(2026.5, 1)],
      ['a year of 1e300', versionOf(1e300, 1)],
      ['an amount of 1e300', versionOf(2026, 1e300)],
    ] as const) {
      const r = await server.as(admin, { method: 'POST', url: '/api/versions', payload });
      expect({ what, status: r.statusCode }).toEqual({ what, status: 400 });
    }
  });

  test('email_verified sent as the text "false" (Amazon Cognito’s form) counted as verified (found)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const issuer = 'https://idp.example/';
    const verify = tokenVerifier(
      [localIssuer(issuer, 'openfpa', [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: 'k1', alg: 'ES256' }])],
      { maxAgeSeconds: 3600 },
    );
    const emailOf = async (emailVerified: unknown) => {
      const token = await new SignJWT({
        roles: ['analyst'],
        cost_centres: ['CC1'],
        email: 'Approver@Corp.example',
        ...(emailVerified === undefined ? {} : { email_verified: emailVerified }),
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('openfpa')
        .setSubject('author')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return (await verify(`Bearer ${token}`)).email;
    };
    // An unverified address neither joins nor separates people: an author who typed an approver's
    // address must not keep that approver off their proposal.
    for (const unverified of [false, 'false', 'False', ' FALSE '])
      expect({ unverified, email: await emailOf(unverified) }).toEqual({ unverified, email: undefined });
    for (const verified of [undefined, true, 'true'])
      expect({ verified, email: await emailOf(verified) }).toEqual({ verified, email: 'approver@corp.example' });
  });

  test('one analyst sending five imports at once held the one import slot and its whole queue: everyone else got 429 (found)', async () => {
    const slot = new ImportSlot(server.config.importQueueMax);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const outcomes: string[] = [];
    const importAs = (user: string, name: string) =>
      slot
        .run(async () => {
          outcomes.push(`${name} ran`);
          await held;
          return name;
        }, user)
        .catch((error: { statusCode?: number }) => {
          outcomes.push(`${name} ${String(error.statusCode)}`);
          return undefined;
        });
    // Mallory's five at once: the first runs and one waits; the rest are hers to send again, and the
    // queue's other places stay for other users.
    const hers = Array.from({ length: 5 }, (_, i) => importAs('mallory', `mallory ${i + 1}`));
    const others = ['ann', 'bob', 'cy', 'dee'].map((user) => importAs(user, user));
    release();
    await Promise.all([...hers, ...others]);
    expect(outcomes.filter((o) => o.startsWith('mallory'))).toEqual([
      'mallory 1 ran',
      'mallory 3 429',
      'mallory 4 429',
      'mallory 5 429',
      'mallory 2 ran',
    ]);
    // Three of the four waiting places went to other users; a fourth is told to come back, as before.
    expect(outcomes.filter((o) => !o.startsWith('mallory'))).toEqual(['dee 429', 'ann ran', 'bob ran', 'cy ran']);
    // Done, she may import again.
    expect(await importAs('mallory', 'mallory 6')).toBe('mallory 6');
  });

  test('a high flag reported again at 0.01 by any writer left no trace of what it was in the audit log (found)', async () => {
    const cc = 'CC609';
    const analyst = await server.token('an-609', 'analyst', [cc]);
    const auditor = await server.token('au-609', 'controller', [cc]);
    const report = async (flags: object[]) =>
      created(
        await server.as(analyst, { method: 'POST', url: '/api/flags', payload: { costCentre: cc, flags } }),
        'report',
      );
    const overspend = {
      flagId: 'flag:travel@3',
      kind: 'overspend',
      severity: 0.92,
      amount: 12500.5,
      explanation: 'Travel 2.5× plan',
    };
    const other = { flagId: 'flag:ads@3', kind: 'overspend', severity: 0.4, amount: 10 };
    await report([overspend, other]);
    const updates = async () =>
      (
        (
          await server.as(auditor, { method: 'GET', url: `/api/audit?costCentre=${cc}&action=flag.update` })
        ).json() as Json[]
      ).map((r) => ({ entityId: r.entityId, before: r.before, after: r.after }));
    // Reported again as it was: nothing changed, nothing more to record.
    await report([overspend, other]);
    expect(await updates()).toEqual([]);
    // Played down, and its explanation rewritten: the audit log keeps what it was.
    await report([{ ...overspend, severity: 0.01, explanation: 'fine' }, other]);
    expect(await updates()).toEqual([
      {
        entityId: 'flag:travel@3',
        before: [{ ...overspend }],
        after: [{ ...overspend, severity: 0.01, explanation: 'fine' }],
      },
    ]);
  });
});
