import { createProposal, createVersion } from './fixtures';
import { describeIfPg, moveProposal, postVersion, snapshot, startTestServer, type TestServer } from './helpers';
import { newVersion } from '../model/sample-version';
import type { VersionLine } from '../../src/model/budget-line';
import type { VersionKind } from '../../src/model/version';

jest.setTimeout(120_000);

describeIfPg('workflows on real PostgreSQL', () => {
  let server: TestServer;
  let admin: string;
  let n = 0;
  const ctx = (cc = 'CC1') => ({ server, admin, cc, unique: `w${++n}` });
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'workflow' });
    admin = await server.token('root', 'admin', '*');
  });
  afterAll(() => server.close());

  test('two approvers approve the same proposal at once: exactly one wins, the other gets 409 with both versions', async () => {
    const alice = await server.token('alice', 'approver', ['CC1']);
    const bob = await server.token('bob', 'approver', ['CC1']);
    for (let round = 0; round < 10; round += 1) {
      const p = await createProposal(ctx(), ['submit']);
      const act = (token: string, verb: string) =>
        moveProposal(server, token, p, verb, verb === 'reject' ? { comment: 'not this quarter' } : {});
      const responses = await Promise.all([act(alice, 'approve'), act(bob, round % 2 ? 'approve' : 'reject')]);
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = responses.find((r) => r.statusCode === 409)!.json();
      expect(loser.error.code).toBe('SERVER_STALE_VERSION');
      expect(loser.error.details.yourVersion).toBe(p.version);
      expect(loser.error.details.current.version).toBe(p.version + 1);
      const audit = await server.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action IN ('proposal.approve', 'proposal.reject')",
        [p.id],
      );
      expect(audit.rows[0].n).toBe(1);
    }
  });

  test('state machine and optimistic concurrency', async () => {
    const p = await createProposal(ctx());
    const post = (verb: string, headers: Record<string, string> = {}, payload: object = {}) =>
      server.as(admin, { method: 'POST', url: `/api/proposals/${p.id}/${verb}`, payload, headers });
    expect((await post('approve', { 'if-match': '"1"' })).json().error.code).toBe('SERVER_INVALID_TRANSITION');
    expect((await post('submit')).statusCode).toBe(428);
    const stale = await post('submit', { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.state).toBe('draft');
    const submitted = await post('submit', { 'if-match': '"1"' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.headers.etag).toBe('"2"');
    const edit = await server.as(admin, {
      method: 'PATCH',
      url: `/api/proposals/${p.id}`,
      payload: { reason: 'changed my mind' },
      headers: { 'if-match': '"2"' },
    });
    expect(edit.json().error.code).toBe('SERVER_INVALID_TRANSITION');
    const approver = await server.token('ann', 'approver', '*');
    const approved = await moveProposal(server, approver, submitted.json(), 'approve');
    expect(approved.statusCode).toBe(200);
    const applied = await post('apply', { 'if-match': '"3"' });
    expect(applied.statusCode).toBe(200);
    const version = applied.json().version as number;
    // The model's rule: a reversal says why (src/model/proposal.ts); refused without, nothing written.
    const silent = await post('revert', { 'if-match': `"${version}"` }, { comment: '  ' });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.message).toMatch(/comment saying why/);
    // Revert asks for a reversal that another person approves; applying it reverts the proposal.
    const asked = await post('revert', { 'if-match': `"${version}"` }, { comment: 'campaign cancelled' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json().reversal).toMatchObject({ state: 'submitted', reverts: p.id, createdBy: 'root' });
    expect((await server.as(admin, { method: 'GET', url: `/api/proposals/${p.id}` })).json()).toMatchObject({
      state: 'applied',
      version,
    });
    const reversal = await moveProposal(server, approver, asked.json().reversal, 'approve');
    expect(reversal.statusCode).toBe(200);
    expect((await moveProposal(server, admin, reversal.json(), 'apply')).statusCode).toBe(200);
    const final = await server.as(admin, { method: 'GET', url: `/api/proposals/${p.id}` });
    expect(final.json()).toMatchObject({ state: 'reverted', version: 5, revertedBy: 'root' });
    const trail = await server.as(admin, { method: 'GET', url: `/api/audit?entity=proposal&entityId=${p.id}` });
    expect(trail.json().map((e: { action: string }) => e.action)).toEqual([
      'proposal.reverted',
      'proposal.revert',
      'proposal.apply',
      'proposal.approve',
      'proposal.submit',
      'proposal.create',
    ]);
    expect(trail.json()[2]).toMatchObject({ actor: 'root', role: 'admin', after: { state: 'applied' } });
    expect(trail.json()[3]).toMatchObject({ actor: 'ann', role: 'approver', after: { state: 'approved' } });
    expect(trail.json()[1]).toMatchObject({
      actor: 'root',
      before: { state: 'applied' },
      after: { state: 'applied', reversal: { id: reversal.json().id, state: 'submitted' } },
    });
    expect(trail.json()[0]).toMatchObject({
      actor: 'root',
      role: 'admin',
      before: { state: 'applied' },
      after: { state: 'reverted' },
    });
  });

  test("the model's rules hold on the server: names, discrete drivers, review comments", async () => {
    const model = (name: string, params: object) =>
      server.as(admin, {
        method: 'POST',
        url: '/api/models',
        payload: {
          costCentre: 'CC1',
          name: `Rules ${name}`,
          expression: `${name} * 2`,
          drivers: [{ name, distribution: 'discrete', params }],
        },
      });
    const dotted = await model('price.eu', { values: [1, 2, 3], probabilities: [0.2, 0.5, 0.3] });
    expect(dotted.statusCode).toBe(201);
    expect(dotted.json().drivers[0].params.values).toEqual([1, 2, 3]);
    expect((await model('x'.repeat(65), { p: 1 })).statusCode).toBe(400);
    expect((await model('2x', { p: 1 })).statusCode).toBe(400);

    const review = (decision: string, comment?: string) =>
      server.as(admin, {
        method: 'POST',
        url: '/api/reviews',
        payload: {
          costCentre: 'CC1',
          flagId: 'flag:MKT-ADS@3',
          decision,
          ...(comment === undefined ? {} : { comment }),
        },
      });
    expect((await review('explained', 'price rise in March')).statusCode).toBe(201);
    const silent = await review('dismissed', ' ');
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.message).toBe('Dismissing needs a reason.');
    expect((await review('explained')).statusCode).toBe(400);
    expect((await review('accepted')).statusCode).toBe(201);
  });

  test('an Idempotency-Key makes a repeated write a replay, even when the repeats race', async () => {
    const request = {
      method: 'POST',
      url: '/api/reviews',
      payload: { costCentre: 'CC1', flagId: 'flag-idem', decision: 'escalated' },
      headers: { 'idempotency-key': 'queue-0001-abcdef' },
    };
    const first = await server.as(admin, request);
    const again = await server.as(admin, request);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const raced = await Promise.all(
      [1, 2, 3].map(() => server.as(admin, { ...request, headers: { 'idempotency-key': 'queue-0002-abcdef' } })),
    );
    expect(new Set(raced.map((r) => r.json().id)).size).toBe(1);
    const rows = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM review_decisions WHERE flag_id = 'flag-idem'",
    );
    expect(rows.rows[0].n).toBe(2);
  });

  test('a budget and a forecast compare line by line', async () => {
    // CC5 holds no budget yet (the proposals above applied CC1's), so Base is its baseline.
    const make = (name: string, lines: VersionLine[], kind: VersionKind = 'budget') =>
      postVersion(server, admin, newVersion(name, lines, { costCentre: 'CC5', kind }));
    const a = (
      await make('Base', [
        { account: '4000', period: '2026-01', amount: 100 },
        { account: '4000', period: '2026-02', amount: 50 },
      ])
    ).json();
    const b = (
      await make(
        'Revised',
        [
          { account: '4000', period: '2026-01', amount: 120 },
          { account: '5000', period: '2026-01', amount: 7.5 },
        ],
        'forecast',
      )
    ).json();
    const compared = await server.as(admin, { method: 'GET', url: `/api/versions/${a.id}/compare/${b.id}` });
    expect(compared.json().lines).toEqual([
      { account: '4000', period: '2026-01', base: 100, other: 120, delta: 20 },
      { account: '4000', period: '2026-02', base: 50, other: null, delta: -50 },
      { account: '5000', period: '2026-01', base: null, other: 7.5, delta: 7.5 },
    ]);
    expect(compared.json().totals).toEqual({ base: 150, other: 127.5, delta: -22.5 });
    const dup = await make('Revised', [], 'forecast');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('SERVER_DUPLICATE');
    const big = await createVersion(ctx(), 1000);
    const read = await server.as(admin, { method: 'GET', url: `/api/versions/${big.id}` });
    expect(read.json().lines).toHaveLength(1000);
  });

  test('actuals import is idempotent by batch id and never half-applied', async () => {
    const url = '/api/actuals/imports?batchId=jan-2026&costCentre=CC1';
    const rows = Array.from({ length: 500 }, (_, i) => ({
      account: `${4000 + (i % 20)}`,
      period: '2026-01',
      amount: i / 4,
      currency: 'EUR',
    }));
    const [one, two] = await Promise.all([
      server.as(admin, { method: 'POST', url, payload: { rows } }),
      server.as(admin, { method: 'POST', url, payload: { rows } }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 201]);
    const changed = await server.as(admin, { method: 'POST', url, payload: { rows: rows.slice(1) } });
    expect(changed.json().error.code).toBe('SERVER_BATCH_CONFLICT');
    const before = await snapshot(server.db);
    const bad = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=feb-2026&costCentre=CC1',
      payload: {
        rows: [
          ...rows.map((r) => ({ ...r, period: '2026-02' })),
          { account: '4000', period: '2026-02', amount: 'n/a' },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([{ row: 501, field: 'amount', message: expect.any(String) }]);
    expect(await snapshot(server.db)).toEqual(before);
    const summary = await server.as(admin, { method: 'GET', url: '/api/actuals/imports/jan-2026?costCentre=CC1' });
    expect(summary.json()).toMatchObject({ rowCount: 500, storedRows: 500 });
    const sums = await server.as(admin, { method: 'GET', url: '/api/actuals?costCentre=CC1&from=2026-01&to=2026-01' });
    expect(sums.json()).toHaveLength(20);
  });

  test('the audit log cannot be changed by the application role', async () => {
    await createProposal(ctx());
    const before = await server.db.query('SELECT * FROM audit_log ORDER BY id');
    expect(before.rowCount).toBeGreaterThan(0);
    for (const sql of ["UPDATE audit_log SET actor = 'mallory'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      await expect(server.db.query(sql)).rejects.toMatchObject({ code: '42501' });
      await expect(server.db.transaction((tx) => tx.query(sql))).rejects.toMatchObject({ code: '42501' });
    }
    const after = await server.db.query('SELECT * FROM audit_log ORDER BY id');
    expect(after.rows).toEqual(before.rows);
  });

  test('audit reads are filtered and scoped', async () => {
    await createProposal(ctx('CC7'));
    const approver = await server.token('ann', 'approver', ['CC7']);
    const mine = await server.as(approver, {
      method: 'GET',
      url: '/api/audit?costCentre=CC7&action=proposal.create&limit=10',
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().length).toBeGreaterThan(0);
    expect(mine.json().every((e: { costCentre: string }) => e.costCentre === 'CC7')).toBe(true);
    expect((await server.as(approver, { method: 'GET', url: '/api/audit' })).statusCode).toBe(400);
    expect((await server.as(approver, { method: 'GET', url: '/api/audit?costCentre=CC1' })).statusCode).toBe(403);
    const page = await server.as(admin, { method: 'GET', url: '/api/audit?limit=2' });
    const next = await server.as(admin, { method: 'GET', url: `/api/audit?limit=2&before=${page.json()[1].id}` });
    expect(next.json()[0].id).toBeLessThan(page.json()[1].id);
  });

  test('CORS answers the add-in origin only', async () => {
    const preflight = (origin: string) =>
      server.send({
        method: 'OPTIONS',
        url: '/api/proposals',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('https://localhost:3000')).headers['access-control-allow-origin']).toBe(
      'https://localhost:3000',
    );
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describeIfPg('rate limits', () => {
  test('the limit answers 429 past the configured rate', async () => {
    const server = await startTestServer({ prefix: 'rate', overrides: { rateLimitMax: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await server.send({ method: 'GET', url: '/api/models?costCentre=CC1' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await server.send({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
