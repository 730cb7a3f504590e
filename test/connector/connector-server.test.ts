import 'fake-indexeddb/auto';
import { apiClient } from '../../src/connector/api-client';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { describeIfPg, useTestServer } from '../server/helpers';

jest.setTimeout(120_000);

describeIfPg('connector against the real server', () => {
  const server = useTestServer({ prefix: 'connector' });

  test('connected, the user is the one the server verified; a refused token is an error, not a user', async () => {
    const token = await server.token('ana', ['approver', 'controller'], ['CC1']);
    const clock = { now: () => 1_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, 'who-am-i');
    const connector = createConnector({ ...clock, queue });
    expect(await connector.connect(server.url, async () => token)).toMatchObject({
      status: 'online',
      user: { id: 'ana', roles: ['approver', 'controller'], costCentres: ['CC1'] },
    });
    expect(await connector.disconnect()).toMatchObject({ status: 'disconnected', user: null });
    const refused = await connector.connect(server.url, async () => 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmEifQ.');
    expect(refused).toMatchObject({ status: 'error', user: null });
    expect(refused.error).toMatch(/The server refused the sign-in/);
    queue.close();
  });

  test('a lost answer, then another user signs in: the write is held, then applied once, as its author’s', async () => {
    const alice = await server.token('alice', 'analyst', ['CC7']);
    const bob = await server.token('bob', 'analyst', ['CC7']);
    const clock = { now: () => 50_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, 'user-change');
    let keys = 0;
    const connector = createConnector({ ...clock, queue, newKey: () => `user-change-${++keys}-abcdef` });
    const api = apiClient(connector);
    await connector.connect(server.url, async () => alice);
    // Alice's write reaches the server but the answer is lost: the entry stays queued, stamped alice.
    let online = true;
    const lossy = createConnector({
      ...clock,
      queue,
      newKey: () => `user-change-${++keys}-abcdef`,
      fetch: ((url: string, init: RequestInit) =>
        online
          ? fetch(url, init).then((r) => {
              if (init.method === 'POST') {
                online = false;
                throw new TypeError('connection reset');
              }
              return r;
            })
          : Promise.reject(new TypeError('fetch failed'))) as typeof fetch,
    });
    await lossy.connect(server.url, async () => alice);
    const review = { costCentre: 'CC7', flagId: 'lost-then-bob', decision: 'escalated' as const, comment: 'x' };
    expect(await apiClient(lossy).createReview(review)).toMatchObject({ sent: false });
    expect((await queue.pending()).map((e) => e.user)).toEqual(['alice']);

    // Bob signs in on the same pane: alice's write is held, not sent as bob's (which would apply it twice).
    expect(await connector.connect(server.url, async () => bob)).toMatchObject({ user: { id: 'bob' }, held: 1 });
    await api.createReview({ ...review, flagId: 'bob-own' });
    const byAuthor = async () =>
      (
        await server.db.query<{ flag_id: string; decided_by: string }>(
          `SELECT flag_id, decided_by FROM review_decisions WHERE cost_centre = 'CC7' ORDER BY flag_id`,
        )
      ).rows.map((r) => `${r.flag_id} by ${r.decided_by}`);
    expect(await byAuthor()).toEqual(['bob-own by bob', 'lost-then-bob by alice']);

    // Alice is back: the held write replays with its key and is recognised, not applied again.
    expect(await connector.connect(server.url, async () => alice)).toMatchObject({ queued: 0, held: 0 });
    expect(await byAuthor()).toEqual(['bob-own by bob', 'lost-then-bob by alice']);
    queue.close();
  });

  test('offline writes survive a restart, replay exactly once, and a stale approval shows both versions', async () => {
    const token = await server.token('olga', 'budget_owner', ['CC1']);
    let online = false;
    const fetchFn = ((url: string, init: RequestInit) =>
      online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    let now = 5_000;
    const clock = { now: () => now, jitter: () => 1 };
    let keys = 0;
    const open = async () => {
      const queue = await OfflineQueue.open(clock, 'e2e');
      const connector = createConnector({ ...clock, queue, fetch: fetchFn, newKey: () => `e2e-key-${++keys}-abcdef` });
      return { queue, connector, api: apiClient(connector) };
    };

    const first = await open();
    expect(await first.connector.connect(server.url, async () => token)).toMatchObject({ status: 'offline' });
    await first.api.createReview({
      costCentre: 'CC1',
      flagId: 'var-7',
      decision: 'escalated',
      comment: 'offline note',
    });
    await first.api.importActuals('e2e-jan', 'CC1', 'account,period,amount\n4000,2026-01,10\n4010,2026-01,20\n');
    await first.api.createProposal({
      fiscalYear: 2026,
      lines: [{ id: 'L1', costCentre: 'CC1', account: '6100', period: '2026-01', before: 1000, after: 700 }],
    });
    expect(first.connector.getState()).toMatchObject({ status: 'offline', queued: 3 });
    // A lost answer: the first write reached the server, the client never heard back.
    const [head] = await first.queue.pending();
    await server.as(token, {
      method: 'POST',
      url: '/api/reviews',
      payload: head.body,
      headers: { 'idempotency-key': head.key },
    });
    first.queue.close();

    online = true;
    now += 10_000;
    const second = await open();
    const state = await second.connector.connect(server.url, async () => token);
    expect(state).toMatchObject({ status: 'online', queued: 0, conflicts: [], lastSyncAt: 15_000 });
    const counts = await server.db.query<{ reviews: number; actuals: number; proposals: number }>(
      `SELECT (SELECT count(*)::int FROM review_decisions WHERE flag_id = 'var-7') AS reviews,
              (SELECT count(*)::int FROM actuals WHERE batch_id = 'e2e-jan') AS actuals,
              (SELECT count(*)::int FROM proposals WHERE created_by = 'olga') AS proposals`,
    );
    expect(counts.rows[0]).toEqual({ reviews: 1, actuals: 2, proposals: 1 });

    // Someone else moves the proposal on while this user still looks at version 1.
    const [proposal] = await second.api.listProposals('CC1');
    const submitted = await second.api.transitionProposal(proposal, 'submit');
    expect(submitted).toMatchObject({ sent: true, body: { state: 'submitted', version: 2 }, version: 2 });
    await expect(second.api.editProposal(proposal, { reason: 'smaller cut' })).rejects.toMatchObject({
      code: 'CONNECTOR_CONFLICT',
      data: { yours: { reason: 'smaller cut' }, current: { state: 'submitted', version: 2 } },
    });
    expect(second.connector.getState().conflicts).toHaveLength(1);
    second.queue.close();
  });
});
