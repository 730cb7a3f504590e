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
});
