/**
 * What the framework refuses before a route runs (the body parser, the content type, the router)
 * answers in the server's own envelope and words: `{ error: { code, message, details? } }` with a
 * catalogue code (`SERVER_…`), the hardening headers, and no framework code or text ("Body cannot be
 * empty when content-type is set to 'application/json'", "Unsupported Media Type", "body must NOT
 * have fewer than 1 properties"), stack trace or file path. Every registered route is asked with
 * every malformed body, and every path with every method it does not take.
 */
import { connect } from 'node:net';
import { FIXTURES, proposalBody } from './fixtures';
import { useTestServer, type Json, type RequestSpec, type TestResponse } from './helpers';

jest.setTimeout(300_000);

/** Words that are the framework's, the runtime's or the code's, never the API's. */
const LEAKS =
  /FST_|fastify|find-my-way|ajv|content-type is set|Unsupported Media Type|Request body|must NOT have|body must be object|node_modules|\.[cm]?[jt]s\b|\bat \S+ \(|SyntaxError|Unexpected (token|end)|in JSON at|TypeError|RangeError|stack/i;

/** The problems with one refusal's answer (none: the envelope, a catalogue code, our words). */
function envelopeProblems(what: string, r: TestResponse): string[] {
  const problems: string[] = [];
  const say = (why: string) => problems.push(`${what}: ${why} (${r.statusCode} ${r.body.slice(0, 200)})`);
  if (r.statusCode < 400) return problems;
  if (r.statusCode >= 500) say('a 5xx');
  if (!/^application\/json/.test(r.headers['content-type'] ?? '')) say('not JSON');
  if (r.headers['x-content-type-options'] !== 'nosniff' || r.headers['cache-control'] !== 'no-store')
    say('no hardening headers');
  if (r.headers['x-powered-by'] !== undefined) say('x-powered-by');
  let body: Json;
  try {
    body = r.json();
  } catch {
    say('body is not JSON');
    return problems;
  }
  if (Object.keys(body).join() !== 'error') say('not the envelope');
  const error = (body.error ?? {}) as Json;
  if (Object.keys(error).some((key) => !['code', 'message', 'details'].includes(key))) say('other fields');
  if (typeof error.code !== 'string' || !/^SERVER_[A-Z_]+$/.test(error.code)) say('not a catalogue code');
  // A sentence of ours, or the validator's report of a field (`body.lines[1].period must be …`, counted from 1).
  const validator = error.code === 'SERVER_INVALID_REQUEST' && /^(body|querystring|params)\b/.test(error.message);
  if (typeof error.message !== 'string' || !(validator || /^[A-Z/].*[.]$/.test(error.message)))
    say('not a sentence of ours');
  if (LEAKS.test(r.body)) say('framework, runtime or code words');
  return problems;
}

describe('the framework’s own refusals answer in the server’s envelope', () => {
  const server = useTestServer({ engine: 'pglite', prefix: 'envelope' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });

  const draft = async (unique: string): Promise<Json> => {
    const r = await server.as(admin, { method: 'POST', url: '/api/proposals', payload: proposalBody('CC1', unique) });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  let unique = 0;
  const raw = (spec: RequestSpec) => server.as(admin, spec);
  const error = (r: TestResponse) => [r.statusCode, r.json().error.code, r.json().error.message];

  test('an edit (PATCH) with an empty JSON body, no body or {} is told what to send', async () => {
    const p = await draft('patch');
    const edit = (payload: string | undefined, type?: string) =>
      raw({
        method: 'PATCH',
        url: `/api/proposals/${String(p.id)}`,
        ...(payload === undefined ? {} : { payload }),
        headers: { 'if-match': `"${String(p.version)}"`, ...(type ? { 'content-type': type } : {}) },
      });
    const told = [
      400,
      'SERVER_BAD_REQUEST',
      'The body is empty; send a JSON object with at least one of reason, fiscalYear, lines.',
    ];
    expect(error(await edit('', 'application/json'))).toEqual(told);
    expect(error(await edit(undefined))).toEqual(told);
    expect(error(await edit('{}', 'application/json'))).toEqual(told);
    expect(error(await edit('{}', 'application/json; charset=utf-8'))).toEqual(told);

    const hook = await server.as(admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook', format: 'generic', events: ['proposal.applied'] },
    });
    expect(hook.statusCode).toBe(201);
    const webhook = await raw({
      method: 'PATCH',
      url: `/api/webhooks/${String(hook.json().id)}`,
      payload: '',
      headers: { 'content-type': 'application/json', 'if-match': `"${String(hook.json().version)}"` },
    });
    expect(error(webhook)).toEqual([
      400,
      'SERVER_BAD_REQUEST',
      'The body is empty; send a JSON object with at least one of url, events, costCentres, secret, active.',
    ]);
    // Nothing changed.
    const now = await raw({ method: 'GET', url: `/api/proposals/${String(p.id)}` });
    expect(now.json()).toMatchObject({ version: p.version, reason: p.reason });
  });

  test('a create with no body names its required fields, as an empty JSON body does', async () => {
    const told = [400, 'SERVER_BAD_REQUEST', 'The body is empty; send a JSON object with fiscalYear, lines.'];
    expect(error(await raw({ method: 'POST', url: '/api/proposals' }))).toEqual(told);
    expect(
      error(
        await raw({
          method: 'POST',
          url: '/api/proposals',
          payload: '',
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ).toEqual(told);
  });

  test('malformed JSON says so and where; a __proto__ key is named; a body that is no object says so', async () => {
    const post = (payload: string) =>
      raw({ method: 'POST', url: '/api/proposals', payload, headers: { 'content-type': 'application/json' } });
    expect(error(await post('{a}'))).toEqual([
      400,
      'SERVER_BAD_REQUEST',
      'The body is not valid JSON (from character 2); send a JSON object.',
    ]);
    expect((await post('{a}')).json().error.details).toEqual({ context: 'body', position: 1 });
    expect(error(await post('{"fiscalYear": 2026,'))).toEqual([
      400,
      'SERVER_BAD_REQUEST',
      'The body is not valid JSON (from character 21); send a JSON object.',
    ]);
    // Where the parser names no place (the text ends inside a value), none is told.
    expect(error(await post('{"a":'))).toEqual([
      400,
      'SERVER_BAD_REQUEST',
      'The body is not valid JSON; send a JSON object.',
    ]);
    expect(error(await post('{} x'))).toEqual([
      400,
      'SERVER_BAD_REQUEST',
      'The body is not valid JSON (from character 4); send a JSON object.',
    ]);
    for (const poisoned of ['{"__proto__": {"isAdmin": true}}', '{"constructor": {"prototype": {"x": 1}}}'])
      expect(error(await post(poisoned))).toEqual([
        400,
        'SERVER_BAD_REQUEST',
        'The body holds a "__proto__" or "constructor.prototype" key, which no request takes.',
      ]);
    const importing = await raw({
      method: 'POST',
      url: '/api/actuals/imports?batchId=b1&costCentre=CC1',
      payload: '"account,period,amount"',
      headers: { 'content-type': 'application/json' },
    });
    expect(error(importing)).toEqual([400, 'SERVER_INVALID_REQUEST', 'The body must be a JSON object.']);
    for (const payload of ['null', '[]', '12', '"x"'])
      expect([payload, ...error(await post(payload))]).toEqual([
        payload,
        400,
        'SERVER_INVALID_REQUEST',
        'The body must be a JSON object.',
      ]);
  });

  test('a content type a route does not take, or none, names the types it takes; too large names the limit', async () => {
    const post = (url: string, payload: string, headers: Record<string, string>) =>
      raw({ method: 'POST', url, payload, headers });
    const json = 'This route accepts application/json only.';
    expect(error(await post('/api/proposals', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual(
      [415, 'SERVER_UNSUPPORTED_MEDIA_TYPE', json],
    );
    // fetch sends text/plain for a string body unless told; an empty header is no type at all.
    expect(error(await post('/api/proposals', '{}', { 'content-type': '' }))).toEqual([
      415,
      'SERVER_UNSUPPORTED_MEDIA_TYPE',
      json,
    ]);
    expect(error(await post('/api/proposals', '{}', { 'content-type': 'application/json;;' }))[0]).toBeLessThan(500);
    expect(
      error(await post('/api/actuals/imports?batchId=b1&costCentre=CC1', 'x', { 'content-type': 'application/xml' })),
    ).toEqual([415, 'SERVER_UNSUPPORTED_MEDIA_TYPE', 'This route accepts application/json or text/csv.']);
    expect(
      error(
        await post('/api/proposals', `{"reason":"${'x'.repeat(1024 * 1024)}"}`, { 'content-type': 'application/json' }),
      ),
    ).toEqual([413, 'SERVER_PAYLOAD_TOO_LARGE', 'The body is larger than this route takes (at most 1 MiB).']);
  });

  test('an empty JSON body where a route takes none is no body (a DELETE reaches its route)', async () => {
    const kpi = await FIXTURES['DELETE /api/kpis/:id']({ server, admin, cc: 'CC1', unique: 'del' });
    const r = await raw({ ...kpi, payload: '', headers: { ...kpi.headers, 'content-type': 'application/json' } });
    expect([r.statusCode, r.body]).toEqual([200, expect.stringContaining('"archivedBy":"root"')]);
  });

  test('every route, asked with each malformed body, answers in the envelope', async () => {
    const writes = server.routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(20);
    const bodies: [string, string | undefined, string | undefined][] = [
      ['no body', undefined, undefined],
      ['empty JSON', '', 'application/json'],
      ['{}', '{}', 'application/json'],
      ['cut short', '{"a": [1, 2', 'application/json'],
      ['not JSON', '{a}', 'application/json'],
      ['__proto__', '{"__proto__": {}}', 'application/json'],
      ['null', 'null', 'application/json'],
      ['text', '"x"', 'application/json'],
      ['no content type', '{}', ''],
      ['text/plain', '{}', 'text/plain'],
      ['a form', 'a=1', 'application/x-www-form-urlencoded'],
      ['bad media type', '{}', 'application/json; charset'],
    ];
    const problems: string[] = [];
    for (const route of writes) {
      const key = `${route.method} ${route.url}`;
      for (const [what, payload, type] of bodies) {
        const request = await FIXTURES[key]({ server, admin, cc: 'CC1', unique: `e${++unique}` });
        const headers: Record<string, string> = { ...request.headers };
        delete headers['content-type'];
        if (type !== undefined) headers['content-type'] = type;
        const r = await raw({ method: request.method, url: request.url, headers, payload });
        problems.push(...envelopeProblems(`${key} with ${what}`, r));
      }
    }
    expect(problems).toEqual([]);
  });

  test('unknown paths and methods a path does not take: 404 and 405 in the envelope, with or without a token', async () => {
    const paths = [
      '/',
      '/nope',
      '/api',
      '/api/',
      '/api/nope',
      '/api/proposals/x/y/z',
      '/api/../etc/passwd',
      '/openapi.yaml',
    ];
    const problems: string[] = [];
    for (const path of paths)
      for (const method of ['GET', 'POST', 'DELETE', 'PATCH', 'PROPFIND'])
        for (const who of ['token', 'none'] as const) {
          const spec = { method, url: path };
          const r = who === 'token' ? await raw(spec) : await server.send(spec);
          if (r.statusCode !== 404 || r.json().error.code !== 'SERVER_NO_ROUTE')
            problems.push(`${method} ${path}: ${r.statusCode} ${r.body}`);
          problems.push(...envelopeProblems(`${method} ${path} (${who})`, r));
        }
    // Every registered path, with every method it does not take (QUERY without a body's type too,
    // which the framework refused before the router with a 400 of its own).
    const taken = new Map<string, Set<string>>();
    for (const route of server.routes) {
      const url = (await FIXTURES[`${route.method} ${route.url}`]({ server, admin, cc: 'CC1', unique: `m${++unique}` }))
        .url;
      const path = url.split('?')[0];
      const seen = taken.get(route.url) ?? new Set<string>();
      seen.add(route.method);
      taken.set(route.url, seen);
      taken.set(`${route.url}|path`, new Set([path]));
    }
    for (const [pattern, methods] of taken) {
      if (pattern.endsWith('|path')) continue;
      const [path] = [...taken.get(`${pattern}|path`)!];
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'QUERY', 'PROPFIND', 'SEARCH']) {
        if (methods.has(method)) continue;
        const r = await raw({ method, url: path });
        if (r.statusCode !== 405 || r.json().error.code !== 'SERVER_METHOD_NOT_ALLOWED' || !r.headers.allow)
          problems.push(`${method} ${path}: ${r.statusCode} ${r.body}`);
        problems.push(...envelopeProblems(`${method} ${path}`, r));
      }
    }
    expect(problems).toEqual([]);
  });

  test('a malformed percent-encoding and an over-long path part answer in the envelope', async () => {
    const problems = [
      ...envelopeProblems('bad percent', await raw({ method: 'GET', url: '/api/models/%E0%A4%A' })),
      ...envelopeProblems('long part', await raw({ method: 'GET', url: `/api/models/${'a'.repeat(200)}` })),
    ];
    expect(problems).toEqual([]);
  });

  test('on a raw connection, an edit with Content-Length 0 is told what to send', async () => {
    const { port } = new URL(server.url);
    const ask = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
    const answer = await ask(
      `PATCH /api/proposals/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${admin}\r\n` +
        'content-type: application/json\r\nif-match: "1"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n',
    );
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'SERVER_BAD_REQUEST',
        message: 'The body is empty; send a JSON object with at least one of reason, fiscalYear, lines.',
        details: { context: 'body' },
      },
    });
  });
});
