import 'fake-indexeddb/auto';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { apiClient } from '../../src/connector/api-client';
import { sendRequest } from '../../src/connector/http-client';
import { statusLine } from '../../src/connector/status-line';

/**
 * A scripted server behind a fake fetch: it honours Idempotency-Key like the real one (a repeated
 * key returns the stored answer) and can be switched off to simulate being offline.
 */
function fakeServer() {
  const state = {
    online: true,
    writes: [] as { key: string; url: string; body: string; auth?: string }[],
    responses: new Map<string, Response>(),
  };
  let nextStatus: { status: number; body: unknown } | undefined;
  const fetchFn = (async (url: string, init: RequestInit) => {
    if (!state.online) throw new TypeError('fetch failed');
    const headers = init.headers as Record<string, string>;
    if (url.endsWith('/ready')) return new Response(JSON.stringify({ status: 'ready' }), { status: 200 });
    const key = headers['idempotency-key'];
    if (init.method === 'GET') return new Response('[]', { status: 200 });
    if (key && state.responses.has(key)) {
      const stored = state.responses.get(key)!;
      return new Response(await stored.clone().text(), {
        status: stored.status,
        headers: { 'idempotent-replayed': 'true' },
      });
    }
    if (nextStatus) {
      const scripted = nextStatus;
      nextStatus = undefined;
      return new Response(JSON.stringify(scripted.body), { status: scripted.status });
    }
    state.writes.push({ key, url, body: String(init.body), auth: headers.authorization });
    const response = new Response(JSON.stringify({ n: state.writes.length, ...JSON.parse(String(init.body)) }), {
      status: 201,
      headers: { etag: '"1"' },
    });
    state.responses.set(key, response.clone());
    return response;
  }) as unknown as typeof fetch;
  return { state, fetch: fetchFn, failNext: (status: number, body: unknown) => (nextStatus = { status, body }) };
}

let dbCounter = 0;
async function setup(server = fakeServer(), name = `q${++dbCounter}`) {
  let now = 1_000_000;
  let keys = 0;
  const clock = { now: () => now, jitter: () => 1 };
  const queue = await OfflineQueue.open(clock, name);
  const connector = createConnector({ ...clock, queue, fetch: server.fetch, newKey: () => `key-${name}-${++keys}` });
  return { server, queue, connector, api: apiClient(connector), name, advance: (ms: number) => (now += ms), clock };
}

const review = (flagId: string) => ({ costCentre: 'CC1', flagId, decision: 'accepted' as const });

