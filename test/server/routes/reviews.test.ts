import { describeIfPg, useTestServer } from '../helpers';

jest.setTimeout(120_000);

describeIfPg('POST /api/reviews: a decision carries the severity and variance it was made on', () => {
  const server = useTestServer({ prefix: 'reviews_seen' });

  const decide = async (payload: Record<string, unknown>) =>
    server.as(await server.token('ana', 'analyst', ['CC1']), {
      method: 'POST',
      url: '/api/reviews',
      payload: { costCentre: 'CC1', decision: 'dismissed', comment: 'timing', ...payload },
    });
  const read = async (flagId: string) =>
    (
      await server.as(await server.token('bo', 'analyst', ['CC1']), {
        method: 'GET',
        url: `/api/reviews?costCentre=CC1&flagId=${encodeURIComponent(flagId)}`,
      })
    ).json();

  test('stores them and a colleague reads them back; a decision without them reads null', async () => {
    const made = await decide({ flagId: 'flag:ADS@3', severity: 0.3, amount: -1250.5 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ flagId: 'flag:ADS@3', severity: 0.3, amount: -1250.5 });
    expect(await read('flag:ADS@3')).toEqual([expect.objectContaining({ severity: 0.3, amount: -1250.5 })]);

    expect((await decide({ flagId: 'flag:TRV@1' })).json()).toMatchObject({ severity: null, amount: null });
    expect(await read('flag:TRV@1')).toEqual([expect.objectContaining({ severity: null, amount: null })]);
  });

  test.each([
    ['a severity above 1', { severity: 1.2, amount: 10 }],
    ['a negative severity', { severity: -0.1 }],
    ['a severity that is text', { severity: '0.3' }],
    ['a severity of null', { severity: null }],
    ['an amount beyond any budget', { severity: 0.5, amount: 1e300 }],
    ['an amount that is text', { amount: 'lots' }],
  ])('refuses %s with a 400, nothing stored', async (_, seen) => {
    const response = await decide({ flagId: 'flag:BAD@2', ...seen });
    expect(response.statusCode).toBe(400);
    expect(await read('flag:BAD@2')).toEqual([]);
  });
});
