import { adjustmentBody, outcomeBody } from '../fixtures';
import { describeIfPg, snapshot, useTestServer } from '../helpers';

jest.setTimeout(120_000);

describeIfPg('the memory of adjustments on the team server', () => {
  const server = useTestServer({ prefix: 'adjustments' });
  let analyst: string;
  beforeAll(async () => {
    analyst = await server.token('ana', 'analyst', ['MKT']);
  });

  const outcomeUrl = (id: string, cc = 'MKT') => `/api/adjustments/${encodeURIComponent(id)}/outcome?costCentre=${cc}`;

  test('a move is remembered with its context, listed per cost centre, and measured once', async () => {
    const body = adjustmentBody('MKT', 'a');
    const created = await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      ...body,
      outcome: null,
      recordedBy: 'ana',
      recordedAt: expect.any(String),
      measuredBy: null,
    });
    // Another cost centre's memory does not show it.
    const ops = await server.token('oscar', 'analyst', ['OPS']);
    await server.as(ops, { method: 'POST', url: '/api/adjustments', payload: adjustmentBody('OPS', 'a') });
    const listed = await server.as(analyst, { method: 'GET', url: '/api/adjustments?costCentre=MKT' });
    expect(listed.json().map((r: { id: string }) => r.id)).toEqual([body.id]);
    expect(listed.json()[0].context.kpiAttainment).toBeNull();

    const bob = await server.token('bob', 'budget_owner', ['MKT']);
    const measured = await server.as(bob, { method: 'PUT', url: outcomeUrl(body.id), payload: outcomeBody });
    expect(measured.statusCode).toBe(200);
    expect(measured.json()).toMatchObject({ outcome: outcomeBody, measuredBy: 'bob', recordedBy: 'ana' });
    // The same outcome again (a second pane measuring the same months) is accepted as it is.
    const again = await server.as(analyst, { method: 'PUT', url: outcomeUrl(body.id), payload: { ...outcomeBody } });
    expect(again.statusCode).toBe(200);
    expect(again.json().measuredBy).toBe('bob');
    // A different one is refused: the first measurement stands, and the 409 carries it.
    const other = await server.as(analyst, {
      method: 'PUT',
      url: outcomeUrl(body.id),
      payload: { ...outcomeBody, gapClosed: 0.1 },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({
      code: 'SERVER_OUTCOME_MEASURED',
      details: { current: { outcome: outcomeBody } },
    });
    const trail = await server.db.query<{ action: string; actor: string; cost_centre: string }>(
      "SELECT action, actor, cost_centre FROM audit_log WHERE entity = 'adjustment' AND entity_id = $1 AND cost_centre = 'MKT' ORDER BY id",
      [body.id],
    );
    expect(trail.rows).toEqual([
      { action: 'adjustment.record', actor: 'ana', cost_centre: 'MKT' },
      { action: 'adjustment.measure', actor: 'bob', cost_centre: 'MKT' },
    ]);
  });

  test('attacks: a viewer, another cost centre and bad payloads write nothing', async () => {
    const body = adjustmentBody('MKT', 'b');
    await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    const before = await snapshot(server.db);
    const viewer = await server.token('vic', 'viewer', ['MKT']);
    const viewerWrite = await server.as(viewer, {
      method: 'POST',
      url: '/api/adjustments',
      payload: adjustmentBody('MKT', 'v'),
    });
    expect(viewerWrite.statusCode).toBe(403);
    expect(
      (await server.as(viewer, { method: 'PUT', url: outcomeUrl(body.id), payload: outcomeBody })).statusCode,
    ).toBe(403);
    const ops = await server.token('oscar', 'budget_owner', ['OPS']);
    expect((await server.as(ops, { method: 'PUT', url: outcomeUrl(body.id), payload: outcomeBody })).statusCode).toBe(
      403,
    );
    // Naming its own cost centre, the other owner does not find (or learn of) MKT's record.
    expect(
      (await server.as(ops, { method: 'PUT', url: outcomeUrl(body.id, 'OPS'), payload: outcomeBody })).statusCode,
    ).toBe(404);
    const cases: [string, object, RegExp][] = [
      ['an unknown reason', { ...body, id: 'adj:x@1:0', context: { ...body.context, kinds: ['magic'] } }, /kinds/],
      ['a bad direction', { ...body, id: 'adj:x@1:1', context: { ...body.context, direction: 'up' } }, /direction/],
      ['an id with spaces', { ...body, id: 'adj x' }, /id/],
      ['no expected', { ...body, id: 'adj:x@1:2', expected: undefined }, /expected/],
      ['a text amount', { ...body, id: 'adj:x@1:3', after: 'more' }, /after/],
      [
        'a KPI forecast without a KPI',
        { ...body, id: 'adj:x@1:4', expected: { ...body.expected, kpiWithout: 5 } },
        /kpiWithout must be null/,
      ],
    ];
    for (const [what, payload, message] of cases) {
      const response = await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload });
      expect([what, response.statusCode]).toEqual([what, 400]);
      expect([what, response.json().error.message]).toEqual([what, expect.stringMatching(message)]);
    }
    const badOutcome = await server.as(analyst, {
      method: 'PUT',
      url: outcomeUrl(body.id),
      payload: { ...outcomeBody, gapClosed: 'most' },
    });
    expect(badOutcome.statusCode).toBe(400);
    expect(await snapshot(server.db)).toEqual(before);
    const twice = await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    expect(twice.statusCode).toBe(409);
  });
});
