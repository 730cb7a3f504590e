import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { oidcIssuer, tokenVerifier } from '../../../server/auth/verify-token';

/** A stand-in OIDC provider on 127.0.0.1: discovery document and JWKS, as Entra ID serves them. */
describe('tokenVerifier with an OIDC issuer (discovery + JWKS)', () => {
  let provider: Server;
  let issuer = '';
  let hits = 0;
  let sign: (claims: Record<string, unknown>, exp?: number) => Promise<string>;
  let signIssuedAt: (claims: Record<string, unknown>, iat: number) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    provider = createServer((req, res) => {
      hits += 1;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/tenant/v2.0/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
      else if (req.url === '/tenant/v2.0/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/tenant/v2.0`;
    sign = (claims, exp = Math.floor(Date.now() / 1000) + 600) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('api://openfpa')
        .setExpirationTime(exp)
        .sign(privateKey);
    signIssuedAt = (claims, iat) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('api://openfpa')
        .setIssuedAt(iat)
        .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

  test('maps Entra-style claims to a user, discovering the JWKS once', async () => {
    const verify = tokenVerifier([oidcIssuer(issuer, 'api://openfpa')]);
    const token = await sign({ sub: 'oid-123', roles: ['viewer', 'approver'], cost_centres: 'CC1, CC2' });
    expect(await verify(`Bearer ${token}`)).toEqual({
      id: 'oid-123',
      roles: ['approver', 'viewer'],
      costCentres: ['CC1', 'CC2'],
    });
    const hitsAfterFirst = hits;
    expect(
      await verify(
        `Bearer ${await sign({ preferred_username: 'ann@example.com', roles: ['admin'], cost_centres: ['*'] })}`,
      ),
    ).toEqual({
      id: 'ann@example.com',
      roles: ['admin'],
      costCentres: '*',
    });
    expect(hits).toBe(hitsAfterFirst);
  });

  test('an email claim joins the user, normalised; one the provider did not verify, or no address, does not', async () => {
    const verify = tokenVerifier([oidcIssuer(issuer, 'api://openfpa', `${issuer}/keys`)]);
    const user = async (claims: Record<string, unknown>) =>
      verify(`Bearer ${await sign({ sub: 'oid-9', roles: ['approver'], cost_centres: 'CC1', ...claims })}`);
    expect(await user({ email: ' Ann.Lee+ops@Example.COM ' })).toEqual({
      id: 'oid-9',
      roles: ['approver'],
      costCentres: ['CC1'],
      email: 'ann.lee+ops@example.com',
    });
    expect((await user({ email: 'ann@example.com', email_verified: true })).email).toBe('ann@example.com');
    for (const claims of [{ email: 'ann@example.com', email_verified: false }, { email: 'ann' }, { email: 7 }, {}])
      expect(await user(claims)).not.toHaveProperty('email');
  });

  test('refuses expired tokens, unknown roles, missing subjects and other audiences', async () => {
    const verify = tokenVerifier([oidcIssuer(issuer, 'api://openfpa', `${issuer}/keys`)]);
    const cases = [
      await sign({ sub: 'a', roles: ['admin'] }, Math.floor(Date.now() / 1000) - 3600),
      await sign({ sub: 'a', roles: ['root'] }),
      await sign({ roles: ['admin'] }),
    ];
    for (const token of cases) await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ statusCode: 401 });
    const other = tokenVerifier([oidcIssuer(issuer, 'api://someone-else', `${issuer}/keys`)]);
    await expect(other(`Bearer ${await sign({ sub: 'a', roles: ['admin'] })}`)).rejects.toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('not valid'),
    });
  });

  test('a maximum token age: an old iat, or none, is refused whatever exp says; the scheme in any case', async () => {
    const verify = tokenVerifier([oidcIssuer(issuer, 'api://openfpa', `${issuer}/keys`)], { maxAgeSeconds: 3600 });
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'a', roles: ['viewer'] };
    expect((await verify(`bearer ${await signIssuedAt(claims, now - 60)}`)).id).toBe('a');
    expect((await verify(`BEARER ${await signIssuedAt(claims, now - 60)}`)).id).toBe('a');
    await expect(verify(`Bearer ${await signIssuedAt(claims, now - 7200)}`)).rejects.toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('older than this server accepts'),
    });
    await expect(verify(`Bearer ${await sign(claims)}`)).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('OIDC discovery: a timeout, one fetch shared by concurrent requests, failures remembered briefly', () => {
  let hanging: Server;
  let hits = 0;
  let issuer = '';
  beforeAll(async () => {
    hanging = createServer(() => (hits += 1)); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/tenant`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        hanging.closeAllConnections();
        hanging.close(() => resolve());
      }),
  );

  test('20 tokens at once against a hanging issuer: one fetch, 401 after the timeout, then none until the cache expires', async () => {
    let clock = 1_000_000;
    const verify = tokenVerifier([
      oidcIssuer(issuer, 'api://openfpa', undefined, { timeoutMs: 300, failureCacheMs: 30_000, now: () => clock }),
    ]);
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'a', roles: ['viewer'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('api://openfpa')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(privateKey);
    const answers = await Promise.allSettled(Array.from({ length: 20 }, () => verify(`Bearer ${token}`)));
    expect(
      answers.every((a) => a.status === 'rejected' && (a.reason as { statusCode: number }).statusCode === 401),
    ).toBe(true);
    expect(hits).toBe(1);
    clock += 10_000; // within the failure cache: refused without asking again
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('could not be reached'),
    });
    expect(hits).toBe(1);
    clock += 30_000; // the cache ran out: one new attempt
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ statusCode: 401 });
    expect(hits).toBe(2);
  });
});
