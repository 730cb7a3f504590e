import { claimedUser, signedInUser } from '../../src/connector/identity';

/** An unsigned JWT with `claims` (the connector never verifies; the server does). */
const jwt = (claims: object) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('signedInUser', () => {
  test('reads the identity /api/me answers: id, known roles in the model order, cost centres', () => {
    expect(signedInUser({ id: 'ana', roles: ['controller', 'approver', 'root'], costCentres: ['CC1', 'CC2'] })).toEqual(
      {
        id: 'ana',
        roles: ['approver', 'controller'],
        costCentres: ['CC1', 'CC2'],
      },
    );
    expect(signedInUser({ id: 'cfo', roles: ['cfo'], costCentres: '*' })).toEqual({
      id: 'cfo',
      roles: ['cfo'],
      costCentres: '*',
    });
  });
  test('anything else is no identity: an older server, a proxy page, no known role, bad cost centres', () => {
    for (const body of [
      undefined,
      null,
      [],
      'ok',
      {},
      { id: '', roles: ['admin'], costCentres: [] },
      { id: 'ana', roles: 'admin', costCentres: [] },
      { id: 'ana', roles: ['root'], costCentres: [] },
      { id: 'ana', roles: ['admin'], costCentres: 'CC1' },
      { id: 'ana', roles: ['admin'], costCentres: [1] },
    ])
      expect(signedInUser(body)).toBeNull();
  });
});

describe('claimedUser', () => {
  test('is the subject, else preferred_username, as the server maps it', () => {
    expect(claimedUser(jwt({ sub: 'alice', preferred_username: 'al' }))).toBe('alice');
    expect(claimedUser(jwt({ preferred_username: 'al' }))).toBe('al');
    expect(claimedUser('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmEifQ.')).toBe('ana');
  });
  test('reads UTF-8 names and unpadded base64url of every length', () => {
    for (const name of ['é', 'Zoë Ångström', 'a', 'ab', 'abc', 'ünïcødé-user-名前'])
      expect(claimedUser(jwt({ sub: name }))).toBe(name);
  });
  test('is null for a token that is not a JWT or names no user', () => {
    for (const token of ['', 'opaque-token', 'a.b', 'a.!!!.c', 'a.bm90IGpzb24.c', jwt({ sub: '' }), jwt({ sub: 7 })])
      expect(claimedUser(token)).toBeNull();
    expect(claimedUser(`${jwt({ sub: 'x' })}.extra`)).toBeNull();
    expect(claimedUser(`a.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c`)).toBeNull();
  });
});
