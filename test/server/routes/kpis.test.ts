import { MAX_KPI_PERIODS } from '../../../src/model/limits';
import { adjustmentBody, kpiBody, outcomeBody } from '../fixtures';
import { describeIfPg, snapshot, useTestServer } from '../helpers';

jest.setTimeout(120_000);

const definitionOf = (body: ReturnType<typeof kpiBody>) => {
  const { ownerCostCentre: _owner, ...definition } = body;
  return definition;
};

describeIfPg('KPI definitions on the team server', () => {
  const server = useTestServer({ prefix: 'kpis' });
  let owner: string;
  beforeAll(async () => {
    owner = await server.token('olu', 'budget_owner', ['MKT']);
  });

  const put = (token: string, id: string, version: number | undefined, payload: object, suffix = '') =>
    server.as(token, {
      method: 'PUT',
      url: `/api/kpis/${id}${suffix}`,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });

  test('the owner defines a KPI; its series keep their gaps; the cost centre lists it; the audit records it', async () => {
    const created = await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'a') });
    expect(created.statusCode).toBe(201);
    const kpi = created.json();
    expect(kpi).toMatchObject({
      ownerCostCentre: 'MKT',
      name: 'Leads a',
      direction: 'higher',
      target: [100, 110, 120],
      // A period without an actual stays null (never 0).
      actual: [97, null, null],
      links: [{ line: 'ADS-a', lag: 1 }],
      version: 1,
      createdBy: 'olu',
      updatedBy: 'olu',
    });
    expect(created.headers.etag).toBe('"1"');
    const viewer = await server.token('vic', 'viewer', ['MKT']);
    const listed = await server.as(viewer, { method: 'GET', url: '/api/kpis?costCentre=MKT' });
    expect(listed.json().map((k: { id: string }) => k.id)).toEqual([kpi.id]);
    const audit = await server.db.query<{ cost_centre: string; action: string }>(
      'SELECT cost_centre, action FROM audit_log WHERE entity = $1 AND entity_id = $2',
      ['kpi', kpi.id],
    );
    expect(audit.rows).toEqual([{ cost_centre: 'MKT', action: 'kpi.create' }]);
  });

  test('the owner and finance change it under If-Match; a stale version is a 409 carrying the current KPI', async () => {
    const kpi = (await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'b') })).json();
    const definition = definitionOf(kpiBody('MKT', 'b'));
    const changed = await put(owner, kpi.id, 1, { ...definition, priority: 2, target: [100, 115, 130] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ priority: 2, target: [100, 115, 130], version: 2 });

    // Finance (a controller of every cost centre) feeds the actual series.
    const controller = await server.token('cora', 'controller', '*');
    const actual = await put(controller, kpi.id, 2, { actual: [97, 104, null] }, '/actual');
    expect(actual.statusCode).toBe(200);
    expect(actual.json()).toMatchObject({ actual: [97, 104, null], priority: 2, version: 3, updatedBy: 'cora' });

    const stale = await put(owner, kpi.id, 2, { ...definition, priority: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'SERVER_STALE_VERSION', details: { current: { version: 3 } } });
    expect((await put(owner, kpi.id, undefined, { ...definition, priority: 5 })).statusCode).toBe(428);
    const trail = await server.db.query<{ action: string; actor: string }>(
      'SELECT action, actor FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [kpi.id],
    );
    expect(trail.rows).toEqual([
      { action: 'kpi.create', actor: 'olu' },
      { action: 'kpi.update', actor: 'olu' },
      { action: 'kpi.actual', actor: 'cora' },
    ]);
  });

  test('attacks: another cost centre’s owner, a viewer and an approver change nothing', async () => {
    const kpi = (await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'c') })).json();
    const definition = definitionOf(kpiBody('MKT', 'c'));
    const before = await snapshot(server.db);
    const otherOwner = await server.token('oscar', 'budget_owner', ['OPS']);
    // Another cost centre's KPI answers as an unknown id: its owner learns not even that it exists.
    const refused = await put(otherOwner, kpi.id, 1, { ...definition, priority: 9 });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({ code: 'SERVER_NOT_FOUND', message: `kpi ${kpi.id} does not exist.` });
    expect((await put(otherOwner, kpi.id, 1, { actual: [0, 0, 0] }, '/actual')).statusCode).toBe(404);
    // Creating a KPI for someone else's cost centre is refused as well.
    const planted = await server.as(otherOwner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'x') });
    expect(planted.statusCode).toBe(403);
    const viewer = await server.token('vic', 'viewer', ['MKT']);
    const viewerWrite = await server.as(viewer, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'v') });
    expect(viewerWrite.json().error.code).toBe('SERVER_FORBIDDEN_ROLE');
    expect(viewerWrite.statusCode).toBe(403);
    const approver = await server.token('abe', 'approver', '*');
    expect((await put(approver, kpi.id, 1, { ...definition, priority: 9 })).statusCode).toBe(403);
    expect(await snapshot(server.db)).toEqual(before);
    expect((await server.as(owner, { method: 'GET', url: `/api/kpis/${kpi.id}` })).json()).toMatchObject({
      priority: 1,
      version: 1,
    });
  });

  test('bad payloads are 400 with a message, and write nothing', async () => {
    const good = kpiBody('MKT', 'd');
    const cases: [string, object, RegExp][] = [
      ['no name', { ...good, name: undefined }, /name/],
      ['priority 0', { ...good, priority: 0 }, /priority/],
      ['a text actual', { ...good, actual: [97, 'lots', null] }, /actual/],
      ['an unknown direction', { ...good, direction: 'up' }, /direction/],
      ['a bad cost centre', { ...good, ownerCostCentre: 'MKT; DROP TABLE kpis' }, /ownerCostCentre/],
      ['too many periods', { ...good, target: new Array(MAX_KPI_PERIODS + 1).fill(1) }, /target/],
      ['an unknown field', { ...good, owner: 'me' }, /additional/],
      ['a line linked twice', { ...good, links: [{ line: 'ADS-d' }, { line: 'ADS-d', lag: 2 }] }, /linked .* twice/],
      [
        'a negative saturation',
        { ...good, links: [{ line: 'L', response: { perUnit: 1, saturation: -5 } }] },
        /saturation/,
      ],
    ];
    const before = await snapshot(server.db);
    for (const [what, payload, message] of cases) {
      const response = await server.as(owner, { method: 'POST', url: '/api/kpis', payload });
      expect([what, response.statusCode]).toEqual([what, 400]);
      expect([what, response.json().error.message]).toEqual([what, expect.stringMatching(message)]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    // The owner cannot be changed by a PUT: a KPI does not move between cost centres.
    const kpi = (await server.as(owner, { method: 'POST', url: '/api/kpis', payload: good })).json();
    const moved = await put(owner, kpi.id, 1, { ...definitionOf(good), ownerCostCentre: 'OPS' });
    expect(moved.statusCode).toBe(400);
    const twice = await server.as(owner, { method: 'POST', url: '/api/kpis', payload: good });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('KPI "Leads d" of MKT already exists.');
  });

  const remove = (token: string, id: string, version: number | undefined) =>
    server.as(token, {
      method: 'DELETE',
      url: `/api/kpis/${id}`,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const names = async (query: string) =>
    (await server.as(owner, { method: 'GET', url: `/api/kpis?costCentre=MKT${query}` }))
      .json()
      .map((k: { name: string; archivedAt: string | null }) => `${k.name}${k.archivedAt ? ' (archived)' : ''}`);

  test('deleting archives: gone from the list, kept with its links and series, no more changes, the name free, moves citing it untouched', async () => {
    const kpi = (await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'e') })).json();
    const definition = definitionOf(kpiBody('MKT', 'e'));
    expect(kpi).toMatchObject({ archivedAt: null, archivedBy: null });
    expect((await put(owner, kpi.id, 1, { ...definition, priority: 2 })).statusCode).toBe(200);
    // A remembered, measured move cites the KPI (by its name, as the pane keeps it).
    const analyst = await server.token('ana', 'analyst', ['MKT']);
    const cited = { ...adjustmentBody('MKT', 'e'), kpi: 'Leads e', outcome: outcomeBody };
    expect((await server.as(analyst, { method: 'POST', url: '/api/adjustments', payload: cited })).statusCode).toBe(
      201,
    );
    const moves = async () =>
      (await server.as(analyst, { method: 'GET', url: '/api/adjustments?costCentre=MKT&line=ADS-e' })).json();
    const movesBefore = await moves();

    // No If-Match is a 428, a stale one a 409: the KPI stays as it was.
    expect((await remove(owner, kpi.id, undefined)).statusCode).toBe(428);
    const stale = await remove(owner, kpi.id, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'SERVER_STALE_VERSION', details: { current: { version: 2 } } });
    expect(await names('')).toContain('Leads e');

    const deleted = await remove(owner, kpi.id, 2);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.headers.etag).toBe('"3"');
    expect(deleted.json()).toMatchObject({
      ...definition,
      priority: 2,
      links: [{ line: 'ADS-e', lag: 1 }],
      version: 3,
      archivedAt: expect.any(String),
      archivedBy: 'olu',
    });
    expect(await names('')).not.toContain('Leads e');
    expect(await names('&archived=true')).toContain('Leads e (archived)');
    const read = await server.as(owner, { method: 'GET', url: `/api/kpis/${kpi.id}` });
    expect(read.json()).toMatchObject({ target: [100, 110, 120], actual: [97, null, null], archivedBy: 'olu' });

    // It takes no more changes.
    for (const response of [
      await put(owner, kpi.id, 3, definition),
      await put(owner, kpi.id, 3, { actual: [1, 2, 3] }, '/actual'),
      await remove(owner, kpi.id, 3),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'SERVER_ARCHIVED', details: { current: { version: 3 } } });
    }
    // Its name is free for a new KPI; the archived one is still there beside it (oldest first).
    const again = await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'e') });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(kpi.id);
    expect((await names('&archived=true')).filter((n: string) => n.startsWith('Leads e'))).toEqual([
      'Leads e (archived)',
      'Leads e',
    ]);
    // The move that cites it keeps its record and outcome.
    expect(await moves()).toEqual(movesBefore);
    const trail = await server.db.query<{
      action: string;
      before: { archivedAt: unknown };
      after: { archivedAt: unknown };
    }>('SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id', [kpi.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['kpi.create', 'kpi.update', 'kpi.delete']);
    expect(trail.rows[2].before.archivedAt).toBeNull();
    expect(trail.rows[2].after.archivedAt).toEqual(expect.any(String));
  });

  test('attacks on delete: another cost centre’s owner, a viewer, an approver and an unknown id delete nothing; finance may', async () => {
    const kpi = (await server.as(owner, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'f') })).json();
    const before = await snapshot(server.db);
    const otherOwner = await server.token('oscar', 'budget_owner', ['OPS']);
    const viewer = await server.token('vic', 'viewer', ['MKT']);
    const approver = await server.token('abe', 'approver', '*');
    const refusals = [
      [await remove(otherOwner, kpi.id, 1), 404, 'SERVER_NOT_FOUND'],
      [await remove(viewer, kpi.id, 1), 403, 'SERVER_FORBIDDEN_ROLE'],
      [await remove(approver, kpi.id, 1), 403, 'SERVER_FORBIDDEN_ROLE'],
      [await remove(owner, '6f1c2b7e-3f59-4a54-9a11-0d1f8c1e2a3b', 1), 404, 'SERVER_NOT_FOUND'],
      [await remove(owner, 'not-a-uuid', 1), 400, 'SERVER_INVALID_REQUEST'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    }
    expect(await snapshot(server.db)).toEqual(before);
    expect((await server.as(owner, { method: 'GET', url: `/api/kpis/${kpi.id}` })).json()).toMatchObject({
      archivedAt: null,
      version: 1,
    });
    const controller = await server.token('cora', 'controller', ['MKT']);
    const deleted = await remove(controller, kpi.id, 1);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().archivedBy).toBe('cora');
  });
});
