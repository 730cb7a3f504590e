import { adjustmentBody, createProposal, kpiBody, outcomeBody } from './fixtures';
import { postVersion, snapshot, startTestServer, type TestServer, ENGINES } from './helpers';
import { newVersion } from '../model/sample-version';

jest.setTimeout(180_000);

/**
 * Attack probes on the routes added since the last pass: KPI definitions and the memory of
 * adjustments (record, measure once, forget a reverted move), and the display names every route
 * stores. Found: the forget rule ("a move of a team proposal is forgotten only once the proposal is
 * reverted") was bypassed by spelling the proposal's id in capitals or without hyphens, and a move
 * citing another cost centre's proposal told its state; names could hide zero-width characters and
 * bidirectional overrides (two KPIs that look the same, a version whose name shows reversed).
 */
describe.each(ENGINES)('KPI and adjustment probes (%s)', (engine) => {
  let server: TestServer;
  let t: { root: string; ana: string; oscar: string; olga: string };
  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'prbloop' });
    t = {
      root: await server.token('root', 'admin', '*'),
      ana: await server.token('ana', 'analyst', ['MKT']),
      oscar: await server.token('oscar', 'analyst', ['OPS']),
      olga: await server.token('olga', 'budget_owner', ['MKT']),
    };
  });
  afterAll(() => server.close());

  const record = (token: string, body: object) =>
    server.as(token, { method: 'POST', url: '/api/adjustments', payload: body });
  const forget = (token: string, id: string, cc: string) =>
    server.as(token, {
      method: 'POST',
      url: `/api/adjustments/${encodeURIComponent(id)}/forget?costCentre=${cc}`,
      payload: {},
    });

  test('the forget rule holds however the proposal id is spelled: capitals, no hyphens', async () => {
    const p = await createProposal({ server, admin: t.root, cc: 'MKT', unique: 'sp' }, ['submit', 'approve', 'apply']);
    const spellings = [p.id.toUpperCase(), p.id.replaceAll('-', ''), p.id.replaceAll('-', '').toUpperCase()];
    for (const [i, spelled] of spellings.entries()) {
      const body = { ...adjustmentBody('MKT', `sp${i}`), proposal: spelled };
      const made = await record(t.ana, body);
      expect(made.statusCode).toBe(201);
      expect(made.json().proposal).toBe(p.id);
      const early = await forget(t.ana, body.id, 'MKT');
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toMatchObject({ code: 'SERVER_NOT_REVERTED', details: { state: 'applied' } });
    }
    // A local proposal's id (not a UUID) is kept as it is, and its move forgotten as before.
    const local = adjustmentBody('MKT', 'local');
    expect((await record(t.ana, local)).json().proposal).toBe(local.proposal);
    expect((await forget(t.ana, local.id, 'MKT')).statusCode).toBe(200);
  });

  test('a move citing another cost centre’s proposal does not tell that proposal’s state', async () => {
    const p = await createProposal({ server, admin: t.root, cc: 'MKT', unique: 'ox' }, ['submit', 'approve', 'apply']);
    const body = { ...adjustmentBody('OPS', 'ox'), proposal: p.id };
    expect((await record(t.oscar, body)).statusCode).toBe(201);
    const forgotten = await forget(t.oscar, body.id, 'OPS');
    expect(forgotten.statusCode).toBe(200);
    expect(forgotten.body).not.toContain('applied');
    expect(forgotten.json()).toMatchObject({ forgottenBy: 'oscar' });
  });

  test('names that hide characters are refused: zero-width, bidirectional overrides and isolates, BOM', async () => {
    const before = await snapshot(server.db);
    const hidden = ['Leads\u200b', 'Lea\u2060ds', '\ufeffLeads', '\u202eLeads', 'Le\u2066ads\u2069', 'Leads\u007f'];
    for (const name of hidden) {
      const kpi = await server.as(t.ana, {
        method: 'POST',
        url: '/api/kpis',
        payload: { ...kpiBody('MKT', 'h'), name },
      });
      expect(kpi.statusCode).toBe(400);
      const unit = await server.as(t.ana, {
        method: 'POST',
        url: '/api/kpis',
        payload: { ...kpiBody('MKT', 'h'), unit: name },
      });
      expect(unit.statusCode).toBe(400);
      const version = await postVersion(server, t.ana, newVersion(name, [], { costCentre: 'MKT', kind: 'forecast' }));
      expect(version.statusCode).toBe(400);
      const model = await server.as(t.ana, {
        method: 'POST',
        url: '/api/models',
        payload: {
          costCentre: 'MKT',
          name,
          expression: 'a',
          drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }],
        },
      });
      expect(model.statusCode).toBe(400);
    }
    expect(await snapshot(server.db)).toEqual(before);
    // What scripts need is kept: the zero-width non-joiner (Persian), right-to-left text, accents.
    for (const name of ['می\u200cخواهم', 'לידים', 'Résultats']) {
      const kpi = await server.as(t.ana, {
        method: 'POST',
        url: '/api/kpis',
        payload: { ...kpiBody('MKT', 'k'), name },
      });
      expect(kpi.statusCode).toBe(201);
      expect(kpi.json().name).toBe(name);
    }
  });

  test('races that held: eight outcomes at once store one; six KPIs of one name make one', async () => {
    const body = adjustmentBody('MKT', 'race');
    await record(t.ana, body);
    const url = `/api/adjustments/${encodeURIComponent(body.id)}/outcome?costCentre=MKT`;
    const measured = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.as(i % 2 ? t.ana : t.olga, { method: 'PUT', url, payload: { ...outcomeBody, gapClosed: i / 10 } }),
      ),
    );
    expect(measured.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = measured.find((r) => r.statusCode === 200)!.json();
    for (const r of measured.filter((x) => x.statusCode === 409))
      expect(r.json().error.details.current.outcome).toEqual(winner.outcome);
    const kpis = await Promise.all(
      Array.from({ length: 6 }, () =>
        server.as(t.ana, { method: 'POST', url: '/api/kpis', payload: kpiBody('MKT', 'one') }),
      ),
    );
    expect(kpis.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});
