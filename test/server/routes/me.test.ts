import { describeIfPg, useTestServer } from '../helpers';

jest.setTimeout(120_000);

describeIfPg('GET /api/me: the identity the server verified', () => {
  const server = useTestServer({ prefix: 'me' });

  test('answers the token’s user with every role it carries and its cost centres', async () => {
    const token = await server.token('ana', ['controller', 'approver'], ['CC1', 'CC2']);
    const response = await server.as(token, { method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'ana', roles: ['approver', 'controller'], costCentres: ['CC1', 'CC2'] });
    const all = await server.as(await server.token('cfo', 'cfo', '*'), { method: 'GET', url: '/api/me' });
    expect(all.json()).toEqual({ id: 'cfo', roles: ['cfo'], costCentres: '*' });
  });

  test('without a valid token it is a 401, like every /api/ route', async () => {
    expect((await server.send({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const forged = await server.send({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmEifQ.' },
    });
    expect(forged.statusCode).toBe(401);
  });
});
