import { createHmac } from 'node:crypto';
import { deliverDue } from '../../server/notify/background';
import { DATABASE_URL, startTestServer, type TestServer } from './helpers';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(120_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const engines: ('auto' | 'pglite')[] = DATABASE_URL ? ['auto', 'pglite'] : ['pglite'];
const SECRET = 'a-shared-secret-of-32-characters';

describe.each(engines)('webhook notifications through the outbox (%s)', (engine) => {
  let server: TestServer;
  let receiver: Receiver;
  let root: string;
  let analyst: string;
  let n = 0;
  const settings = () => ({ ...server.config, webhookRetryBaseMs: 1_000, webhookMaxAttempts: 3 });
  const deliver = () => deliverDue(server.db, settings(), 'test-instance');
  /** Deliveries that are due later are made due now: time passes without the test waiting for it. */
  const timePasses = () =>
    server.owner().query("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE state = 'pending'");

  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'hook' });
    receiver = await startReceiver();
    root = await server.token('root', 'admin', '*');
    analyst = await server.token('ana', 'analyst', ['CC1']);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.acted.clear();
    receiver.behaviour = () => 200;
    // Each test subscribes its own webhooks; earlier ones are paused.
    await server.owner().query("UPDATE webhook_deliveries SET state = 'dead' WHERE state = 'pending'");
    await server.owner().query('UPDATE webhooks SET active = false');
  });

  async function subscribe(format: 'generic' | 'slack' | 'teams', events = ['flag.raised']): Promise<Json> {
    const r = await server.as(root, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: receiver.url, format, events, ...(format === 'generic' ? { secret: SECRET } : {}) },
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  }
  async function raiseFlag(severity = 0.9): Promise<string> {
    n += 1;
    const flagId = `flag:L${n}@3`;
    const r = await server.as(analyst, {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC1', flags: [{ flagId, kind: 'overspend', severity, amount: 1234.5 }] },
    });
    expect(r.statusCode).toBe(201);
    return flagId;
  }
  const deliveries = async (webhookId: string): Promise<Json[]> =>
    (await server.as(root, { method: 'GET', url: `/api/webhooks/${webhookId}/deliveries` })).json();

  test('a generic webhook gets the event signed (HMAC-SHA256 over "t.body") with an idempotency key', async () => {
    const hook = await subscribe('generic');
    const flagId = await raiseFlag();
    await raiseFlag(0.3); // low severity: not announced
    expect(await deliver()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const body = JSON.parse(got.body) as Json;
    expect(body).toMatchObject({ type: 'flag.raised', data: { flag: { flagId, costCentre: 'CC1', severity: 0.9 } } });
    expect(got.key).toBe(`${body.id}:${hook.id}`);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got.headers['x-openfpa-signature']))!;
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${got.body}`).digest('hex'));
    expect((await deliveries(hook.id))[0]).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200 });
    expect(await deliver()).toBe(0); // nothing is sent twice
  });

  test('Slack/Teams incoming webhooks get { text } naming what happened', async () => {
    await subscribe('slack');
    await subscribe('teams');
    const flagId = await raiseFlag(0.95);
    expect(await deliver()).toBe(2);
    for (const got of receiver.received) {
      const body = JSON.parse(got.body) as Json;
      expect(Object.keys(body)).toEqual(['text']);
      expect(body.text).toContain(`High-severity flag ${flagId} in CC1`);
      expect(got.headers['x-openfpa-signature']).toBeUndefined();
    }
  });

  test('a receiver that fails and recovers gets the event once it is up, acted on once', async () => {
    const hook = await subscribe('generic');
    receiver.behaviour = (_request, seen) => (seen < 2 ? 503 : 200);
    await raiseFlag();
    expect(await deliver()).toBe(1);
    const first = (await deliveries(hook.id))[0];
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503' });
    // Backoff: the retry is scheduled at least half the base delay ahead, and not sent before.
    expect(Date.parse(first.nextAttemptAt) - Date.now()).toBeGreaterThan(100);
    expect(await deliver()).toBe(0);
    await timePasses();
    expect(await deliver()).toBe(1);
    await timePasses();
    expect(await deliver()).toBe(1);
    expect((await deliveries(hook.id))[0]).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200 });
    expect(receiver.received.map((r) => r.key)).toEqual(Array(3).fill(receiver.received[0].key));
    expect(receiver.acted.size).toBe(1);
  });

  test('a receiver that never recovers is given up after the maximum attempts (dead)', async () => {
    const hook = await subscribe('generic');
    receiver.behaviour = () => 500;
    await raiseFlag();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await deliver()).toBe(1);
      await timePasses();
    }
    expect(await deliver()).toBe(0);
    expect((await deliveries(hook.id))[0]).toMatchObject({ state: 'dead', attempts: 3, lastStatus: 500 });
  });

  test('an unreachable receiver counts as a failure, not a crash', async () => {
    const r = await server.as(root, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'http://127.0.0.1:1/nothing-listens', format: 'slack', events: ['flag.raised'] },
    });
    await raiseFlag();
    expect(await deliver()).toBe(1);
    expect((await deliveries(r.json().id))[0]).toMatchObject({ state: 'pending', attempts: 1, lastStatus: null });
  });

  test('an event exists only when its change committed (transactional outbox)', async () => {
    await subscribe('generic');
    const before = await server.owner().query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_events');
    const refused = await server.as(analyst, {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC2', flags: [{ flagId: 'flag:X@1', kind: 'overspend', severity: 0.99, amount: 1 }] },
    });
    expect(refused.statusCode).toBe(403);
    const after = await server.owner().query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(await deliver()).toBe(0);
  });
});
