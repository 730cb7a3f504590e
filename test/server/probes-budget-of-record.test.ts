import {
  moveProposal,
  postVersion,
  reviseBudget,
  revertThroughChain,
  snapshot,
  startTestServer,
  type TestServer,
  ENGINES,
  type Json,
} from './helpers';
import { newVersion } from '../model/sample-version';

jest.setTimeout(180_000);

/**
 * Attack probes on the budget of record: one person must not change a cost centre's budget without a
 * second person's approval. `POST /api/versions` made any budget version an editor asked for, which
 * later proposals and applies built on; now a budget version is made directly only as the baseline
 * (the first of its cost centre and year), later ones only by applying a proposal (a reversal too)
 * that went through the approval chain. A hostile editor tries a second budget directly, under every
 * If-Match, spelled differently, racing the baseline, through the database, and through the routes
 * that write other numbers (actuals); an analyst tries to claim a cost centre's first budget before
 * its budget owner loads it.
 */
describe.each(ENGINES)('budget of record probes (%s)', (engine) => {
  let server: TestServer;
  let t: { root: string; alice: string; bob: string; ann: string; eve: string };
  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'prbbudget' });
    t = {
      root: await server.token('root', 'admin', '*'),
      alice: await server.token('alice', 'budget_owner', ['CC1', 'CC2', 'CC3', 'CC4', 'CC5']),
      bob: await server.token('bob', 'analyst', ['CC1', 'CC2', 'CC3', 'CC4', 'CC5']),
      ann: await server.token('ann', 'approver', '*'),
      eve: await server.token('eve', ['admin', 'budget_owner', 'analyst', 'approver', 'controller', 'cfo'], '*'),
    };
  });
  afterAll(() => server.close());

  const budgets = async (costCentre: string, fiscalYear = 2026) =>
    (
      await server.db.query<{ number: number; name: string; proposal_id: string | null; created_by: string }>(
        `SELECT number, name, proposal_id, created_by FROM budget_versions
         WHERE cost_centre = $1 AND fiscal_year = $2 AND kind = 'budget' ORDER BY number`,
        [costCentre, fiscalYear],
      )
    ).rows;
  const lines = (amount: number) => [
    { account: '6100', period: '2026-01', amount },
    { account: '6200', period: '2026-01', amount: 2 * amount },
  ];
  const direct = (token: string, costCentre: string, name: string, amount: number, headers: Json = {}) =>
    server.as(token, {
      method: 'POST',
      url: '/api/versions',
      payload: newVersion(name, lines(amount), { costCentre }),
      headers,
    });
  const expectNeedsProposal = (response: Awaited<ReturnType<typeof direct>>, current: Json) => {
    expect(response.statusCode).toBe(403);
    const { error } = response.json();
    expect(error.code).toBe('SERVER_BUDGET_NEEDS_PROPOSAL');
    expect(error.message).toMatch(/changes only through a proposal that another person approves\. Submit a proposal/);
    expect(error.details.current).toMatchObject(current);
  };

  test('the baseline is made directly; a second budget is refused (403, what to do instead) for every role, forecasts and scenarios stay direct', async () => {
    const base = await direct(t.alice, 'CC1', 'Budget 2026', 1000);
    expect(base.statusCode).toBe(201);
    expect(base.json()).toMatchObject({ kind: 'budget', number: 1, parentId: null, createdBy: 'alice' });
    const before = await snapshot(server.db);
    for (const token of [t.alice, t.bob, t.root, t.eve]) {
      expectNeedsProposal(await direct(token, 'CC1', 'Budget 2026 b', 5000), {
        name: 'Budget 2026',
        number: 1,
        version: 1,
        createdBy: 'alice',
      });
    }
    expect(await snapshot(server.db)).toEqual(before);
    // Another year's (or cost centre's) budget is its own baseline; forecasts and scenarios come any time.
    expect((await postVersion(server, t.alice, newVersion('Budget 2027', [], { fiscalYear: 2027 }))).statusCode).toBe(
      201,
    );
    for (const [name, kind] of [
      ['Forecast A', 'forecast'],
      ['Forecast B', 'forecast'],
      ['Downside', 'scenario'],
    ] as const) {
      const made = await postVersion(server, t.bob, newVersion(name, lines(7), { kind }));
      expect(made.statusCode).toBe(201);
    }
    expect(await budgets('CC1')).toEqual([{ number: 1, name: 'Budget 2026', proposal_id: null, created_by: 'alice' }]);
  });

  test('no If-Match talks the server into a second budget: the rule is checked before the version', async () => {
    for (const ifMatch of ['"0"', '"1"', '"2"', '"99"', '1', 'W/"1"']) {
      const r = await direct(t.alice, 'CC1', `If-Match ${ifMatch}`, 9000, { 'if-match': ifMatch });
      if (r.statusCode === 400) continue; // a malformed If-Match is refused as such (400), nothing written
      expectNeedsProposal(r, { name: 'Budget 2026', number: 1 });
    }
    // Replaying the baseline's request with its idempotency key answers the baseline, makes nothing.
    const key = { 'idempotency-key': 'baseline-cc3-0001' };
    const first = await direct(t.alice, 'CC3', 'Budget CC3', 10, key);
    expect(first.statusCode).toBe(201);
    const replay = await direct(t.alice, 'CC3', 'Budget CC3', 10, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    // The same key with other amounts is not a way round the rule either.
    expect((await direct(t.alice, 'CC3', 'Budget CC3', 99, key)).statusCode).toBe(422);
    expect((await budgets('CC3')).map((v) => v.name)).toEqual(['Budget CC3']);
    expect((await budgets('CC1')).map((v) => v.number)).toEqual([1]);
  });

  test('kind spoofing: other spellings of "budget" are refused or land on the rule, never a second budget', async () => {
    const spoofs: unknown[] = [
      'Budget',
      'BUDGET',
      'budget ',
      ' budget',
      'budget\u0000',
      'bu\u200bdget',
      'budgеt', // a Cyrillic е
      ['budget'],
      ['budget', 'forecast'],
      { kind: 'budget' },
      null,
      1,
    ];
    for (const kind of spoofs) {
      const r = await server.as(t.alice, {
        method: 'POST',
        url: '/api/versions',
        payload: { costCentre: 'CC1', fiscalYear: 2026, kind, name: `Spoof ${JSON.stringify(kind)}`, lines: lines(1) },
      });
      // Refused as invalid (400), or read as "budget" and refused by the rule (403): never made.
      expect([400, 403]).toContain(r.statusCode);
      if (r.statusCode === 403) expect(r.json().error.code).toBe('SERVER_BUDGET_NEEDS_PROPOSAL');
    }
    // Without a kind, or a fiscal year spelled as text: the same.
    const noKind = await server.as(t.alice, {
      method: 'POST',
      url: '/api/versions',
      payload: { costCentre: 'CC1', fiscalYear: 2026, name: 'No kind', lines: lines(1) },
    });
    expect(noKind.statusCode).toBe(400);
    const textYear = await server.as(t.alice, {
      method: 'POST',
      url: '/api/versions',
      payload: { costCentre: 'CC1', fiscalYear: '2026', kind: 'budget', name: 'Text year', lines: lines(1) },
    });
    expect([400, 403]).toContain(textYear.statusCode);
    expect(await budgets('CC1')).toHaveLength(1);
    expect(
      (await server.db.query(`SELECT 1 FROM budget_versions WHERE name LIKE 'Spoof%' OR name = 'Text year'`)).rowCount,
    ).toBe(0);
  });

  test('baseline squatting: only a budget owner or an admin loads the first budget, an analyst saves forecasts', async () => {
    const before = await snapshot(server.db);
    const squat = await direct(t.bob, 'CC5', 'Budget by bob', 1e9);
    expect(squat.statusCode).toBe(403);
    expect(squat.json().error).toEqual({
      code: 'SERVER_FORBIDDEN_ROLE',
      message:
        'The first budget of CC5 for 2026 is its budget of record: a budget owner or an admin loads it, and analyst ' +
        'may not. Ask one of them, or save your version as a forecast or scenario.',
    });
    expect(await snapshot(server.db)).toEqual(before);
    const forecast = await postVersion(
      server,
      t.bob,
      newVersion('Bob forecast', lines(1), { costCentre: 'CC5', kind: 'forecast' }),
    );
    expect(forecast.statusCode).toBe(201);
    expect((await direct(t.alice, 'CC5', 'Budget CC5', 500)).statusCode).toBe(201);
    expect((await budgets('CC5')).map((v) => v.created_by)).toEqual(['alice']);
  });

  test('a race of first budgets: exactly one becomes the baseline, the others are refused', async () => {
    const race = await Promise.all(
      Array.from({ length: 8 }, (_, i) => direct(i % 2 ? t.alice : t.eve, 'CC2', `First ${i}`, 100 + i)),
    );
    const codes = race.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 403, 403, 403, 403, 403, 403, 403]);
    const winner = race.find((r) => r.statusCode === 201)!.json();
    for (const r of race.filter((x) => x.statusCode === 403))
      expectNeedsProposal(r, { id: winner.id, name: winner.name, number: 1 });
    expect(await budgets('CC2')).toEqual([
      { number: 1, name: winner.name, proposal_id: null, created_by: winner.createdBy },
    ]);
  });

  test('the database refuses a direct later budget version whatever the application does', async () => {
    const insert = (costCentre: string, kind: string, number: number) =>
      server.db.query(
        `INSERT INTO budget_versions (cost_centre, fiscal_year, kind, name, number, created_by)
         VALUES ($1, 2031, $2, $3, $4, 'mallory')`,
        [costCentre, kind, `${kind} ${number}`, number],
      );
    await insert('DB1', 'budget', 1);
    await expect(insert('DB1', 'budget', 2)).rejects.toThrow(/budget_versions_of_record/);
    await expect(insert('DB2', 'budget', 7)).rejects.toThrow(/budget_versions_of_record/);
    await insert('DB1', 'forecast', 1);
    await insert('DB1', 'forecast', 2);
    expect(await budgets('DB1', 2031)).toHaveLength(1);
  });

  test('the budget changes through an approved proposal; revert is a reversal another person approves, no way round', async () => {
    const base = await direct(t.alice, 'CC4', 'Budget CC4', 1000);
    expect(base.statusCode).toBe(201);
    const team = { author: t.alice, approvers: [t.ann] };
    const applied = await reviseBudget(server, team, 'CC4', 2026, [
      { account: '6100', period: '2026-01', before: 1000, after: 400 },
      { account: '6300', period: '2026-01', before: 0, after: 600 },
    ]);
    const [v2] = applied.versions;
    expect(v2).toMatchObject({ costCentre: 'CC4', name: 'v2', action: 'apply' });
    // Made from the approved proposal, a direct budget still is not allowed.
    expectNeedsProposal(await direct(t.bob, 'CC4', 'After v2', 1), { id: v2.id, name: 'v2', number: 2 });
    // Revert: only the apply role; it asks for a reversal, which ann approves before alice applies it.
    expect((await moveProposal(server, t.bob, applied, 'revert', { comment: 'undo' })).statusCode).toBe(403);
    const reverted = await revertThroughChain(server, { asker: t.alice, approvers: [t.ann] }, applied, 'undo');
    const v3 = (await server.as(t.alice, { method: 'GET', url: `/api/versions/${reverted.versions[0].id}` })).json();
    expect(v3).toMatchObject({
      number: 3,
      proposalId: reverted.id,
      lineage: { action: 'apply', reverts: applied.id, appliedBy: 'alice', approvers: [{ who: 'ann' }] },
    });
    expect(v3.lines).toEqual([
      { account: '6100', period: '2026-01', amount: 1000 },
      { account: '6200', period: '2026-01', amount: 2000 },
      { account: '6300', period: '2026-01', amount: 0 },
    ]);
    // Once reverted, the proposal moves no more (no second reversal, no apply again), nor is the reversal reversed.
    const original = (await server.as(t.alice, { method: 'GET', url: `/api/proposals/${applied.id}` })).json();
    expect(original.state).toBe('reverted');
    for (const verb of ['revert', 'apply'])
      expect((await moveProposal(server, t.alice, original, verb, { comment: 'again' })).statusCode).toBe(409);
    expect((await moveProposal(server, t.alice, reverted, 'revert', { comment: 'again' })).statusCode).toBe(409);
    expect((await budgets('CC4')).map((v) => [v.number, v.proposal_id === null])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });

  test('an actuals import writes actuals only, never a budget version or line', async () => {
    const before = await server.db.query(
      `SELECT (SELECT count(*)::int FROM budget_versions) AS versions, (SELECT count(*)::int FROM version_lines) AS lines`,
    );
    const imported = await server.as(t.alice, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=2026-01&costCentre=CC1',
      headers: { 'content-type': 'text/csv' },
      payload: 'account,period,amount\n6100,2026-01,999999\n6200,2026-01,-5\n',
    });
    expect(imported.statusCode).toBe(201);
    const after = await server.db.query(
      `SELECT (SELECT count(*)::int FROM budget_versions) AS versions, (SELECT count(*)::int FROM version_lines) AS lines`,
    );
    expect(after.rows).toEqual(before.rows);
    const [baseline] = await budgets('CC1');
    const read = await server.as(t.alice, { method: 'GET', url: `/api/versions?costCentre=CC1&fiscalYear=2026` });
    const v1 = read.json().find((v: Json) => v.kind === 'budget' && v.number === baseline.number);
    expect((await server.as(t.alice, { method: 'GET', url: `/api/versions/${v1.id}` })).json().lines).toEqual(
      lines(1000),
    );
  });
});
