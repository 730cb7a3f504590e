/**
 * Methods a path does not take: 405 with `Allow` (found: a 404, as if the path did not exist),
 * answered before any route's access policy and reading no record; unknown paths stay 404, HEAD on
 * a GET route and the CORS preflight answer as before.
 */
import { useTestServer, type TestResponse } from './helpers';

jest.setTimeout(120_000);

const ID = '6f1c2b7e-3f59-4a54-9a11-0d1f8c1e2a3b';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function expect405(response: TestResponse, method: string, path: string, allow: string): void {
  expect({ method, path, status: response.statusCode, allow: response.headers.allow }).toEqual({
    method,
    path,
    status: 405,
    allow,
  });
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  if (method === 'HEAD') return expect(response.body).toBe('');
  expect(response.json()).toEqual({
    error: { code: 'SERVER_METHOD_NOT_ALLOWED', message: `${path} takes ${allow}, not ${method}.` },
  });
}

/** The paths a route pattern matches, as a regular expression (a parameter is one non-empty path part). */
const patternOf = (url: string): RegExp =>
  new RegExp(`^${url.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

describe('probes: methods a path does not take', () => {
  const server = useTestServer({ prefix: 'prbmethods' });

  test('a sample of real paths, with and without ids: 405 with the methods the path takes', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const cases: [string, string, string][] = [
      ['DELETE', '/api/proposals', 'GET, HEAD, POST'],
      ['PUT', '/api/audit', 'GET, HEAD'],
      ['PATCH', `/api/versions/${ID}`, 'GET, HEAD'],
      ['DELETE', `/api/models/${ID}`, 'GET, HEAD, PUT'],
      ['PUT', `/api/proposals/${ID}`, 'GET, HEAD, PATCH'],
      ['GET', `/api/proposals/${ID}/approve`, 'POST'],
      ['HEAD', `/api/proposals/${ID}/approve`, 'POST'],
      ['POST', `/api/kpis/${ID}`, 'GET, HEAD, PUT, DELETE'],
      ['POST', `/api/versions/${ID}/compare/${ID}`, 'GET, HEAD'],
      ['POST', '/api/me', 'GET, HEAD'],
      ['DELETE', '/health', 'GET, HEAD'],
      ['POST', '/openapi.json', 'GET, HEAD'],
      ['PATCH', '/api/approval-chain', 'GET, HEAD, PUT'],
    ];
    for (const [method, url, allow] of cases) {
      // The query string is no part of the path: the same answer with one.
      for (const sent of [url, `${url}?costCentre=CC1`])
        expect405(await server.as(viewer, { method, url: sent }), method, url, allow);
    }
  });

  test('every registered route: its other methods are 405 naming it in Allow; its own still meet its policy (401 without a token)', async () => {
    const byUrl = new Map<string, Set<string>>();
    for (const route of server.routes) byUrl.set(route.url, (byUrl.get(route.url) ?? new Set()).add(route.method));
    expect(byUrl.size).toBeGreaterThan(25);
    for (const [url, own] of byUrl) {
      const path = url.replace(/:[A-Za-z]+/g, ID);
      // Every pattern the path matches (a static part may also be a parametric route's id).
      const taken = new Set<string>();
      for (const [other, methods] of byUrl) if (patternOf(other).test(path)) for (const m of methods) taken.add(m);
      if (taken.has('GET')) taken.add('HEAD');
      const allow = METHODS.filter((m) => taken.has(m)).join(', ');
      for (const method of METHODS) {
        const response = await server.send({ method, url: path });
        if (taken.has(method)) {
          // The route's policy ran (no token: 401), whatever the method.
          expect({ method, path, status: response.statusCode }).toEqual({ method, path, status: 401 });
        } else expect405(response, method, path, allow);
      }
      expect(own.size).toBeGreaterThan(0);
    }
  });

  test('unknown paths stay 404 for every method', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    for (const url of [
      '/api/nothing',
      `/api/models/${ID}/nothing`,
      `/api/proposals/${ID}/approve/${ID}`,
      `/api/proposals/${ID}/unknown-verb`,
      '/API/models',
      `/api/versions/${ID}/compare`,
      '/',
    ]) {
      for (const method of METHODS) {
        const response = await server.as(viewer, { method, url });
        expect({ method, url, status: response.statusCode, allow: response.headers.allow }).toEqual({
          method,
          url,
          status: 404,
          allow: undefined,
        });
        if (method !== 'HEAD') expect(response.json().error.code).toBe('SERVER_NO_ROUTE');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  test('a method no route takes at all: 405 on a real path; an over-long path part is no route of any method (404)', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    expect405(
      await server.as(viewer, { method: 'PROPFIND', url: '/api/models' }),
      'PROPFIND',
      '/api/models',
      'GET, HEAD, POST',
    );
    for (const [url, status] of [
      [`/api/models/${'a'.repeat(300)}`, 404],
      ['/api/nothing', 404],
      // The router refuses a malformed percent-encoding before any route is looked for, as before.
      ['/api/models/%E0%A4%A', 400],
    ] as const) {
      for (const method of ['PROPFIND', 'DELETE']) {
        const response = await server.as(viewer, { method, url });
        expect({ method, url, status: response.statusCode, allow: response.headers.allow }).toEqual({
          method,
          url,
          status,
          allow: undefined,
        });
      }
    }
  });

  test('a 405 is answered before the policy and reads no record: the same with or without a token, for a record or none', async () => {
    const admin = await server.token('ada', 'admin', '*');
    const created = await server.as(admin, {
      method: 'POST',
      url: '/api/models',
      payload: {
        costCentre: 'CC1',
        name: 'Methods probe',
        expression: 'a',
        drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }],
      },
    });
    expect(created.statusCode).toBe(201);
    const existing = String(created.json().id);
    const outsider = await server.token('oli', 'viewer', ['CC9']);
    const answers = new Set<string>();
    for (const id of [existing, ID]) {
      const path = `/api/models/${id}`;
      for (const response of [
        await server.send({ method: 'DELETE', url: path }),
        await server.send({ method: 'DELETE', url: path, headers: { authorization: 'Bearer garbage' } }),
        await server.as(outsider, { method: 'DELETE', url: path }),
        await server.as(admin, { method: 'DELETE', url: path }),
      ]) {
        expect405(response, 'DELETE', path, 'GET, HEAD, PUT');
        answers.add(response.body.replace(id, '<id>'));
      }
    }
    expect(answers.size).toBe(1);
    // The methods the path takes still meet their policy.
    expect((await server.send({ method: 'GET', url: `/api/models/${existing}` })).statusCode).toBe(401);
    expect((await server.as(outsider, { method: 'GET', url: `/api/models/${ID}` })).statusCode).toBe(404);
  });

  test('HEAD on a GET route answers as GET does, without a body (and meets the policy)', async () => {
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    for (const url of ['/api/models?costCentre=CC1', '/api/me', '/health', '/api/proposals?costCentre=CC1']) {
      const get = await server.as(viewer, { method: 'GET', url });
      const head = await server.as(viewer, { method: 'HEAD', url });
      expect({ url, status: head.statusCode, type: head.headers['content-type'], body: head.body }).toEqual({
        url,
        status: get.statusCode,
        type: get.headers['content-type'],
        body: '',
      });
      expect(get.statusCode).toBe(200);
      expect(head.headers.allow).toBeUndefined();
    }
    expect((await server.send({ method: 'HEAD', url: '/api/models?costCentre=CC1' })).statusCode).toBe(401);
    expect((await server.send({ method: 'HEAD', url: '/api/models?costCentre=CC2' })).statusCode).toBe(401);
    const outsider = await server.token('oli', 'viewer', ['CC9']);
    expect((await server.as(outsider, { method: 'HEAD', url: '/api/models?costCentre=CC1' })).statusCode).toBe(403);
  });

  test('OPTIONS and the CORS preflight answer as before, on real paths, wrong methods and unknown paths', async () => {
    const origin = server.config.corsOrigin;
    for (const url of ['/api/models', `/api/models/${ID}`, '/api/nothing', '/health']) {
      for (const requested of ['GET', 'DELETE']) {
        const preflight = await server.send({
          method: 'OPTIONS',
          url,
          headers: {
            origin,
            'access-control-request-method': requested,
            'access-control-request-headers': 'authorization',
          },
        });
        expect({ url, requested, status: preflight.statusCode, allow: preflight.headers.allow }).toEqual({
          url,
          requested,
          status: 204,
          allow: undefined,
        });
        expect(preflight.headers['access-control-allow-origin']).toBe(origin);
        expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE');
        expect(preflight.headers['access-control-max-age']).toBe('600');
      }
      // Not a preflight (no Access-Control-Request-Method): a 404, as before, whatever the path.
      const plain = await server.send({ method: 'OPTIONS', url });
      expect({ url, status: plain.statusCode, allow: plain.headers.allow }).toEqual({
        url,
        status: 404,
        allow: undefined,
      });
      expect(plain.json().error.code).toBe('SERVER_NO_ROUTE');
    }
  });
});
