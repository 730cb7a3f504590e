import { createHmac } from 'node:crypto';
import { announceSteps, deliverDue } from '../../server/notify/background';
import { startTestServer, type TestServer, ENGINES, type Json } from './helpers';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(120_000);

const SECRET = 'a-shared-secret-of-32-characters';

describe.each(ENGINES)('webhook notifications through the outbox (%s)', (engine) => {
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

  test('a large report announces its five most severe new flags and counts the rest on the last (no flood)', async () => {
    const hook = await subscribe('generic');
    await subscribe('slack');
    const flags = Array.from({ length: 12 }, (_, i) => ({
      flagId: `flag:bulk${i}@3`,
      kind: 'overspend',
      severity: 0.8 + i / 100,
      amount: 100 * (i + 1),
    }));
    const r = await server.as(analyst, {
      method: 'POST',
      url: '/api/flags',
      payload: {
        costCentre: 'CC1',
        flags: [...flags, { flagId: 'flag:low@3', kind: 'overspend', severity: 0.2, amount: 5 }],
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().raised).toHaveLength(12);
    expect(await deliver()).toBe(10); // five events, two webhooks
    const generic = receiver.received
      .map((got) => JSON.parse(got.body) as Json)
      .filter((body) => body.type === 'flag.raised')
      .map((body) => body.data as Json);
    expect(generic.map((d) => (d.flag as Json).flagId)).toEqual([
      'flag:bulk11@3',
      'flag:bulk10@3',
      'flag:bulk9@3',
      'flag:bulk8@3',
      'flag:bulk7@3',
    ]);
    expect(generic.map((d) => d.alsoRaised)).toEqual([undefined, undefined, undefined, undefined, 7]);
    const texts = receiver.received.map((got) => (JSON.parse(got.body) as Json).text).filter(Boolean);
    expect(texts).toHaveLength(5);
    expect(texts.filter((t) => String(t).includes('raised 7 more high-severity flags in CC1'))).toHaveLength(1);
    expect(await deliveries(hook.id)).toHaveLength(5);
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

  test('approvals waiting, reminders, deadlines passed and proposals applied are announced once each', async () => {
    await subscribe('generic', ['approval.waiting', 'deadline.passed', 'proposal.applied']);
    const owner = await server.token('olga', ['analyst', 'budget_owner'], ['CC1']);
    const approver = await server.token('abe', 'approver', ['CC1']);
    const post = (token: string, url: string, version?: number) =>
      server.as(token, {
        method: 'POST',
        url,
        payload: url.endsWith('/api/proposals')
          ? {
              fiscalYear: 2031,
              lines: [
                { costCentre: 'CC1', account: `W${(n += 1)}`, period: '2031-01', before: 0, after: -40 },
                { costCentre: 'CC1', account: `W${(n += 1)}`, period: '2031-01', before: 0, after: 40 },
              ],
            }
          : {},
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
    const events = () => receiver.received.map((r) => JSON.parse(r.body) as Json);

    const p = (await post(owner, '/api/proposals')).json();
    const submitted = (await post(owner, `/api/proposals/${p.id}/submit`, p.version)).json();
    expect(await deliver()).toBe(1);
    expect(events()[0]).toMatchObject({
      type: 'approval.waiting',
      data: { proposal: { id: p.id }, step: { step: 1, role: 'approver' }, reminder: 0 },
    });
    const approved = (await post(approver, `/api/proposals/${p.id}/approve`, submitted.version)).json();
    expect(approved.state).toBe('approved');
    const applied = await post(owner, `/api/proposals/${p.id}/apply`, approved.version);
    expect(applied.statusCode).toBe(200);
    expect(await deliver()).toBe(1);
    expect(events()[1]).toMatchObject({
      type: 'proposal.applied',
      data: { proposal: { id: p.id, state: 'applied', versions: [{ costCentre: 'CC1', action: 'apply' }] } },
    });

    // A step left waiting: its reminder falls due, then its deadline passes (time moved by the test).
    const late = (await post(owner, '/api/proposals')).json();
    await post(owner, `/api/proposals/${late.id}/submit`, late.version);
    await server
      .owner()
      .query(
        "UPDATE proposal_steps SET next_reminder_at = now() - interval '1 minute', due_at = now() - interval '1 hour' WHERE proposal_id = $1",
        [late.id],
      );
    expect(await announceSteps(server.db)).toBe(1);
    expect(await announceSteps(server.db)).toBe(0); // the deadline is told once; the next reminder is ahead
    expect(await deliver()).toBe(3); // the step's first waiting notice, the deadline, the reminder
    const lateEvents = events()
      .slice(2)
      .map((e) => [e.type, e.data.reminder ?? null]);
    expect(lateEvents.sort()).toEqual([
      ['approval.waiting', 0],
      ['approval.waiting', 1],
      ['deadline.passed', null],
    ]);
    const overdue = (await server.as(owner, { method: 'GET', url: `/api/proposals/${late.id}` })).json();
    expect(overdue.chain[0]).toMatchObject({ state: 'pending', overdue: true, reminders: 1 });
    expect(receiver.acted.size).toBe(5);
  });
});
