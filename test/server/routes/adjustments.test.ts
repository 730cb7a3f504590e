import { adjustmentBody, createProposal, outcomeBody } from '../fixtures';
import { describeIfPg, moveProposal, snapshot, useTestServer } from '../helpers';

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
      forgottenAt: null,
      forgottenBy: null,
      forgottenReason: null,
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

  const forgetUrl = (id: string, cc = 'MKT') => `/api/adjustments/${encodeURIComponent(id)}/forget?costCentre=${cc}`;
  const listed = async (query = '') =>
    (await server.as(analyst, { method: 'GET', url: `/api/adjustments?costCentre=MKT${query}` }))
      .json()
      .map((r: { id: string; forgottenAt: string | null }) => `${r.id}${r.forgottenAt ? ' (forgotten)' : ''}`);

  test('a reverted move is forgotten: a tombstone leaves the memory, takes no outcome, and the audit keeps it', async () => {
    const body = adjustmentBody('MKT', 'c');
    await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    expect(await listed()).toContain(body.id);
    // Finance (a controller of MKT) forgets it, saying why.
    const cora = await server.token('cora', 'controller', ['MKT']);
    const forgotten = await server.as(cora, {
      method: 'POST',
      url: forgetUrl(body.id),
      payload: { reason: 'P-20260606-c reverted' },
    });
    expect(forgotten.statusCode).toBe(200);
    expect(forgotten.json()).toMatchObject({
      ...body,
      recordedBy: 'ana',
      forgottenAt: expect.any(String),
      forgottenBy: 'cora',
      forgottenReason: 'P-20260606-c reverted',
    });
    expect(await listed()).not.toContain(body.id);
    expect(await listed('&forgotten=true')).toContain(`${body.id} (forgotten)`);
    // It takes no outcome, and cannot be recorded again under its id.
    const measured = await server.as(analyst, { method: 'PUT', url: outcomeUrl(body.id), payload: outcomeBody });
    expect(measured.statusCode).toBe(409);
    expect(measured.json().error).toMatchObject({
      code: 'SERVER_FORGOTTEN',
      details: { current: { forgottenBy: 'cora' } },
    });
    expect((await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body })).statusCode).toBe(409);
    // Forgetting again (another pane's queued forget) answers the tombstone and writes nothing.
    const before = await snapshot(server.db);
    const again = await server.as(analyst, { method: 'POST', url: forgetUrl(body.id), payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ forgottenBy: 'cora', forgottenReason: 'P-20260606-c reverted' });
    expect(await snapshot(server.db)).toEqual(before);

    const trail = await server.db.query<{ action: string; actor: string; before: { forgottenAt: unknown } | null }>(
      "SELECT action, actor, before FROM audit_log WHERE entity = 'adjustment' AND entity_id = $1 ORDER BY id",
      [body.id],
    );
    expect(trail.rows.map((r) => [r.action, r.actor])).toEqual([
      ['adjustment.record', 'ana'],
      ['adjustment.forget', 'cora'],
    ]);
    // The forget's record holds the move as it was; the chain of the log is whole.
    expect(trail.rows[1].before).toMatchObject({
      id: body.id,
      before: body.before,
      after: body.after,
      forgottenAt: null,
    });
    const admin = await server.token('root', 'admin', '*');
    expect((await server.as(admin, { method: 'GET', url: '/api/audit/verify' })).json()).toMatchObject({ ok: true });
  });

  test('a move of a team proposal is forgotten only once the proposal is reverted (its reversal applied)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const proposal = await createProposal({ server, admin, cc: 'MKT', unique: 'rv' }, ['submit', 'approve', 'apply']);
    const body = { ...adjustmentBody('MKT', 'd'), proposal: proposal.id };
    await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    const early = await server.as(analyst, { method: 'POST', url: forgetUrl(body.id), payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'SERVER_NOT_REVERTED', details: { state: 'applied' } });
    expect(await listed()).toContain(body.id);
    // Asked for, the reversal is not enough: the proposal is reverted once another person approved it and it is applied.
    const asked = await moveProposal(server, admin, proposal, 'revert', { comment: 'wrong month' });
    expect(asked.statusCode).toBe(201);
    const pending = await server.as(analyst, { method: 'POST', url: forgetUrl(body.id), payload: {} });
    expect(pending.json().error).toMatchObject({ code: 'SERVER_NOT_REVERTED', details: { state: 'applied' } });
    const approver = await server.token('abe', 'approver', '*');
    const approved = await moveProposal(server, approver, asked.json().reversal, 'approve');
    expect((await moveProposal(server, admin, approved.json(), 'apply')).statusCode).toBe(200);
    const forgotten = await server.as(analyst, { method: 'POST', url: forgetUrl(body.id), payload: {} });
    expect(forgotten.statusCode).toBe(200);
    expect(forgotten.json()).toMatchObject({ forgottenBy: 'ana', forgottenReason: null });
  });

  test('attacks on forget: a viewer, an approver, another cost centre, an unknown move and bad bodies forget nothing', async () => {
    const body = adjustmentBody('MKT', 'e');
    await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: body });
    const before = await snapshot(server.db);
    const viewer = await server.token('vic', 'viewer', ['MKT']);
    const approver = await server.token('abe', 'approver', '*');
    const ops = await server.token('oscar', 'budget_owner', ['OPS']);
    const forget = (token: string, url: string, payload: object = {}) =>
      server.as(token, { method: 'POST', url, payload });
    const refusals = [
      [await forget(viewer, forgetUrl(body.id)), 403, 'SERVER_FORBIDDEN_ROLE'],
      [await forget(approver, forgetUrl(body.id)), 403, 'SERVER_FORBIDDEN_ROLE'],
      [await forget(ops, forgetUrl(body.id)), 403, 'SERVER_FORBIDDEN_COST_CENTRE'],
      // Naming its own cost centre, the other owner does not find (or learn of) MKT's move.
      [await forget(ops, forgetUrl(body.id, 'OPS')), 404, 'SERVER_NOT_FOUND'],
      [await forget(analyst, forgetUrl('adj:nothing@1:0')), 404, 'SERVER_NOT_FOUND'],
      [await forget(analyst, forgetUrl('adj x')), 400, 'SERVER_INVALID_REQUEST'],
      [await forget(analyst, forgetUrl(body.id), { reason: 'a\u0000b' }), 400, 'SERVER_INVALID_REQUEST'],
      [await forget(analyst, forgetUrl(body.id), { reason: 'x', by: 'me' }), 400, 'SERVER_INVALID_REQUEST'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect(await listed()).toContain(body.id);
  });
});
