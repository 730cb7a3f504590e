import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { devIssuerFromJwk } from '../../server/auth/dev-issuer';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../server/config';
import { probeClaims, snapshot, startTestServer, type TestServer } from './helpers';

jest.setTimeout(120_000);

/**
 * Tokens at and around the edges the verifier draws: the clock skew it tolerates (30 s), claims of
 * the wrong type, and header parameters that name other keys. The server trusts a key these probes
 * hold, so each token differs from a good one in the one thing tried.
 */
describe('probes: token edges (clock skew, claim types, key headers)', () => {
  let server: TestServer;
  let key: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    key = pair.privateKey;
    const issuer = await devIssuerFromJwk({
      ...(await exportJWK(pair.privateKey)),
      kid: 'openfpa-dev-1',
      alg: 'ES256',
    });
    server = await startTestServer({ prefix: 'prbtoken', issuer });
  });
  afterAll(() => server.close());

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, signWith: KeyLike = key) =>
    new SignJWT(probeClaims(claims))
      .setProtectedHeader({ alg: 'ES256', kid: 'openfpa-dev-1', ...header })
      .sign(signWith);
  const me = async (token: string) => server.as(token, { method: 'GET', url: '/api/me' });

  test('exp, nbf and iat are accepted within the 30 s skew and refused past it; numbers only', async () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['expired 20 s ago (within the skew)', { exp: now() - 20 }, 200],
      ['expired 40 s ago', { exp: now() - 40 }, 401],
      ['not before 20 s from now (within the skew)', { nbf: now() + 20 }, 200],
      ['not before 60 s from now', { nbf: now() + 60 }, 401],
      ['issued 20 s from now (within the skew)', { iat: now() + 20 }, 200],
      ['issued 60 s from now', { iat: now() + 60 }, 401],
      ['issued a year from now, valid for an hour after', { iat: now() + 31_536_000, exp: now() + 31_539_600 }, 401],
      ['exp as a string', { exp: String(now() + 600) }, 401],
      ['iat as a string', { iat: String(now()) }, 401],
      ['nbf as a string', { nbf: String(now()) }, 401],
      ['no exp', { exp: undefined }, 401],
      ['no iat', { iat: undefined }, 401],
      ['the audience among others', { aud: ['api://other', DEV_AUDIENCE] }, 200],
      ['other audiences only', { aud: ['api://other'] }, 401],
      ['the audience in other case', { aud: DEV_AUDIENCE.toUpperCase() }, 401],
      ['the issuer with a trailing slash', { iss: `${DEV_ISSUER}/` }, 401],
    ];
    const got = [];
    for (const [name, claims] of cases) got.push(`${name} → ${(await me(await sign(claims))).statusCode}`);
    expect(got).toEqual(cases.map(([name, , status]) => `${name} → ${status}`));
  });

  test('roles and cost centres of the wrong type grant nothing (found: a nested list ["*"] counted as every cost centre)', async () => {
    const user = async (claims: Record<string, unknown>) => {
      const response = await me(await sign(claims));
      return response.statusCode === 200 ? response.json() : response.statusCode;
    };
    // Roles: a list of the exact names only.
    for (const roles of ['admin', [['admin']], ['Admin'], ['admin '], { 0: 'admin' }, [{ role: 'admin' }]])
      expect({ roles, got: await user({ roles }) }).toEqual({ roles, got: 401 });
    // Cost centres: a list of strings or a comma list; anything else is no cost centre.
    const centres = async (cost_centres: unknown) => (await user({ cost_centres })).costCentres;
    expect(await centres([['*']])).toEqual([]);
    expect(await centres([['CC1', 'CC2']])).toEqual([]);
    expect(await centres({ 0: '*' })).toEqual([]);
    expect(await centres([7, null, true, { id: '*' }])).toEqual([]);
    expect(await centres(7)).toEqual([]);
    expect(await centres(['cc1'])).toEqual(['cc1']);
    expect(await centres(' CC1 , CC2 ')).toEqual(['CC1', 'CC2']);
    // A cost centre in another case is another cost centre: cc1 reaches nothing of CC1.
    const lower = await sign({ roles: ['analyst'], cost_centres: ['cc1'] });
    const before = await snapshot(server.db);
    const write = await server.as(lower, {
      method: 'POST',
      url: '/api/reviews',
      payload: { costCentre: 'CC1', flagId: 'f1', decision: 'accepted' },
    });
    expect(write.statusCode).toBe(403);
    expect((await server.as(lower, { method: 'GET', url: '/api/models?costCentre=CC1' })).statusCode).toBe(403);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a claim given twice over counts once: `roles` beats `role`, `sub` beats `preferred_username`', async () => {
    const user = async (claims: Record<string, unknown>) => (await me(await sign(claims))).json();
    expect((await user({ roles: ['viewer'], role: 'admin' })).roles).toEqual(['viewer']);
    expect((await user({ roles: [], role: 'admin' })).error.code).toBe('SERVER_UNAUTHENTICATED');
    expect((await user({ roles: ['viewer', 'viewer', 'viewer'] })).roles).toEqual(['viewer']);
    expect((await user({ sub: 'mallory', preferred_username: 'root' })).id).toBe('mallory');
    expect((await user({ sub: undefined, preferred_username: 'pat' })).id).toBe('pat');
    // A payload with a key written twice is parsed as JSON is (the last one); only the issuer can write one.
    const [header, , signature] = (await sign({})).split('.');
    const twice = Buffer.from(
      `{"sub":"mallory","roles":["viewer"],"roles":["admin"],"cost_centres":"*","iss":"${DEV_ISSUER}","aud":"${DEV_AUDIENCE}","iat":${now()},"exp":${now() + 600}}`,
    ).toString('base64url');
    expect((await me(`${header}.${twice}.${signature}`)).statusCode).toBe(401);
  });

  test('key headers name no key: kid traversal, jku, x5u and an embedded jwk of the caller’s own key', async () => {
    const mallory = await generateKeyPair('ES256', { extractable: true });
    const malloryJwk = await exportJWK(mallory.publicKey);
    const admin = { roles: ['admin'], cost_centres: '*' };
    const forged = [
      await sign(admin, { kid: '../../../../dev/null' }),
      await sign(admin, { kid: "openfpa-dev-1' OR '1'='1" }),
      await sign(admin, { jku: 'http://127.0.0.1:9/jwks.json' }, mallory.privateKey),
      await sign(admin, { x5u: 'http://127.0.0.1:9/cert.pem' }, mallory.privateKey),
      await sign(admin, { jwk: malloryJwk }, mallory.privateKey),
      await sign(admin, { kid: 'mallory', jwk: malloryJwk }, mallory.privateKey),
    ];
    for (const token of forged) {
      const response = await me(token);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('SERVER_UNAUTHENTICATED');
    }
    // The genuine key with harmless extra headers still signs in: headers neither help nor break.
    expect((await me(await sign({}, { jku: 'http://127.0.0.1:9/jwks.json', typ: 'at+jwt' }))).statusCode).toBe(200);
  });

  test('an oversized token is refused before any work, with no stack or echo of the token', async () => {
    const huge = await sign({ sub: 'x'.repeat(40_000) });
    const response = await me(huge);
    expect([401, 431]).toContain(response.statusCode);
    expect(response.body).not.toContain('xxxxxxxxxx');
    expect(response.body).not.toMatch(/node_modules|\.ts:\d+/);
  });
});