/** An (unsigned) token for `sub`: the fake server does not verify; the connector reads the claim. */
const tokenOf = (sub: string) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.`;
const flagIds = (writes: { body: string }[]) => writes.map((w) => JSON.parse(w.body).flagId as string);

describe('offline queue and connector', () => {
  test('writes made offline are queued, survive a restart, and replay in order exactly once', async () => {
    const first = await setup();
    await first.connector.connect('http://127.0.0.1:8787', async () => 'token');
    expect(first.connector.getState().status).toBe('online');
    first.server.state.online = false;
    for (const id of ['f1', 'f2', 'f3'])
      expect(await first.api.createReview(review(id))).toEqual({ sent: false, queuedKey: expect.any(String) });
    expect(first.connector.getState()).toMatchObject({ status: 'offline', queued: 3 });
    first.queue.close();

    // The task pane reloads: a new queue over the same IndexedDB database.
    const second = await setup(first.server, first.name);
    expect((await second.queue.pending()).map((e) => (e.body as { flagId: string }).flagId)).toEqual([
      'f1',
      'f2',
      'f3',
    ]);
    second.server.state.online = true;
    const state = await second.connector.connect('http://127.0.0.1:8787', async () => 'token');
    expect(state).toMatchObject({ status: 'online', queued: 0, lastSyncAt: 1_000_000 });
    expect(second.server.state.writes.map((w) => JSON.parse(w.body).flagId)).toEqual(['f1', 'f2', 'f3']);
    // Replaying again (e.g. an answer was lost) sends nothing new.
    await second.connector.sync({ ignoreBackoff: true });
    expect(second.server.state.writes).toHaveLength(3);
  });

  test('a lost answer is replayed with the same idempotency key and the server does not double it', async () => {
    const t = await setup();
    await t.connector.connect('http://127.0.0.1:8787', async () => 'token');
    await t.queue.enqueue(
      { endpoint: 'createReview', pathParams: {}, query: {}, body: review('lost'), label: 'x' },
      'key-lost-1',
    );
    // The first send reached the server, but the client crashed before deleting the entry.
    const [entry] = await t.queue.pending();
    await t.server.fetch('http://127.0.0.1:8787/api/reviews', {
      method: 'POST',
      headers: { 'idempotency-key': entry.key },
      body: JSON.stringify(entry.body),
    });
    const report = await t.queue.replay((request) =>
      sendRequest({ baseUrl: 'http://127.0.0.1:8787', getToken: async () => 't', fetch: t.server.fetch }, request),
    );
    expect(report.sent[0].response.replayed).toBe(true);
    expect(t.server.state.writes).toHaveLength(1);
  });

  test('retries back off exponentially while the server is down', async () => {
    const t = await setup();
    await t.connector.connect('http://127.0.0.1:8787', async () => 'token');
    t.server.state.online = false;
    await t.api.createReview(review('b1'));
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const [entry] = await t.queue.pending();
      delays.push(entry.nextAttemptAt - t.clock.now());
      t.advance(entry.nextAttemptAt - t.clock.now() - 1);
      await t.connector.sync();
      expect((await t.queue.pending())[0].attempts).toBe(i + 1); // not due yet: no attempt
      t.advance(1);
      await t.connector.sync();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(t.connector.getState().nextRetryAt).toBe((await t.queue.pending())[0].nextAttemptAt);
    t.server.state.online = true;
    t.advance(60_000);
    expect(await t.connector.sync()).toMatchObject({ status: 'online', queued: 0 });
  });

  test('a 409 is surfaced with both versions; the user keeps theirs or the server’s', async () => {
    const t = await setup();
    await t.connector.connect('http://127.0.0.1:8787', async () => 'token');
    const current = { id: 'p1', state: 'approved', version: 3 };
    t.server.failNext(409, {
      error: { code: 'SERVER_STALE_VERSION', message: 'proposal changed since you read it', details: { current } },
    });
    await expect(t.api.transitionProposal({ id: 'p1', version: 2 }, 'reject', 'too late?')).rejects.toMatchObject({
      code: 'CONNECTOR_CONFLICT',
      data: { yours: { comment: 'too late?' }, current },
    });
    const [conflict] = t.connector.getState().conflicts;
    expect(conflict).toMatchObject({
      yours: { comment: 'too late?' },
      current,
      write: { ifMatch: 2, label: 'reject proposal p1' },
    });
    const kept = await t.connector.resolveConflict(conflict.seq, 'mine');
    expect(kept.conflicts).toEqual([]);
    const resent = t.server.state.writes.at(-1)!;
    expect(resent.url).toBe('http://127.0.0.1:8787/api/proposals/p1/reject');

    t.server.failNext(409, { error: { code: 'SERVER_STALE_VERSION', message: 'changed', details: { current } } });
    await expect(t.api.createReview(review('c2'))).rejects.toMatchObject({ code: 'CONNECTOR_CONFLICT' });
    const dropped = await t.connector.resolveConflict(t.connector.getState().conflicts[0].seq, 'theirs');
    expect(dropped).toMatchObject({ conflicts: [], queued: 0 });
  });

  test('validation refusals are kept as failed, sign-in refusals stop the queue with an error status', async () => {
    const t = await setup();
    await t.connector.connect('http://127.0.0.1:8787', async () => 'token');
    t.server.failNext(422, {
      error: { code: 'SERVER_IMPORT_INVALID', message: '1 row(s) are invalid', details: { errors: [] } },
    });
    await expect(t.api.importActuals('b1', 'CC1', 'account,period,amount\n4000,2025-13,1\n')).rejects.toMatchObject({
      code: 'CONNECTOR_REJECTED',
      data: { status: 422, code: 'SERVER_IMPORT_INVALID', details: { errors: [] } },
    });
    expect(t.connector.getState().failed).toHaveLength(1);
    expect((await t.connector.dismissFailed(t.connector.getState().failed[0].seq)).failed).toEqual([]);

    t.server.failNext(401, {
      error: { code: 'SERVER_UNAUTHENTICATED', message: 'Sign in again: the token has expired.' },
    });
    expect(await t.api.createReview(review('u1'))).toEqual({ sent: false, queuedKey: expect.any(String) });
    expect(t.connector.getState()).toMatchObject({ status: 'error', queued: 1 });
    expect(await t.connector.sync()).toMatchObject({ status: 'online', queued: 0 });
  });

  test('queued writes carry their user; another user’s are held, never sent as theirs, until that user is back', async () => {
    const t = await setup();
    t.server.state.online = false;
    await t.connector.connect('http://127.0.0.1:8787', async () => tokenOf('alice'));
    await t.api.createReview(review('alice-1'));
    await t.api.createReview(review('alice-2'));
    expect((await t.queue.pending()).map((e) => e.user)).toEqual(['alice', 'alice']);

    // Bob signs in on the same machine while alice's writes wait.
    t.server.state.online = true;
    const asBob = await t.connector.connect('http://127.0.0.1:8787', async () => tokenOf('bob'));
    expect(asBob).toMatchObject({ status: 'online', queued: 2, held: 2 });
    expect(statusLine(asBob, () => '14:05')).toBe('Online · last sync 14:05 · 2 queued · 2 held for another user');
    expect(await t.api.createReview(review('bob-1'))).toMatchObject({ sent: true });
    expect(await t.connector.sync({ ignoreBackoff: true })).toMatchObject({ queued: 2, held: 2 });
    expect(t.server.state.writes.map((w) => [JSON.parse(w.body).flagId, w.auth])).toEqual([
      ['bob-1', `Bearer ${tokenOf('bob')}`],
    ]);

    // Alice again: her writes go out, in order, as hers.
    expect(await t.connector.connect('http://127.0.0.1:8787', async () => tokenOf('alice'))).toMatchObject({
      queued: 0,
      held: 0,
    });
    expect(t.server.state.writes.slice(1).map((w) => [JSON.parse(w.body).flagId, w.auth])).toEqual([
      ['alice-1', `Bearer ${tokenOf('alice')}`],
      ['alice-2', `Bearer ${tokenOf('alice')}`],
    ]);
  });

  test('a pass goes on until the queue is empty: writes queued during it go out in the same sync', async () => {
    const t = await setup();
    await t.connector.connect('http://127.0.0.1:8787', async () => 'token');
    const write = (flagId: string) => ({
      endpoint: 'createReview' as const,
      pathParams: {},
      query: {},
      body: review(flagId),
      label: flagId,
    });
    const target = { baseUrl: 'http://127.0.0.1:8787', getToken: async () => 't', fetch: t.server.fetch };
    await t.queue.enqueue(write('r1'), 'k-r1');
    let queuedDuring = false;
    const report = await t.queue.replay(async (request) => {
      if (!queuedDuring) {
        queuedDuring = true;
        await t.queue.enqueue(write('r2'), 'k-r2'); // e.g. the user approves something while the sync runs
      }
      return sendRequest(target, request);
    });
    expect(report.sent.map((s) => s.key)).toEqual(['k-r1', 'k-r2']);
    expect(await t.queue.pending()).toEqual([]);

    // A replay asked for while a pass runs waits for it, then makes sure nothing is left behind.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await t.queue.enqueue(write('r3'), 'k-r3');
    const running = t.queue.replay(async (request) => {
      await gate;
      return sendRequest(target, request);
    });
    await t.queue.enqueue(write('r4'), 'k-r4');
    const joined = t.queue.replay((request) => sendRequest(target, request));
    release();
    expect((await running).sent.map((s) => s.key)).toContain('k-r3');
    expect((await joined).sent.map((s) => s.key)).toEqual(['k-r3', 'k-r4']);
    expect(flagIds(t.server.state.writes)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await t.queue.pending()).toEqual([]);
  });

  test('not connected and bad addresses are refused clearly', async () => {
    const t = await setup();
    await expect(t.api.createReview(review('x'))).rejects.toMatchObject({ code: 'CONNECTOR_NOT_CONNECTED' });
    await expect(t.connector.connect('ftp://nope', async () => '')).rejects.toMatchObject({
      code: 'CONNECTOR_BAD_URL',
    });
    t.server.state.online = false;
    expect(await t.connector.connect('http://127.0.0.1:1', async () => '')).toMatchObject({ status: 'offline' });
    expect(await t.connector.disconnect()).toMatchObject({ status: 'disconnected', baseUrl: null });
  });
});
