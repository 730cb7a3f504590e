import { connect } from 'node:net';
import { startTestServer, useTestServer, type TestResponse } from './helpers';

jest.setTimeout(120_000);

/** The headers every answer carries, errors included (found: none did). */
function expectHardened(response: TestResponse, what: string): void {
  expect({
    what,
    nosniff: response.headers['x-content-type-options'],
    cache: response.headers['cache-control'],
    csp: response.headers['content-security-policy'],
  }).toEqual({ what, nosniff: 'nosniff', cache: 'no-store', csp: "default-src 'none'; frame-ancestors 'none'" });
}

describe('probes: transport and headers', () => {
  const server = useTestServer({ prefix: 'prbtransport' });

  test('every answer, success or error, is nosniff, no-store and framed by nobody', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const cases: [string, Promise<TestResponse>][] = [
      ['200', server.as(viewer, { method: 'GET', url: '/api/models?costCentre=CC1' })],
      ['401', server.send({ method: 'GET', url: '/api/models?costCentre=CC1' })],
      ['403', server.as(viewer, { method: 'GET', url: '/api/models?costCentre=CC2' })],
      ['400', server.as(viewer, { method: 'GET', url: '/api/models?costCentre=%27' })],
      ['404 unknown route', server.as(viewer, { method: 'GET', url: '/api/nothing' })],
      ['405 method the path does not take', server.as(viewer, { method: 'DELETE', url: '/api/models' })],
      [
        '415',
        server.as(viewer, {
          method: 'POST',
          url: '/api/models',
          headers: { 'content-type': 'text/plain' },
          payload: 'x',
        }),
      ],
      ['health', server.send({ method: 'GET', url: '/health' })],
      ['openapi', server.send({ method: 'GET', url: '/openapi.json' })],
    ];
    for (const [what, response] of cases) expectHardened(await response, what);
  });

  test('a method a path does not take is a 405 in the catalogue’s shape with Allow (found: a 404), naming no more than the path', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const id = '6f1c2b7e-3f59-4a54-9a11-0d1f8c1e2a3b';
    for (const [method, url, allow] of [
      ['DELETE', `/api/models/${id}`, 'GET, HEAD, PUT'],
      ['PUT', `/api/proposals/${id}`, 'GET, HEAD, PATCH'],
      ['PATCH', '/api/audit', 'GET, HEAD'],
      ['DELETE', '/api/audit', 'GET, HEAD'],
      ['POST', '/api/me', 'GET, HEAD'],
    ]) {
      const response = await server.as(viewer, { method, url });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.json()).toEqual({
        error: { code: 'SERVER_METHOD_NOT_ALLOWED', message: `${url} takes ${allow}, not ${method}.` },
      });
    }
  });

  test('what the router or the HTTP parser refuses answers in the catalogue’s shape too (found: Fastify’s own bodies)', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const longId = await server.as(viewer, {
      method: 'PUT',
      url: `/api/adjustments/${'a'.repeat(300)}/outcome?costCentre=CC1`,
      payload: {},
    });
    expect(longId.statusCode).toBe(414);
    expect(longId.json()).toEqual({
      error: {
        code: 'SERVER_URL_TOO_LONG',
        message: 'A part of the path is longer than any id (at most 100 characters).',
      },
    });
    expectHardened(longId, '414');
    const badUrl = await server.as(viewer, { method: 'GET', url: '/api/models/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.code).toBe('SERVER_BAD_URL');
    expectHardened(badUrl, 'bad url');
    // Headers past the parser's limit (a huge token): the connection's answer, written by hand.
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () =>
        socket.write(`GET /api/me HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${'x'.repeat(40_000)}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      error: {
        code: 'SERVER_HEADERS_TOO_LARGE',
        message: 'The request’s headers (its token among them) are too large.',
      },
    });
  });

  test('the Host header reaches no answer (no absolute URL is built from it)', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    for (const url of ['/api/models?costCentre=CC1', '/api/nothing', '/openapi.json', '/api/models?costCentre=%27']) {
      const response = await server.as(viewer, { method: 'GET', url, headers: { host: 'evil.example:666' } });
      expect(response.body).not.toContain('evil.example');
      expect(JSON.stringify(response.headers)).not.toContain('evil.example');
    }
  });

  test('CORS answers the add-in’s origin only, exactly, and never allows credentials', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const origin = server.config.corsOrigin;
    const hostile = ['https://evil.example', 'null', `${origin}.evil.example`, origin.toUpperCase(), `${origin}/`];
    for (const candidate of [origin, ...hostile]) {
      const preflight = await server.send({
        method: 'OPTIONS',
        url: '/api/models?costCentre=CC1',
        headers: {
          origin: candidate,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      const read = await server.as(viewer, {
        method: 'GET',
        url: '/api/models?costCentre=CC1',
        headers: { origin: candidate },
      });
      const allowed = candidate === origin ? origin : undefined;
      for (const response of [preflight, read]) {
        expect({ candidate, allow: response.headers['access-control-allow-origin'] }).toEqual({
          candidate,
          allow: allowed,
        });
        expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      }
    }
  });
});

describe('probes: the rate limit', () => {
  test('spoofed X-Forwarded-For and X-Real-IP do not reset it; the 429 has its own code (found: SERVER_BAD_REQUEST)', async () => {
    const server = await startTestServer({ prefix: 'prbrate', overrides: { rateLimitMax: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await server.send({
          method: 'GET',
          url: '/api/me',
          headers: {
            'x-forwarded-for': `203.0.113.${i}`,
            'x-real-ip': `203.0.113.${i}`,
            forwarded: `for=203.0.113.${i}`,
          },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          expectHardened(response, '429');
          expect(response.json().error).toEqual({
            code: 'SERVER_RATE_LIMITED',
            message: expect.stringMatching(
              /^Too many requests from your address \(at most 3 a minute\); try again in /,
            ),
            details: { retryAfterSeconds: expect.any(Number) },
          });
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await server.close();
    }
  });
});
